/**
 * The store's comparison slice against a client whose comparison the test
 * settles by hand: progress flows to the panel; a settings change stops the
 * comparison under way (its result would be dropped) without an error; a
 * cancel stops it quietly; a pool failure shows its message and a notice; the
 * button can run it again after any of these. Warming asks the client to
 * start the workers for the lab's settings, never while a comparison runs.
 *
 * Owns: these checks of src/store/compareSlice.ts. Must not touch: the pool
 * (tests/unit/pool.test.ts) or the engine.
 */
import { describe, expect, it } from 'vitest';
import type { StrategyComparison } from '../../src/sim/contract';
import { createLabStore } from '../../src/store/labStore';
import type { EngineClient } from '../../src/worker/client/engineClient';
import { inProcessClient } from '../support/inProcessClient';
import { settingsWith } from './helpers';

/** A comparison in flight: its progress callback, its signal and how to settle it. */
interface Pending {
  progress: (done: number, total: number) => void;
  signal: AbortSignal | undefined;
  resolve: (c: StrategyComparison) => void;
  reject: (e: Error) => void;
}

function labWithHandCompare() {
  const calls: Pending[] = [];
  const warmth: string[] = [];
  const client: EngineClient = {
    ...inProcessClient('cpu'),
    warmCompare: (settings) => warmth.push(`warm ${settings.seed}`),
    coolCompare: () => warmth.push('cool'),
    compare: (_settings, progress, signal) =>
      new Promise((resolve, reject) => {
        calls.push({ progress, signal, resolve, reject });
        signal?.addEventListener('abort', () => reject(new Error('the runs were cancelled')));
      }),
  };
  const store = createLabStore(client, { settings: settingsWith({ days: 100, seed: 3 }) });
  return { store, calls, warmth };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the comparison slice', () => {
  it('passes progress on and keeps the result', async () => {
    const { store, calls } = labWithHandCompare();
    store.getState().runComparison();
    calls[0].progress(1.5, 4);
    expect(store.getState().compareProgress).toEqual({ done: 1.5, total: 4 });
    const comparison = { strategies: [] } as unknown as StrategyComparison;
    calls[0].resolve(comparison);
    await tick();
    expect(store.getState().comparison).toBe(comparison);
    expect(store.getState().compareProgress).toBeNull();
  });

  it('a settings change stops the comparison at its next report, without an error', async () => {
    const { store, calls } = labWithHandCompare();
    store.getState().runComparison();
    store.getState().applySettings(settingsWith({ days: 100, seed: 4 }));
    calls[0].progress(0.5, 4);
    expect(calls[0].signal?.aborted).toBe(true);
    await tick();
    expect(store.getState().compareProgress).toBeNull();
    expect(store.getState().compareError).toBeNull();
    expect(store.getState().comparison).toBeNull();
    // And it can run again.
    store.getState().runComparison();
    expect(calls).toHaveLength(2);
  });

  it('cancelComparison stops it quietly; a failure shows its message', async () => {
    const { store, calls } = labWithHandCompare();
    store.getState().runComparison();
    store.getState().cancelComparison();
    expect(calls[0].signal?.aborted).toBe(true);
    await tick();
    expect(store.getState().compareProgress).toBeNull();
    expect(store.getState().compareError).toBeNull();
    store.getState().runComparison();
    calls[1].reject(new Error('the engine stopped answering (nothing for 15 s)'));
    await tick();
    expect(store.getState().compareError).toBe('the engine stopped answering (nothing for 15 s)');
    expect(store.getState().notices.map((n) => n.id)).toContain('compare');
  });

  it("warms the client's workers for the lab's settings, never while a comparison runs", async () => {
    const { store, calls, warmth } = labWithHandCompare();
    store.getState().warmComparison();
    store.getState().runComparison();
    store.getState().warmComparison();
    calls[0].resolve({ strategies: [] } as unknown as StrategyComparison);
    await tick();
    store.getState().coolComparison();
    expect(warmth).toEqual(['warm 3', 'cool']);
  });
});
