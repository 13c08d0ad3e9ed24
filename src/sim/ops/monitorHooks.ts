/**
 * Where the engine meets the drift monitor: what it hands over when a version
 * starts serving, and what it collects each serving day.
 *
 * Owns: the translation from engine objects (days, snapshots, rows, served
 * predictions) to the monitor's plain inputs, and the day's DayDrift.
 * Must not touch: training or scoring.
 */
import type { DayDrift, ModelRole } from '../contract';
import { mean } from '../eval/metrics';
import type { DriftMonitor } from '../eval/monitoring';
import { meanPrediction, type ModelSnapshot } from '../model';
import { FEATURES } from '../world/features';
import type { DayData } from '../world/visitors';
import { FIRST_SERVING_DAY } from './schedule';
import type { Rows } from './jobs';

const FEATURE_IDS: string[] = [];
for (const f of FEATURES) FEATURE_IDS.push(f.id);

/** A version's monitoring reference: the days it trained on, its mean prediction and buy rate there. */
export function versionReference(
  days: readonly DayData[],
  snapshot: ModelSnapshot,
  rows: Rows,
): { days: number[]; meanPrediction: number; buyRate: number } {
  const numbers: number[] = [];
  for (const d of days) numbers.push(d.day);
  return {
    days: numbers,
    meanPrediction: meanPrediction(snapshot, rows.x, rows.n),
    buyRate: mean(rows.y),
  };
}

/** Tells the monitor that `version` of `role` starts serving. */
export function monitorVersion(
  monitor: DriftMonitor,
  role: ModelRole,
  version: number,
  reference: { days: number[]; meanPrediction: number; buyRate: number },
): void {
  monitor.startVersion(role, version, reference.days, reference.meanPrediction, reference.buyRate);
}

/** Both models' monitoring for one serving day. */
export function monitorDay(
  monitor: DriftMonitor,
  data: DayData,
  served: Record<ModelRole, { predictions: Float32Array }>,
): DayDrift {
  monitor.addDay(data.day, data.features);
  const s = monitor.observe(
    'static',
    data.day,
    served.static.predictions,
    data.labels,
    FEATURE_IDS,
  );
  const d = monitor.observe(
    'dynamic',
    data.day,
    served.dynamic.predictions,
    data.labels,
    FEATURE_IDS,
  );
  return {
    static: s.drift,
    dynamic: d.drift,
    alerts: [...s.alerts, ...d.alerts],
    inputShares: monitor.inputShares(data.day),
    edges: data.day === FIRST_SERVING_DAY ? monitor.edges() : null,
    calibration: data.day === FIRST_SERVING_DAY ? monitor.calibration() : null,
  };
}
