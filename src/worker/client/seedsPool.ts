/**
 * Many worlds on the worker pool: the same settings on each seed, one pool
 * job per seed (without the drift monitor unless the cadence needs it), the
 * digests returned in the list's order whatever order they finish in, so the
 * rows, the summary and the band are the same whatever the pool size.
 *
 * Owns: that mapping and its progress (seeds finished, with fractions of
 * those under way). Must not touch: how workers are made (the caller's
 * `spawn`), the statistics (src/sim/seeds.ts), the store or the DOM; it runs
 * in Node for the tests and the benchmark.
 */
import type { DigestedRun } from '../../sim/compareDigest';
import { needsMonitor, type SeedRun } from '../../sim/seeds';
import type { Settings } from '../../sim/settings';
import type { RunJob } from '../shared/engineApi';
import { poolSize, runJobs, type SpawnWorker } from './pool';

export interface SeedsPoolOptions {
  spawn: SpawnWorker<RunJob, DigestedRun>;
  /** Logical cores of the machine (navigator.hardwareConcurrency); the pool is sized from it. */
  cores: number | undefined;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  stallMs?: number;
}

/** Runs `settings` on each of `seeds` on a pool sized to `cores` (see poolSize). */
export async function seedsInPool(
  settings: Settings,
  seeds: readonly number[],
  { spawn, cores, onProgress, signal, stallMs }: SeedsPoolOptions,
): Promise<SeedRun[]> {
  const monitoring = needsMonitor(settings);
  const jobs: RunJob[] = seeds.map((seed) => ({ settings: { ...settings, seed }, monitoring }));
  const runs = await runJobs(jobs, {
    spawn,
    size: poolSize(cores, jobs.length),
    onProgress,
    signal,
    stallMs,
  });
  return runs.map((run, i) => ({
    seed: seeds[i],
    digest: run.digest,
    summary: { valentineWeeks: run.summary.valentineWeeks },
  }));
}
