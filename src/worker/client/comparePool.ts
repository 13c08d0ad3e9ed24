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
import { FIRST_SERVING_DAY } from '../../sim/ops/schedule';
import { seedRunOptions } from '../../sim/seeds';
import type { Settings } from '../../sim/settings';
import type { RunJob } from '../shared/engineApi';
import { runOnCores, type SizedPoolOptions } from './pool';

export type ComparePoolOptions = SizedPoolOptions<RunJob, DigestedRun>;

/** Serving days of one round of a pool worker's warm-up (compareWarmUpJob). */
export const WARM_UP_SERVING_DAYS = 14;
/**
 * Rounds of the warm-up while no comparison has taken the worker. Measured in
 * Node: after one 14-day round V8's compile threads still spent ~0.8 s of CPU
 * during the comparison, on the cores its runs need; after a 120-day warm-up,
 * ~0.45 s. Short rounds keep a press during the warm-up from waiting long.
 */
export const WARM_UP_ROUNDS = 8;

/**
 * The short run a warm pool worker computes before the comparison (its result
 * is dropped): the same world and model, retrained daily with the drift
 * monitor on, so the engine has loaded and every step the comparison's runs
 * take (simulating, training, serving, monitoring) has run once.
 */
export function compareWarmUpJob(settings: Settings): RunJob {
  const days = Math.min(settings.days, FIRST_SERVING_DAY + WARM_UP_SERVING_DAYS - 1);
  return { settings: { ...settings, days, cadence: 'daily' }, monitoring: true };
}

/** Runs the comparison of `settings` on a pool sized to `cores` (see poolSize). */
export async function compareInPool(
  settings: Settings,
  options: ComparePoolOptions,
): Promise<StrategyComparison> {
  const jobs: RunJob[] = comparisonJobs(settings).map((s) => ({
    settings: s,
    ...seedRunOptions(s),
  }));
  const runs = await runOnCores(jobs, options);
  return comparisonOf(
    settings,
    runs.map((r) => r.digest),
  );
}
