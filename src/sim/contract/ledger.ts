/**
 * Part of the JSON contract (src/sim/contract): the cost ledger, declared once.
 *
 * Owns: the six running totals of what training has cost a model. A day's
 * ModelDay, a run's ModelSummary and a comparison's StrategyRow all extend it.
 * Fields are added, never renamed or removed; `trainingMs` is a timing.
 * Must not touch: how the totals are charged (src/sim/ops/servingModel.ts).
 */

/** What training has cost a model: cumulative on a day, totals in a summary. */
export interface Ledger {
  /**
   * Training jobs that ran, whatever their outcome (on a day: counting a job
   * run at the end of that day).
   */
  trainingRuns: number;
  /** Rows times full-batch steps processed by training. */
  examplesProcessed: number;
  /** Versions that started serving. */
  releases: number;
  /** Wall-clock time spent training (timing). */
  trainingMs: number;
  /** Jobs whose candidate a gate rejected. */
  rejectedJobs: number;
  /** Jobs whose training broke (weights or loss not finite, or the loss blew up). */
  failedJobs: number;
}
