/**
 * What a model card says about one model on the day on screen, derived from
 * the day results: how and when it was trained, its cost so far, and how its
 * recent accuracy compares with its validation accuracy.
 *
 * Owns: these derivations (pure, tested without rendering).
 * Must not touch: React.
 */
import type { DayResult, Ledger, ModelRole, RunSummary, TrainingEvent } from '../../sim/contract';

/** The card's facts: the ledger (sim/contract/ledger.ts) plus how and when the model was trained. */
export interface ModelFacts extends Ledger {
  trained: boolean;
  /** The event that created the serving version (or version 1), if any. */
  firstJob: TrainingEvent | null;
  lastJob: TrainingEvent | null;
  lastJobDate: string | null;
  servingVersion: number | null;
  versionAgeDays: number | null;
  validationAccuracy: number | null;
  validationRows: number | null;
  /** Mean accuracy over the last (up to) 7 serving days on screen. */
  recentAccuracy: number | null;
  recentDays: number;
}

/** Facts about `role` as of day `view` (days 1..view are on screen). */
export function modelFacts(
  days: readonly DayResult[],
  view: number,
  role: ModelRole,
  summary: RunSummary | null,
): ModelFacts {
  const shown = days.slice(0, view);
  let firstJob: TrainingEvent | null = null;
  let lastJob: TrainingEvent | null = null;
  let lastJobDate: string | null = null;
  for (const d of shown) {
    for (const e of d.events) {
      if (e.model !== role) continue;
      firstJob ??= e;
      lastJob = e;
      lastJobDate = d.date;
    }
  }
  const today = shown.at(-1)?.[role] ?? null;
  const recent = shown.slice(-7).flatMap((d) => (d[role] ? [d[role].accuracy] : []));
  const trained = firstJob !== null;
  const job: TrainingEvent | null = firstJob;
  return {
    trained,
    firstJob,
    lastJob,
    lastJobDate,
    servingVersion: today?.servingVersion ?? (trained ? 1 : null),
    versionAgeDays: today?.versionAgeDays ?? (trained ? 0 : null),
    trainingRuns: today?.trainingRuns ?? (trained ? 1 : 0),
    examplesProcessed: today?.examplesProcessed ?? (job ? job.rows * job.steps : 0),
    releases: today?.releases ?? (trained ? 1 : 0),
    trainingMs: today?.trainingMs ?? (job ? job.durationMs : 0),
    rejectedJobs: today?.rejectedJobs ?? 0,
    failedJobs: today?.failedJobs ?? 0,
    validationAccuracy: trained && summary ? summary[role].validationAccuracy : null,
    validationRows: trained && summary ? summary[role].validationRows : null,
    recentAccuracy: recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : null,
    recentDays: recent.length,
  };
}
