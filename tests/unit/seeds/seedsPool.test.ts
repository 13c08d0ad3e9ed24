/**
 * Many worlds on the worker pool give the same runs whatever the pool size,
 * and the same as one thread running the seeds one after another
 * (src/sim/seedRuns.ts): in-process workers finishing out of order, and two
 * real worker_threads. Only timings may differ.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { liveThreads, spawnThreads } from '../../../bench/poolThreads';
import { type SeedRun, seedBand } from '../../../src/sim/seeds';
import { runSeeds } from '../../../src/sim/seedRuns';
import { seedsInPool } from '../../../src/worker/client/seedsPool';
import { settingsWith, withoutTimings } from '../helpers';
import { inProcess } from '../inProcessWorkers';

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
