/**
 * Strategy comparison runner: the same world and seed run once per retraining
 * cadence, in this thread, one after another; and one such run reduced to its
 * digest (what a pool worker computes for the main thread).
 *
 * Owns: running the runs (`compareStrategies`, `runDigested`). The runs, the
 * digests and the rows are the pure module's (src/sim/compareDigest.ts, re-
 * exported here); the shape of a comparison, the strategies and their order
 * are the JSON contract's (src/sim/contract/compare.ts).
 * Each run has the drift monitor only if its cadence reads it (retraining on
 * alarms), unless `monitoring` says otherwise, and none computes the daily
 * "What it learned" effects unless `effects` says so (seedRunOptions): a
 * comparison shows neither, and its figures are the same without them (tested).
 * Must not touch: the engine, printing or the UI. This file loads the run (and
 * with it TensorFlow.js): the page reads strategies from the contract, never
 * from here.
 */
import { COMPARED_CADENCES, type ComparedCadence, type StrategyComparison } from './contract';
import { comparisonJobs, comparisonOf, type DigestedRun, digestRun } from './compareDigest';
import { type RunOptions, runSimulation } from './run';
import { seedRunOptions } from './seeds';
import type { Settings } from './settings';

export {
  buildComparison,
  comparisonJobs,
  comparisonOf,
  type DigestedRun,
  digestRun,
  type RunDigest,
  worstWindowMean,
} from './compareDigest';

export interface CompareOptions extends RunOptions {
  /**
   * Drift monitoring in every run (true), in none (false), or (default) only
   * in the runs whose cadence reads it.
   */
  monitoring?: boolean;
  /** Called after each run with how many of the runs are done and which one just finished. */
  onProgress?: (done: number, total: number, strategy: ComparedCadence) => void;
}

/** Runs `settings` to the end and keeps its digest and summary (never the whole run). */
export async function runDigested(
  settings: Settings,
  options: RunOptions = {},
): Promise<DigestedRun> {
  const output = await runSimulation(settings, options);
  return { digest: digestRun(output), summary: output.summary };
}

/**
 * Runs the same world and seed once per cadence in COMPARED_CADENCES, one after
 * another, and compares them. `onDay` (from RunOptions) sees every run's days in
 * turn; `interventions` are ignored.
 */
export async function compareStrategies(
  settings: Settings,
  options: CompareOptions = {},
): Promise<StrategyComparison> {
  // Interventions (rollbacks, gate switches) name versions of one run; a comparison replays none.
  const { onProgress, monitoring, effects, ...rest } = options;
  const runOptions: RunOptions = { ...rest, interventions: undefined };
  const digests = [];
  for (const [i, job] of comparisonJobs(settings).entries()) {
    const reduced = seedRunOptions(job);
    const run = {
      ...runOptions,
      monitoring: monitoring ?? reduced.monitoring,
      effects: effects ?? reduced.effects,
    };
    digests.push((await runDigested(job, run)).digest);
    onProgress?.(i + 1, COMPARED_CADENCES.length, COMPARED_CADENCES[i]);
  }
  return comparisonOf(settings, digests);
}
