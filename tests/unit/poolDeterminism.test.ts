/**
 * The strategy comparison on the worker pool gives the same numbers whatever
 * the pool size, and the same as one thread running the runs one after
 * another (src/sim/compare.ts): pool sizes 1, 2 and 3 with in-process workers
 * that finish in a shuffled order, and 2 real worker_threads (bench/
 * poolThreads.ts, the engine worker's own job runner). Fields ending in Ms
 * (timings) are the only ones allowed to differ. No thread outlives the list.
 * The comparison's runs skip the drift monitor unless their cadence reads it,
 * and the daily effects always: the default year's comparison is the same as
 * with both in every run.
 *
 * Owns: these checks. Must not touch: the scheduler's unit checks (pool.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { liveThreads, spawnThreads } from '../../bench/poolThreads';
import { compareStrategies } from '../../src/sim/compare';
import type { StrategyComparison } from '../../src/sim/contract';
import { compareInPool, compareWarmUp } from '../../src/worker/client/comparePool';
import { createWarmPool } from '../../src/worker/client/warmPool';
import { defaultSettings } from '../../src/sim/settings';
import { settingsWith, withoutTimings } from './helpers';
import { inProcess } from './inProcessWorkers';

describe('the comparison on the pool equals the comparison in one thread', () => {
  const settings = settingsWith({ days: 100, visitorsPerDay: 100, seed: 11 });
  let reference: StrategyComparison;

  beforeAll(async () => {
    reference = await compareStrategies(settings, { prefer: 'wasm' });
  });

  it.each([1, 2, 3])('with %i in-process worker(s), runs finishing out of order', async (size) => {
    const progress: number[] = [];
    const comparison = await compareInPool(settings, {
      spawn: inProcess([3, 0, 5, 1]),
      cores: size,
      onProgress: (done) => progress.push(done),
    });
    expect(JSON.stringify(withoutTimings(comparison))).toBe(
      JSON.stringify(withoutTimings(reference)),
    );
    expect(progress.at(-1)).toBe(4);
  });

  it('with 2 worker_threads, and no thread left once it is done', async () => {
    const comparison = await compareInPool(settings, { spawn: spawnThreads('wasm'), cores: 2 });
    expect(JSON.stringify(withoutTimings(comparison))).toBe(
      JSON.stringify(withoutTimings(reference)),
    );
    await expect.poll(liveThreads, { timeout: 10_000 }).toBe(0);
  });

  it('with 2 worker_threads warmed up beforehand (a run of another world first)', async () => {
    const warm = createWarmPool(spawnThreads('wasm'));
    // Warmed on other settings than the comparison's: what a warm-up leaves behind must not count.
    warm.warm(2, compareWarmUp(settingsWith({ seed: 5, visitorsPerDay: 150, days: 90 })));
    await warm.ready();
    const comparison = await compareInPool(settings, { spawn: warm.spawn, cores: 2 });
    expect(warm.idle()).toBe(0);
    expect(JSON.stringify(withoutTimings(comparison))).toBe(
      JSON.stringify(withoutTimings(reference)),
    );
    await expect.poll(liveThreads, { timeout: 10_000 }).toBe(0);
  });
});

describe("the comparison's runs without the drift monitor and the daily effects", () => {
  it('give the default year the same table as with both in every run', async () => {
    const settings = defaultSettings();
    const monitored = await compareStrategies(settings, {
      prefer: 'wasm',
      monitoring: true,
      effects: true,
    });
    const skipped = await compareStrategies(settings, { prefer: 'wasm' });
    expect(JSON.stringify(withoutTimings(skipped))).toBe(JSON.stringify(withoutTimings(monitored)));
    // The default year retrains and rolls back: the figures the monitor could move are there.
    const daily = monitored.strategies.find((s) => s.strategy === 'daily');
    expect(daily?.releases).toBeGreaterThan(10);
    // The alarm run reads the monitor: without it, its row would change.
    const none = await compareStrategies(settings, { prefer: 'wasm', monitoring: false });
    const alarm = (c: StrategyComparison) => c.strategies.find((s) => s.strategy === 'alarm');
    expect(withoutTimings(alarm(none))).not.toEqual(withoutTimings(alarm(monitored)));
  }, 120_000);
});
