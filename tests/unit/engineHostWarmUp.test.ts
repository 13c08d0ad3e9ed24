/**
 * The engine host's idle warm-up (src/worker/thread/engineHost.ts): a fresh
 * worker computes a short throwaway run while nothing else is asked of it.
 * What must hold: it computes its days when left alone, gives way at once to
 * a run, never reaches the listener, leaves no backend buffer behind, and the
 * real run's numbers are the same with it, without it, and when it was cut
 * short part-way.
 */
import { describe, expect, it } from 'vitest';
import { initBackend, tensorMemory } from '../../src/sim/model';
import type { DayResult } from '../../src/sim/contract';
import { EngineHost, WARM_UP_DAYS } from '../../src/worker/thread/engineHost';
import type { Batch } from '../../src/worker/shared/protocol';
import { settingsWith, withoutTimings } from './helpers';

const settings = settingsWith({ days: 120, visitorsPerDay: 150, seed: 9 });

interface Harness {
  host: EngineHost;
  batches: Batch[];
  failures: string[];
  /** Resolves when a batch with `done` arrives. */
  finished: Promise<void>;
  /** Resolves when a batch has computed up to `day`. */
  reached(day: number): Promise<void>;
  /** Called at each yield of the host (warm-up and run alike), with its count so far. */
  onYield: (count: number) => void;
}

async function harness(warmUpDays: number): Promise<Harness> {
  const { backend } = await initBackend({ prefer: 'wasm' });
  const batches: Batch[] = [];
  const failures: string[] = [];
  let yields = 0;
  let finish = () => {};
  const waiting: { day: number; resolve: () => void }[] = [];
  const h: Harness = {
    host: null as unknown as EngineHost,
    batches,
    failures,
    finished: new Promise<void>((resolve) => (finish = resolve)),
    reached: (day) =>
      new Promise<void>((resolve) => {
        if (batches.some((b) => b.computed >= day)) resolve();
        else waiting.push({ day, resolve });
      }),
    onYield: () => {},
  };
  h.host = new EngineHost({
    backend,
    warmUpDays,
    listener: {
      batch: (b) => {
        batches.push(b);
        for (const w of waiting) if (b.computed >= w.day) w.resolve();
        if (b.done) finish();
      },
      failure: (f) => failures.push(f.message),
    },
    yieldNow: () =>
      new Promise((resolve) =>
        setImmediate(() => {
          h.onYield(++yields);
          resolve();
        }),
      ),
  });
  return h;
}

const daysOf = (batches: readonly Batch[]): DayResult[] => batches.flatMap((b) => b.days);

describe('the engine host warm-up', () => {
  it('computes its days while idle, tells no one, and leaves no buffer behind', async () => {
    const h = await harness(WARM_UP_DAYS);
    const before = tensorMemory();
    h.host.init(settings, 1);
    expect(await h.host.warmUpEnded()).toBe(WARM_UP_DAYS);
    expect(h.batches).toEqual([]);
    expect(h.failures).toEqual([]);
    expect(tensorMemory()).toEqual(before);
  });

  it('runs once per host, and not at all when asked for none', async () => {
    const h = await harness(WARM_UP_DAYS);
    h.host.init(settings, 1);
    const first = h.host.warmUpEnded();
    h.host.init({ ...settings, seed: 10 }, 2);
    expect(h.host.warmUpEnded()).toBe(first);
    await first;

    const none = await harness(0);
    none.host.init(settings, 1);
    expect(await none.host.warmUpEnded()).toBe(0);
  });

  it('gives way at once to a run asked for before it began', async () => {
    const h = await harness(WARM_UP_DAYS);
    h.host.init(settings, 1);
    h.host.runTo(1, 5);
    expect(await h.host.warmUpEnded()).toBe(0);
    await h.reached(5);
    expect(daysOf(h.batches).map((d) => d.day)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves the real run the same: without it, after it, and cut short part-way', async () => {
    const reference = await harness(0);
    reference.host.init(settings, 1);
    reference.host.runTo(1, settings.days);
    await reference.finished;
    const expected = withoutTimings(daysOf(reference.batches));

    const after = await harness(WARM_UP_DAYS);
    after.host.init(settings, 1);
    expect(await after.host.warmUpEnded()).toBe(WARM_UP_DAYS);
    after.host.runTo(1, settings.days);
    await after.finished;
    expect(withoutTimings(daysOf(after.batches))).toEqual(expected);

    const cut = await harness(WARM_UP_DAYS);
    // The run is asked for at the warm-up's third yield: it has computed two slices.
    cut.onYield = (count) => {
      if (count === 3) cut.host.runTo(1, settings.days);
    };
    cut.host.init(settings, 1);
    const warmed = await cut.host.warmUpEnded();
    expect(warmed).toBeGreaterThan(0);
    expect(warmed).toBeLessThan(WARM_UP_DAYS);
    await cut.finished;
    expect(withoutTimings(daysOf(cut.batches))).toEqual(expected);
    expect([...reference.failures, ...after.failures, ...cut.failures]).toEqual([]);
  });
});
