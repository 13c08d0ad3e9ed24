/**
 * Warm pool workers (src/worker/client/warmPool.ts) against fake workers the
 * test settles by hand: warm workers run their warm-up first, a list takes
 * them before making new ones, a run handed to a worker still warming waits
 * for it, and no worker is left running: not after a list, a death while
 * idle, a failed warm-up, or `dispose`.
 *
 * Owns: these checks. Must not touch: the scheduler's own checks (pool.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { type PoolWorker, runJobs, type WorkerEvents } from '../../src/worker/client/pool';
import { createWarmPool } from '../../src/worker/client/warmPool';

interface Running {
  job: string;
  worker: number;
  resolve: (value: string) => void;
  reject: (error: Error) => void;
}

/** Fake workers that run nothing on their own, numbered in the order they were made. */
function fakes() {
  const running: Running[] = [];
  const events: WorkerEvents[] = [];
  const stopped: boolean[] = [];
  const spawn = (_index: number, e: WorkerEvents): PoolWorker<string, string> => {
    const id = events.length;
    events.push(e);
    stopped.push(false);
    return {
      run: (job) =>
        new Promise<string>((resolve, reject) => {
          if (stopped[id]) throw new Error('run on a terminated worker');
          running.push({ job, worker: id, resolve, reject });
        }),
      terminate: () => {
        if (stopped[id]) throw new Error('terminated twice');
        stopped[id] = true;
      },
    };
  };
  const get = (job: string, worker?: number) => {
    const r = running.find((x) => x.job === job && (worker === undefined || x.worker === worker));
    if (!r) throw new Error(`${job} is not running`);
    return r;
  };
  return {
    spawn,
    running,
    events,
    made: () => events.length,
    live: () => stopped.filter((s) => !s).length,
    get,
  };
}

/** Lets promise callbacks run. */
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('warm pool workers', () => {
  it('warm up first, are taken by the next list before any new worker, and end with it', async () => {
    const f = fakes();
    const warm = createWarmPool(f.spawn);
    warm.warm(2, ['warm-up']);
    warm.warm(2, ['warm-up']);
    expect(f.made()).toBe(2);
    expect(f.running.map((r) => r.job)).toEqual(['warm-up', 'warm-up']);
    expect(warm.idle()).toBe(2);

    // The second worker's warm-up ends first: the list's first job goes to it.
    f.get('warm-up', 1).resolve('dropped');
    await flush();
    const list = runJobs(['daily', 'weekly', 'monthly'], { spawn: warm.spawn, size: 2 });
    await flush();
    expect(f.made()).toBe(2);
    expect(warm.idle()).toBe(0);
    expect(f.get('daily', 1)).toBeTruthy();
    // No list job starts before its worker's warm-up ends.
    expect(() => f.get('weekly')).toThrow('not running');
    f.get('warm-up', 0).resolve('dropped');
    await flush();
    f.get('weekly', 0).resolve('w');
    await flush();
    f.get('monthly', 0).resolve('m');
    f.get('daily', 1).resolve('d');
    await expect(list).resolves.toEqual(['d', 'w', 'm']);
    expect(f.live()).toBe(0);
  });

  it('leave a list to make its own workers when none is warm', async () => {
    const f = fakes();
    const warm = createWarmPool(f.spawn);
    warm.warm(1, ['warm-up']);
    const list = runJobs(['a', 'b'], { spawn: warm.spawn, size: 2 });
    await flush();
    expect(f.made()).toBe(2);
    expect(f.get('b', 1)).toBeTruthy();
    f.get('warm-up').resolve('dropped');
    await flush();
    f.get('a', 0).resolve('A');
    f.get('b', 1).resolve('B');
    await expect(list).resolves.toEqual(['A', 'B']);
    expect(f.live()).toBe(0);
  });

  it('drop a worker that dies or fails its warm-up while idle, and stop the rest on dispose', async () => {
    const f = fakes();
    const warm = createWarmPool(f.spawn);
    warm.warm(3, ['warm-up']);
    f.events[0].died('gone');
    f.get('warm-up', 1).reject(new Error('no wasm'));
    await flush();
    expect(warm.idle()).toBe(1);
    expect(f.live()).toBe(1);
    warm.dispose();
    expect(warm.idle()).toBe(0);
    expect(f.live()).toBe(0);
    // A later warm starts new ones.
    warm.warm(1, ['warm-up']);
    expect(f.live()).toBe(1);
  });

  it("end a list with the error of a taken worker's failed warm-up or death", async () => {
    const f = fakes();
    const warm = createWarmPool(f.spawn);
    warm.warm(1, ['warm-up']);
    const failed = runJobs(['a'], { spawn: warm.spawn, size: 1 });
    await flush();
    f.get('warm-up').reject(new Error('no wasm'));
    await expect(failed).rejects.toThrow('no wasm');

    warm.warm(1, ['warm-up']);
    const died = runJobs(['b'], { spawn: warm.spawn, size: 1 });
    await flush();
    f.events[1].died('the worker stopped');
    await expect(died).rejects.toThrow('the worker stopped');
    expect(f.live()).toBe(0);
  });

  it('run the warm-up rounds in order while idle, and stop after the round under way once taken', async () => {
    const f = fakes();
    const warm = createWarmPool(f.spawn);
    warm.warm(1, ['first', 'second', 'third']);
    f.running[0].resolve('dropped');
    await flush();
    expect(f.running.map((r) => r.job)).toEqual(['first', 'second']);
    const list = runJobs(['a'], { spawn: warm.spawn, size: 1 });
    await flush();
    f.running[1].resolve('dropped');
    await flush();
    // The third round is skipped: the list's job runs next.
    expect(f.running.map((r) => r.job)).toEqual(['first', 'second', 'a']);
    f.get('a').resolve('A');
    await expect(list).resolves.toEqual(['A']);
    expect(f.live()).toBe(0);
  });
});
