/**
 * Many worlds on the worker pool give the same runs whatever the pool size,
 * and the same as one thread running the seeds one after another
 * (src/sim/seedRuns.ts): in-process workers finishing out of order, and two
 * real worker_threads. Only timings may differ.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DigestedRun } from '../../../src/sim/compareDigest';
import { liveThreads, spawnThreads } from '../../../bench/poolThreads';
import { type SeedRun, seedBand } from '../../../src/sim/seeds';
import { runSeeds } from '../../../src/sim/seedRuns';
import { seedsInPool } from '../../../src/worker/client/seedsPool';
import { settingsWith, withoutTimings } from '../helpers';
import { inProcess } from '../inProcessWorkers';
import type { RunJob } from '../../../src/worker/shared/engineApi';
import type { SpawnWorker } from '../../../src/worker/client/pool';

describe('many worlds on the pool equal many worlds in one thread', () => {
  const settings = settingsWith({ days: 90, visitorsPerDay: 100 });
  const seeds = [3, 1, 4, 5];
  let reference: SeedRun[];
  const same = (runs: SeedRun[]) => JSON.stringify(withoutTimings(runs));

  beforeAll(async () => {
    reference = await runSeeds(settings, seeds, { prefer: 'wasm' });
  }, 120_000);

  it.each([1, 2, 3])(
    'with %i in-process worker(s), runs finishing out of order',
    async (size) => {
      const progress: number[] = [];
      const runs = await seedsInPool(settings, seeds, {
        spawn: inProcess([4, 0, 2, 1]),
        cores: size,
        onProgress: (done) => progress.push(done),
      });
      expect(runs.map((r) => r.seed)).toEqual(seeds);
      expect(same(runs)).toBe(same(reference));
      expect(seedBand(runs, 'dynamic')).toEqual(seedBand(reference, 'dynamic'));
      expect(progress.at(-1)).toBe(seeds.length);
    },
    120_000,
  );

  it('with 2 worker_threads, and no thread left once it is done', async () => {
    const runs = await seedsInPool(settings, seeds, { spawn: spawnThreads('wasm'), cores: 2 });
    expect(same(runs)).toBe(same(reference));
    await expect.poll(liveThreads, { timeout: 10_000 }).toBe(0);
  }, 120_000);
});

describe('many worlds keep every worker busy', () => {
  it('hand the seeds out one at a time as workers come free, each job reduced (no effects, no monitor)', async () => {
    // Seeds of unequal length on two workers: seed 3 takes 120 ms, while the
    // other worker runs 1, 4, 5, 9 (20 + 20 + 40 + 20 ms) and starts 2 at 100 ms.
    const length: Record<number, number> = { 3: 120, 1: 20, 4: 20, 5: 40, 9: 20, 2: 40 };
    const seeds = [3, 1, 4, 5, 9, 2];
    let inFlight = 0;
    const atStart: number[] = [];
    const jobs: RunJob[] = [];
    const spawn: SpawnWorker<RunJob, DigestedRun> = () => ({
      run: (job) => {
        jobs.push(job);
        inFlight++;
        atStart.push(inFlight);
        return new Promise((resolve) =>
          setTimeout(() => {
            inFlight--;
            resolve({
              digest: { seed: job.settings.seed },
              summary: { valentineWeeks: [] },
            } as unknown as DigestedRun);
          }, length[job.settings.seed]),
        );
      },
      terminate: () => {},
    });
    const runs = await seedsInPool(settingsWith({ days: 90 }), seeds, { spawn, cores: 2 });
    expect(runs.map((r) => r.seed)).toEqual(seeds);
    // Each seed starts while the other worker still runs: both workers busy until the list runs out.
    expect(atStart).toEqual([1, 2, 2, 2, 2, 2]);
    expect(jobs.map((j) => j.settings.seed)).toEqual(seeds);
    for (const job of jobs) expect([job.monitoring, job.effects]).toEqual([false, false]);
  });
});
