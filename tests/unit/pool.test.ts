/**
 * The worker pool's scheduler (src/worker/client/pool.ts) against fake
 * workers a test controls: jobs go out in list order, results come back in
 * list order whoever finishes first, the pool never has more workers than
 * jobs, and no worker outlives its list: not after success, a death, a
 * silence (the watchdog's rule), a job that throws, a spawn that fails, or a
 * cancel. The engine itself runs in tests/unit/poolDeterminism.test.ts.
 *
 * Owns: these checks. Must not touch: the engine.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PROGRESS_EVERY_MS,
  PoolCancelled,
  poolSize,
  type PoolWorker,
  runJobs,
  type WorkerEvents,
} from '../../src/worker/client/pool';
import { STALL_MS } from '../../src/worker/client/watchdog';

/** A job the test finishes by hand: its worker, its heartbeat and how to settle it. */
interface Running {
  job: string;
  worker: number;
  beat: (fraction: number) => void;
  resolve: (value: string) => void;
  reject: (error: Error) => void;
}

/** Fake workers that run nothing on their own; `live` counts those not terminated. */
function fakes() {
  const running: Running[] = [];
  const events: WorkerEvents[] = [];
  let spawned = 0;
  let terminated = 0;
  const spawn = (index: number, e: WorkerEvents): PoolWorker<string, string> => {
    spawned++;
    events[index] = e;
    let stopped = false;
    return {
      run: (job, beat) =>
        new Promise<string>((resolve, reject) => {
          if (stopped) throw new Error('run on a terminated worker');
          running.push({ job, worker: index, beat, resolve, reject });
        }),
      terminate: () => {
        if (stopped) throw new Error('terminated twice');
        stopped = true;
        terminated++;
      },
    };
  };
  return {
    spawn,
    running,
    events,
    live: () => spawned - terminated,
    spawned: () => spawned,
    /** The running job named `job`. */
    get: (job: string) => {
      const r = running.find((x) => x.job === job);
      if (!r) throw new Error(`${job} is not running`);
      return r;
    },
  };
}

/** Lets the pool's promise callbacks run. */
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('poolSize', () => {
  it('is one worker per core, at most four, never more than the jobs, at least one', () => {
    expect(poolSize(2, 4)).toBe(2);
    expect(poolSize(16, 4)).toBe(4);
    expect(poolSize(16, 40)).toBe(4);
    expect(poolSize(8, 3)).toBe(3);
    expect(poolSize(1, 4)).toBe(1);
    expect(poolSize(undefined, 4)).toBe(1);
    expect(poolSize(0, 4)).toBe(1);
    expect(poolSize(Number.NaN, 4)).toBe(1);
    expect(poolSize(4, 0)).toBe(1);
  });
});

describe('runJobs', () => {
  it('hands jobs out in order, returns results in order, and stops every worker at the end', async () => {
    const f = fakes();
    const progress: number[] = [];
    const done = runJobs(['a', 'b', 'c', 'd'], {
      spawn: f.spawn,
      size: 2,
      onProgress: (d) => progress.push(d),
    });
    await flush();
    expect(f.running.map((r) => r.job)).toEqual(['a', 'b']);
    expect(f.live()).toBe(2);
    // b finishes first: its worker takes c; then a, whose worker takes d.
    f.get('b').resolve('B');
    await flush();
    expect(f.get('c').worker).toBe(f.get('b').worker);
    f.get('a').resolve('A');
    await flush();
    expect(f.get('d').worker).toBe(f.get('a').worker);
    // The last job's worker is stopped as soon as it has nothing left to do.
    f.get('d').resolve('D');
    await flush();
    expect(f.live()).toBe(1);
    f.get('c').resolve('C');
    await expect(done).resolves.toEqual(['A', 'B', 'C', 'D']);
    expect(f.live()).toBe(0);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(4);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it('never has more workers than jobs', async () => {
    const f = fakes();
    const done = runJobs(['a', 'b'], { spawn: f.spawn, size: 4 });
    await flush();
    expect(f.spawned()).toBe(2);
    f.get('a').resolve('A');
    f.get('b').resolve('B');
    await expect(done).resolves.toEqual(['A', 'B']);
    expect(f.live()).toBe(0);
  });

  it(`passes on the fractions of runs under way, at most every ${PROGRESS_EVERY_MS} ms`, async () => {
    const f = fakes();
    const progress: number[] = [];
    const done = runJobs(['a', 'b'], {
      spawn: f.spawn,
      size: 2,
      onProgress: (d, total) => {
        expect(total).toBe(2);
        progress.push(d);
      },
    });
    await flush();
    await vi.advanceTimersByTimeAsync(PROGRESS_EVERY_MS + 50);
    f.get('a').beat(0.5);
    f.get('b').beat(0.25);
    expect(progress).toEqual([0, 0.5]);
    // Too soon after the last report: held back.
    await vi.advanceTimersByTimeAsync(PROGRESS_EVERY_MS - 100);
    f.get('b').beat(0.4);
    expect(progress).toEqual([0, 0.5]);
    await vi.advanceTimersByTimeAsync(150);
    f.get('b').beat(0.5);
    expect(progress).toEqual([0, 0.5, 1]);
    f.get('a').resolve('A');
    f.get('b').resolve('B');
    await done;
    expect(progress.slice(-2)).toEqual([1.5, 2]);
  });

  it('a worker that dies ends the list with its message and stops the others', async () => {
    const f = fakes();
    const done = runJobs(['a', 'b', 'c'], { spawn: f.spawn, size: 2 });
    await flush();
    f.events[1].died('Uncaught Error: out of memory');
    await expect(done).rejects.toThrow('Uncaught Error: out of memory');
    expect(f.live()).toBe(0);
    // A late result of the survivor changes nothing.
    f.get('a').resolve('A');
    await flush();
    expect(f.spawned()).toBe(2);
  });

  it('a job that throws ends the list and stops the others', async () => {
    const f = fakes();
    const done = runJobs(['a', 'b', 'c'], { spawn: f.spawn, size: 2 });
    await flush();
    f.get('a').reject(new Error('the static model of the weekly run differs'));
    await expect(done).rejects.toThrow('the static model of the weekly run differs');
    expect(f.live()).toBe(0);
    expect(f.running.map((r) => r.job)).toEqual(['a', 'b']);
  });

  it('a silent worker is declared gone after 15 s; a beating one lives on', async () => {
    const f = fakes();
    let settled = 'pending';
    const done = runJobs(['a', 'b'], { spawn: f.spawn, size: 2 });
    done.then(
      () => (settled = 'resolved'),
      (e: Error) => (settled = e.message),
    );
    await flush();
    // a beats every second for 40 s; b says nothing after its start.
    for (let s = 1; s < STALL_MS / 1000; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      f.get('a').beat(s / 100);
    }
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(2500);
    expect(settled).toBe('the engine stopped answering (nothing for 15 s)');
    expect(f.live()).toBe(0);
  });

  it('any message from a worker counts as a sign of life', async () => {
    const f = fakes();
    const done = runJobs(['a'], { spawn: f.spawn, size: 1 });
    await flush();
    for (let s = 0; s < 4; s++) {
      await vi.advanceTimersByTimeAsync(STALL_MS - 1000);
      f.events[0].heard();
    }
    f.get('a').resolve('A');
    await expect(done).resolves.toEqual(['A']);
  });

  it('the silence limit stretches to four times the slowest step seen', async () => {
    const f = fakes();
    let settled = 'pending';
    runJobs(['a'], { spawn: f.spawn, size: 1 }).catch((e: Error) => (settled = e.message));
    await flush();
    await vi.advanceTimersByTimeAsync(12_000);
    f.get('a').beat(0.5);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled).toBe('the engine stopped answering (nothing for 48 s)');
    expect(f.live()).toBe(0);
  });

  it('cancelling stops every worker and rejects as cancelled; a cancelled signal spawns none', async () => {
    const f = fakes();
    const controller = new AbortController();
    const done = runJobs(['a', 'b', 'c'], { spawn: f.spawn, size: 2, signal: controller.signal });
    await flush();
    expect(f.live()).toBe(2);
    controller.abort();
    await expect(done).rejects.toBeInstanceOf(PoolCancelled);
    expect(f.live()).toBe(0);
    await expect(
      runJobs(['a'], { spawn: f.spawn, size: 1, signal: controller.signal }),
    ).rejects.toBeInstanceOf(PoolCancelled);
    expect(f.spawned()).toBe(2);
  });

  it('a worker that cannot be made ends the list and stops those already made', async () => {
    const f = fakes();
    let made = 0;
    const done = runJobs(['a', 'b', 'c'], {
      spawn: (i, e) => {
        if (made++ === 1) throw new Error('Worker blocked by the content security policy');
        return f.spawn(i, e);
      },
      size: 3,
    });
    await expect(done).rejects.toThrow('Worker blocked by the content security policy');
    expect(f.spawned()).toBe(1);
    expect(f.live()).toBe(0);
  });

  it('an empty list resolves at once without a worker', async () => {
    const f = fakes();
    await expect(runJobs([], { spawn: f.spawn, size: 2 })).resolves.toEqual([]);
    expect(f.spawned()).toBe(0);
  });
});
