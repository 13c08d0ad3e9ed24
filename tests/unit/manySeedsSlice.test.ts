/**
 * The store's many-worlds slice (src/store/manySeedsSlice.ts) against a client
 * whose runs the test settles by hand, as compareSlice.test.ts does: it asks
 * for the lab's seed and the ones after it, passes progress on, keeps the
 * result computed once; a settings change stops a run under way and drops a
 * result shown; cancel stops it quietly; a failure shows its message and a
 * notice; the estimate waits for the lab's own run.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/sim/contract';
import type { SeedRun } from '../../src/sim/seeds';
import { runSeeds } from '../../src/sim/seedRuns';
import { createLabStore } from '../../src/store/labStore';
import { manySeedsResult, seedsEstimateMs } from '../../src/store/manySeedsSlice';
import type { EngineClient } from '../../src/worker/client/engineClient';
import { inProcessClient } from '../support/inProcessClient';
import { settingsWith } from './helpers';

interface Pending {
  seeds: readonly number[];
  progress: (done: number, total: number) => void;
  signal: AbortSignal | undefined;
  resolve: (runs: SeedRun[]) => void;
  reject: (e: Error) => void;
}

function labWithHandSeeds() {
  const calls: Pending[] = [];
  const client: EngineClient = {
    ...inProcessClient('cpu'),
    seeds: (_settings, seeds, progress, signal) =>
      new Promise((resolve, reject) => {
        calls.push({ seeds, progress, signal, resolve, reject });
        signal?.addEventListener('abort', () => reject(new Error('the runs were cancelled')));
      }),
  };
  const settings = settingsWith({ days: 70, seed: 3 });
  const store = createLabStore(client, { settings });
  return { store, calls, settings };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the many-worlds slice', () => {
  it('warms the pool ahead of a press only while no run goes, and cools it on request', () => {
    const warmed: [number, number][] = [];
    let cooled = 0;
    const base = labWithHandSeeds();
    const client: EngineClient = {
      ...inProcessClient('cpu'),
      seeds: () => new Promise(() => {}),
      warmSeeds: (s, count) => warmed.push([s.seed, count]),
      coolSeeds: () => {
        cooled += 1;
      },
    };
    const store = createLabStore(client, { settings: base.settings });
    store.getState().setSeedCount(5);
    store.getState().warmManySeeds();
    expect(warmed).toEqual([[3, 5]]);
    store.getState().runManySeeds();
    store.getState().warmManySeeds();
    expect(warmed).toHaveLength(1);
    store.getState().coolManySeeds();
    expect(cooled).toBe(1);
  });

  it('runs the lab’s seed and the next ones, passes progress on and keeps the result', async () => {
    const { store, calls, settings } = labWithHandSeeds();
    store.getState().setSeedCount(2);
    store.getState().runManySeeds();
    expect(calls[0].seeds).toEqual([3, 4]);
    // A second click while it runs starts nothing.
    store.getState().runManySeeds();
    expect(calls).toHaveLength(1);
    calls[0].progress(1.5, 2);
    expect(store.getState().seedsProgress).toEqual({ done: 1.5, total: 2 });
    const runs = await runSeeds(settings, [3, 4], { prefer: 'cpu' });
    calls[0].resolve(runs);
    await tick();
    expect(store.getState().seedsProgress).toBeNull();
    expect(store.getState().seedsResult).toEqual(manySeedsResult(settings, runs));
    store.getState().clearManySeeds();
    expect(store.getState().seedsResult).toBeNull();
  }, 60_000);

  it('a settings change stops the run at its next report, and drops a result shown', async () => {
    const { store, calls, settings } = labWithHandSeeds();
    store.getState().setSeedCount(2);
    store.getState().runManySeeds();
    store.getState().applySettings(settingsWith({ days: 70, seed: 4 }));
    calls[0].progress(0.5, 2);
    expect(calls[0].signal?.aborted).toBe(true);
    await tick();
    expect(store.getState().seedsProgress).toBeNull();
    expect(store.getState().seedsError).toBeNull();
    expect(store.getState().seedsResult).toBeNull();
    // A result shown goes when the settings change.
    store.getState().runManySeeds();
    expect(calls[1].seeds).toEqual([4, 5]);
    calls[1].resolve(await runSeeds(store.getState().settings, [4, 5], { prefer: 'cpu' }));
    await tick();
    expect(store.getState().seedsResult).not.toBeNull();
    store.getState().applySettings(settings);
    expect(store.getState().seedsResult).toBeNull();
  }, 60_000);

  it('cancel stops it quietly; a failure shows its message and a notice', async () => {
    const { store, calls } = labWithHandSeeds();
    store.getState().runManySeeds();
    expect(calls[0].seeds).toHaveLength(10);
    store.getState().cancelManySeeds();
    expect(calls[0].signal?.aborted).toBe(true);
    await tick();
    expect(store.getState().seedsProgress).toBeNull();
    expect(store.getState().seedsError).toBeNull();
    store.getState().runManySeeds();
    calls[1].reject(new Error('the engine stopped answering (nothing for 15 s)'));
    await tick();
    expect(store.getState().seedsError).toBe('the engine stopped answering (nothing for 15 s)');
    expect(store.getState().notices.map((n) => n.id)).toContain('many-seeds');
  });

  it('keeps the seed count from 2 to 50', () => {
    const { store } = labWithHandSeeds();
    store.getState().setSeedCount(1);
    expect(store.getState().seedCount).toBe(2);
    store.getState().setSeedCount(500);
    expect(store.getState().seedCount).toBe(50);
  });

  it('estimates from the lab’s own finished run only: its time per seed x seeds / pool size', () => {
    const settings = settingsWith({ days: 70 });
    const summary = { totalMs: 2000 } as RunSummary;
    const unfinished = { settings, summary, days: [] };
    expect(seedsEstimateMs(unfinished, 10, 2)).toBeNull();
    const finished = { settings, summary, days: Array.from({ length: 70 }, () => ({}) as never) };
    expect(seedsEstimateMs(finished, 10, 2)).toBe(10_000);
    expect(seedsEstimateMs(finished, 10, 1)).toBe(20_000);
    expect(seedsEstimateMs({ ...finished, summary: null }, 10, 2)).toBeNull();
  });
});
