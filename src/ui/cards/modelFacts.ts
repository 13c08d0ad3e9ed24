/**
 * What a model card says about one model on the day on screen, derived from
 * the day results: how and when it was trained and its cost so far (its
 * accuracy against its own check is the headline's, headline.ts).
 *
 * Owns: these derivations (pure, tested without rendering).
 * Must not touch: React.
 */
import type { DayResult, Ledger, ModelRole, TrainingEvent } from '../../sim/contract';

/** The card's facts: the ledger (sim/contract/ledger.ts) plus how and when the model was trained. */
export interface ModelFacts extends Ledger {
  trained: boolean;
  /** The event that created the serving version (or version 1), if any. */
  firstJob: TrainingEvent | null;
  lastJob: TrainingEvent | null;
  lastJobDate: string | null;
  servingVersion: number | null;
  versionAgeDays: number | null;
}

/** Facts about `role` as of day `view` (days 1..view are on screen). */
export function modelFacts(days: readonly DayResult[], view: number, role: ModelRole): ModelFacts {
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
  };
}
