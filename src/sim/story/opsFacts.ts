/**
 * The numbers of the other worlds' chapters, each by one written rule over
 * the run's results: a still world (both models' means and what each cost),
 * a buggy training job (the gate's rejections, any rollback) and an upstream
 * outage (both models on its first day, and what the drift monitor said).
 * docs/CHAPTERS.md states each rule. Null while the days needed are not computed.
 *
 * Owns: those rules. Must not touch: wording (src/content), the engine.
 */
import type { DayResult, ModelRole } from '../contract';
import type { DriftStatus } from '../contract/drift';
import { FEATURES } from '../world/features';

export interface CostComparison {
  /** Serving days the means cover. */
  servingDays: number;
  staticMean: number;
  dynamicMean: number;
  /** |static - dynamic| in points. */
  pointsApart: number;
  staticRuns: number;
  dynamicRuns: number;
  /** Rows times steps processed by the dynamic model's training over the static model's. */
  examplesRatio: number;
}

/**
 * Rule: each model's mean daily accuracy over every computed serving day, and
 * its ledger (training runs, examples processed) on the last computed day.
 */
export function costComparison(days: readonly DayResult[]): CostComparison | null {
  const serving = days.filter((d) => d.static && d.dynamic);
  const last = serving.at(-1);
  if (!last?.static || !last.dynamic) return null;
  const mean = (role: ModelRole) =>
    serving.reduce((sum, d) => sum + (d[role]?.accuracy ?? 0), 0) / serving.length;
  const staticMean = mean('static');
  const dynamicMean = mean('dynamic');
  return {
    servingDays: serving.length,
    staticMean,
    dynamicMean,
    pointsApart: Math.abs(staticMean - dynamicMean) * 100,
    staticRuns: last.static.trainingRuns,
    dynamicRuns: last.dynamic.trainingRuns,
    examplesRatio: last.dynamic.examplesProcessed / last.static.examplesProcessed,
  };
}

export interface BadJob {
  day: number;
  version: number;
  status: 'blessed' | 'rejected' | 'failed';
  promoted: boolean;
}

export interface BuggyJobs {
  /** Every dynamic job that trained on corrupted labels, in day order. */
  bad: BadJob[];
  /** The bad jobs the gate stopped (rejected and not serving). */
  blocked: BadJob[];
  /** The bad jobs that served anyway (gate off). */
  served: BadJob[];
  /** The version serving on the day before the first bad job. */
  servingBefore: number | null;
  /** The first version after the bad jobs that started serving, and its day. */
  nextServing: { version: number; day: number } | null;
  rollbacks: { day: number; from: number | null; to: number }[];
}

/**
 * Rule: the bad jobs are the dynamic model's jobs whose copy of the labels was
 * corrupted (TrainingEvent.corruptedLabels); blocked = rejected and not
 * promoted; served = promoted; rollbacks = every rollback in the audit log.
 * Null when no bad job is among the computed days.
 */
export function buggyJobs(days: readonly DayResult[]): BuggyJobs | null {
  const bad: BadJob[] = [];
  const rollbacks: BuggyJobs['rollbacks'] = [];
  for (const d of days) {
    const corrupted = new Set(
      d.events.filter((e) => e.model === 'dynamic' && e.corruptedLabels).map((e) => e.version),
    );
    for (const job of d.dynamic?.jobs ?? []) {
      if (corrupted.has(job.version)) {
        bad.push({ day: d.day, version: job.version, status: job.status, promoted: job.promoted });
      }
    }
    for (const entry of d.audit) {
      if (entry.action === 'rollback' && entry.to !== null) {
        rollbacks.push({ day: d.day, from: entry.from, to: entry.to });
      }
    }
  }
  if (bad.length === 0) return null;
  const lastBad = bad[bad.length - 1];
  let nextServing: BuggyJobs['nextServing'] = null;
  for (const d of days.slice(lastBad.day)) {
    const job = d.dynamic?.jobs.find((j) => j.promoted);
    if (job) {
      nextServing = { version: job.version, day: d.day };
      break;
    }
  }
  return {
    bad,
    blocked: bad.filter((j) => j.status === 'rejected' && !j.promoted),
    served: bad.filter((j) => j.promoted),
    servingBefore: days[bad[0].day - 1]?.dynamic?.servingVersion ?? null,
    nextServing,
    rollbacks,
  };
}

export interface OutageReading {
  accuracyBefore: number;
  accuracyOn: number;
  status: DriftStatus;
  psi: number;
  /** True when the monitor raised an input alert on the dark feature for this model that day. */
  alert: boolean;
}

export interface OutageFacts {
  /** The first day a source sent a constant. */
  day: number;
  feature: string;
  label: string;
  static: OutageReading;
  dynamic: OutageReading;
}

/**
 * Rule: the first computed serving day with a dark feature; each model's
 * accuracy the day before and that day, and the monitor's one-day reading of
 * the dark feature (status, PSI, input alert) for each model that day.
 */
export function outageFacts(days: readonly DayResult[]): OutageFacts | null {
  const first = days.find((d) => d.darkFeatures.length > 0 && d.drift);
  const before = first && days[first.day - 2];
  if (!first?.drift || !before) return null;
  const feature = first.darkFeatures[0];
  const index = FEATURES.findIndex((f) => f.id === feature);
  if (index < 0) return null;
  const reading = (role: ModelRole): OutageReading | null => {
    const a = before[role]?.accuracy;
    const b = first[role]?.accuracy;
    if (a === undefined || b === undefined || !first.drift) return null;
    const r = first.drift[role].day[index];
    const alert = first.drift.alerts.some(
      (x) => x.model === role && x.kind === 'input' && x.feature === feature,
    );
    return { accuracyBefore: a, accuracyOn: b, status: r.status, psi: r.psi, alert };
  };
  const s = reading('static');
  const d = reading('dynamic');
  if (!s || !d) return null;
  return { day: first.day, feature, label: FEATURES[index].label, static: s, dynamic: d };
}

/**
 * Rule: the dynamic model's last job up to `day` (inclusive): its version and
 * how many days of its window the data gate kept out. Null if none ran.
 */
export function lastJobQuarantine(
  days: readonly DayResult[],
  day: number,
): { day: number; version: number; quarantined: number } | null {
  for (let d = Math.min(day, days.length); d >= 1; d--) {
    const job = days[d - 1].dynamic?.jobs.at(-1);
    if (job) return { day: d, version: job.version, quarantined: job.quarantined.length };
  }
  return null;
}
