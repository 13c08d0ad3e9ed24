/**
 * Many worlds on the worker pool: the same settings on each seed, one pool
 * job per seed (without the daily effects, and without the drift monitor
 * unless the cadence needs it: seedRunOptions), the
 * digests returned in the list's order whatever order they finish in, so the
 * rows, the summary and the band are the same whatever the pool size.
 *
 * Owns: that mapping and its progress (seeds finished, with fractions of
 * those under way). Must not touch: how workers are made (the caller's
 * `spawn`), the statistics (src/sim/seeds.ts), the store or the DOM; it runs
 * in Node for the tests and the benchmark.
 */
import type { DigestedRun } from '../../sim/compareDigest';
import { type SeedRun, seedRunOptions } from '../../sim/seeds';
import type { Settings } from '../../sim/settings';
import type { RunJob } from '../shared/engineApi';
import { runOnCores, type SizedPoolOptions } from './pool';
import { warmUpRounds } from './warmUp';

export type SeedsPoolOptions = SizedPoolOptions<RunJob, DigestedRun>;

/** Each seed's run: `settings` with that seed, reduced (seedRunOptions). */
function seedJobs(settings: Settings, seeds: readonly number[]): RunJob[] {
  const reduced = seedRunOptions(settings);
  return seeds.map((seed) => ({ settings: { ...settings, seed }, ...reduced }));
}

/** Many worlds' warm-up: the short round, then the settings' own run as a seed's (warmUpRounds). */
export const seedsWarmUp = (settings: Settings): RunJob[] =>
  warmUpRounds(settings, seedJobs(settings, [settings.seed]));

/** Runs `settings` on each of `seeds` on a pool sized to `cores` (see poolSize). */
export async function seedsInPool(
  settings: Settings,
  seeds: readonly number[],
  options: SeedsPoolOptions,
): Promise<SeedRun[]> {
  const runs = await runOnCores(seedJobs(settings, seeds), options);
  return runs.map((run, i) => ({
    seed: seeds[i],
    digest: run.digest,
    summary: { valentineWeeks: run.summary.valentineWeeks },
  }));
}
