/**
 * Turning monitor readings into alerts a person reads: one when a feature's
 * status escalates, none again until it has returned to stable, and one per
 * version for each error-stream detector that fires.
 *
 * Owns: the escalation memory and the alerts' wording.
 * Must not touch: statistics (it receives readings).
 */
import type { DriftAlert, DriftStatus, FeatureReading, ModelRole } from '../contract';

const RANK: Record<DriftStatus, number> = { stable: 0, moderate: 1, major: 2 };

/** The reading that explains a status best: the statistic furthest past its usual scale. */
function strongest(r: FeatureReading): { measure: string; value: number } {
  const candidates = [
    { measure: 'PSI', value: r.psi, scale: 0.25 },
    { measure: 'KS', value: r.ks, scale: 0.25 },
    { measure: 'JS', value: r.js, scale: 0.18 },
  ];
  let best = candidates[0];
  for (const b of candidates) if (b.value / b.scale > best.value / best.scale) best = b;
  return { measure: best.measure, value: best.value };
}

export class AlertLog {
  /** Per model and feature, the highest status announced since it was last stable. */
  private readonly announced = new Map<string, DriftStatus>();
  /** Per model, the detector alerts already raised for its serving version. */
  private readonly raised = new Map<string, number>();

  /** Input alerts for one model's readings today (the worse of the day and the window). */
  inputs(
    model: ModelRole,
    featureIds: readonly string[],
    day: readonly FeatureReading[],
    window: readonly FeatureReading[],
  ): DriftAlert[] {
    const alerts: DriftAlert[] = [];
    // A loop, not a callback made per day (see src/sim/model/directKernels.ts on closures and V8).
    for (let f = 0; f < day.length; f++) {
      const d = day[f];
      const w = window[f];
      const worse = RANK[w.status] > RANK[d.status] ? w : d;
      const scope = worse === d ? 'today' : 'over the rolling window';
      const key = `${model}:${featureIds[f]}`;
      const before = this.announced.get(key) ?? 'stable';
      if (worse.status === 'stable') {
        this.announced.delete(key);
        continue;
      }
      if (RANK[worse.status] <= RANK[before]) continue;
      this.announced.set(key, worse.status);
      const { measure, value } = strongest(worse);
      alerts.push({
        model,
        kind: 'input',
        feature: featureIds[f],
        status: worse.status,
        measure,
        value,
        text: `${featureIds[f]} drifted ${scope}: ${worse.status} (${measure} ${value.toFixed(2)}) against the ${model} model's training data`,
      });
    }
    return alerts;
  }

  /** Detector alerts, at most one of each kind per model version (drifts may repeat after a reset). */
  detectors(
    model: ModelRole,
    version: number,
    errorRate: number,
    fired: { ddmWarning: boolean; ddmDrift: boolean; pageHinkley: boolean },
  ): DriftAlert[] {
    const alerts: DriftAlert[] = [];
    const once = (kind: DriftAlert['kind'], text: string, repeat: boolean) => {
      const key = `${model}:${kind}`;
      if (!repeat && this.raised.get(key) === version) return;
      this.raised.set(key, version);
      alerts.push({
        model,
        kind,
        feature: null,
        status: null,
        measure: 'error rate',
        value: errorRate,
        text,
      });
    };
    const rate = `${(errorRate * 100).toFixed(1)}% wrong`;
    if (fired.ddmDrift)
      once('ddm-drift', `The ${model} model's errors jumped (DDM drift, ${rate} that day)`, true);
    else if (fired.ddmWarning)
      once('ddm-warning', `The ${model} model's errors are rising (DDM warning, ${rate})`, false);
    if (fired.pageHinkley)
      once(
        'page-hinkley',
        `The ${model} model's daily error rate has shifted up (Page-Hinkley, ${rate})`,
        true,
      );
    return alerts;
  }
}
