/**
 * The strategy comparison on the worker pool: its runs (one per cadence) as
 * pool jobs, the digests they return built into the comparison. Each run has
 * the drift monitor only if its cadence reads it (retraining on alarms), and
 * none computes the daily "What it learned" effects (seedRunOptions): the
 * comparison shows neither, and without them every figure it shows is the
 * same (tests/unit/poolDeterminism.test.ts).
 *
 * Owns: that mapping and the pool's progress for it (runs finished, with a
 * fraction for each run under way). The comparison is built by the same pure
 * code as in one thread (src/sim/compareDigest.ts) from the runs in the same
 * order, so it is the same whatever the pool size.
 * Must not touch: how workers are made (the caller's `spawn`), the store or
 * the DOM; it runs in Node for the tests and the benchmark.
 */
import type { StrategyComparison } from '../../sim/contract';
import { comparisonJobs, comparisonOf, type DigestedRun } from '../../sim/compareDigest';
import { seedRunOptions } from '../../sim/seeds';
import type { Settings } from '../../sim/settings';
import type { RunJob } from '../shared/engineApi';
import { runOnCores, type SizedPoolOptions } from './pool';
import { warmUpRounds } from './warmUp';

export type ComparePoolOptions = SizedPoolOptions<RunJob, DigestedRun>;

/** The comparison's runs, as pool jobs: each cadence's run, reduced (seedRunOptions). */
function comparisonRuns(settings: Settings): RunJob[] {
  return comparisonJobs(settings).map((s) => ({ settings: s, ...seedRunOptions(s) }));
}

/** A comparison's warm-up: the short round, then the comparison's runs once (warmUpRounds). */
export const compareWarmUp = (settings: Settings): RunJob[] =>
  warmUpRounds(settings, comparisonRuns(settings));

/** Runs the comparison of `settings` on a pool sized to `cores` (see poolSize). */
export async function compareInPool(
  settings: Settings,
  options: ComparePoolOptions,
): Promise<StrategyComparison> {
  const runs = await runOnCores(comparisonRuns(settings), options);
  return comparisonOf(
    settings,
    runs.map((r) => r.digest),
  );
}
