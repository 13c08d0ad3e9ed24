/**
 * A small pool of engine workers that runs a list of whole runs (jobs) in
 * parallel: the strategy comparison's runs, and any list of runs a later
 * feature needs (many seeds).
 *
 * Owns: sizing the pool, handing jobs out in list order as workers come free,
 * putting results back in list order (so the answer never depends on the pool
 * size or on which worker finished first), progress, cancelling, and failure:
 * a worker that dies, goes silent (the watchdog's rule, ./watchdog.ts) or
 * whose job throws ends the whole list with that error, and every worker of
 * the list is terminated, whatever happens. No worker outlives its list.
 * Must not touch: how a worker is made or spoken to (the caller's `spawn`:
 * a module Web Worker in the page, worker_threads or an in-process fake in
 * Node), the engine, the store or the DOM.
 */
import { createWatchdog, STALL_MS, stallMessage, type Watchdog } from './watchdog';

/** The most workers a list ever gets: more would fight the page and the lab's own worker. */
export const MAX_POOL_WORKERS = 4;

/**
 * Workers for `jobs` jobs on a machine with `cores` logical cores (the page's
 * navigator.hardwareConcurrency, which may be missing): one per core up to
 * `max`, never more than there are jobs, at least one.
 */
export function poolSize(cores: number | undefined, jobs: number, max = MAX_POOL_WORKERS): number {
  const c = cores !== undefined && Number.isFinite(cores) ? Math.floor(cores) : 1;
  return Math.max(1, Math.min(max, jobs, c));
}

/** One worker of the pool, as the caller's `spawn` makes it. */
export interface PoolWorker<J, R> {
  /**
   * Runs one whole job. `beat` is its heartbeat, with the fraction of the job
   * done: the worker calls it about every 100 ms while it computes.
   */
  run(job: J, beat: (fraction: number) => void): Promise<R>;
  /** Stops the worker for good (called once). */
  terminate(): void;
}

/** What a spawned worker reports on its own: death (an error event) and any message (alive). */
export interface WorkerEvents {
  died(message: string): void;
  heard(): void;
}

/** Makes worker number `index` (0-based) of a list. */
export type SpawnWorker<J, R> = (index: number, events: WorkerEvents) => PoolWorker<J, R>;

export interface PoolOptions<J, R> {
  spawn: SpawnWorker<J, R>;
  /** Workers to use (poolSize); at most one per job. */
  size: number;
  /** Jobs finished, with fractions for those under way; at most every PROGRESS_EVERY_MS and at each job's end. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it cancels the list: its workers are terminated and the promise rejects (PoolCancelled). */
  signal?: AbortSignal;
  /** The watchdog's shortest limit (tests shorten it). */
  stallMs?: number;
}

/** A list run on a pool sized to the machine: its options, with `cores` instead of `size`. */
export type SizedPoolOptions<J, R> = Omit<PoolOptions<J, R>, 'size'> & {
  /** Logical cores of the machine (navigator.hardwareConcurrency); the pool is sized from it. */
  cores: number | undefined;
};

/** Runs `jobs` on a pool of poolSize(cores, jobs) workers; results in the list's order. */
export function runOnCores<J, R>(
  jobs: readonly J[],
  { cores, ...options }: SizedPoolOptions<J, R>,
): Promise<R[]> {
  return runJobs(jobs, { ...options, size: poolSize(cores, jobs.length) });
}

/** The list was cancelled through its signal. */
export class PoolCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('the runs were cancelled');
  }
}

/**
 * How often progress is passed on while jobs run, ms (each job's end always
 * is). Each report redraws the progress bar: main thread, compositor and
 * GPU process, on the cores the workers compute on. Four a second keep the
 * bar moving; ten a second cost many worlds' 5-second run about 0.08 s more
 * of CPU (measured from /proc in Chromium, 0.29 s against 0.21 s).
 */
export const PROGRESS_EVERY_MS = 250;

/**
 * Runs `jobs` on up to `size` workers and resolves with their results in the
 * order of `jobs`. Jobs start in list order, so put the longest first.
 */
export function runJobs<J, R>(jobs: readonly J[], options: PoolOptions<J, R>): Promise<R[]> {
  const { spawn, onProgress, signal, stallMs = STALL_MS } = options;
  const total = jobs.length;
  if (signal?.aborted) return Promise.reject(new PoolCancelled());
  if (total === 0) return Promise.resolve([]);

  return new Promise<R[]>((resolve, reject) => {
    const results: R[] = new Array<R>(total);
    const fractions = new Array<number>(total).fill(0);
    const workers: { worker: PoolWorker<J, R> | null; job: number | null; watchdog: Watchdog }[] =
      [];
    let next = 0;
    let finished = 0;
    let over = false;
    let lastReport = 0;

    const report = (force: boolean) => {
      if (!onProgress || over) return;
      const now = Date.now();
      if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = now;
      onProgress(
        fractions.reduce((a, b) => a + b, 0),
        total,
      );
    };
    /** Ends the list: every worker is terminated, whatever state it is in. */
    const end = (error: Error | null) => {
      if (over) return;
      over = true;
      signal?.removeEventListener('abort', cancel);
      for (const w of workers) {
        w.watchdog.stop();
        w.job = null;
        const worker = w.worker;
        w.worker = null;
        try {
          worker?.terminate();
        } catch {
          // Already gone: nothing more to stop.
        }
      }
      if (error) reject(error);
      else resolve(results);
    };
    const cancel = () => end(new PoolCancelled());
    signal?.addEventListener('abort', cancel);

    const feed = (slot: (typeof workers)[number]) => {
      if (over || !slot.worker) return;
      if (next >= total) {
        // Nothing left for this worker: it is stopped now rather than left idle.
        slot.worker.terminate();
        slot.worker = null;
        return;
      }
      const index = next++;
      slot.watchdog.arm();
      slot.job = index;
      const beat = (fraction: number) => {
        if (over || slot.job !== index) return;
        slot.watchdog.heard();
        fractions[index] = Math.min(Math.max(fraction, 0), 0.999);
        report(false);
      };
      let running: Promise<R>;
      try {
        running = slot.worker.run(jobs[index], beat);
      } catch (error) {
        running = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      running.then(
        (result) => {
          if (over || slot.job !== index) return;
          slot.watchdog.heard();
          slot.job = null;
          slot.watchdog.settled();
          results[index] = result;
          fractions[index] = 1;
          finished++;
          report(true);
          if (finished === total) end(null);
          else feed(slot);
        },
        (error: unknown) => end(error instanceof Error ? error : new Error(String(error))),
      );
    };

    const size = Math.max(1, Math.min(options.size, total));
    for (let i = 0; i < size && !over; i++) {
      const slot: (typeof workers)[number] = {
        worker: null,
        job: null,
        watchdog: createWatchdog(
          () => slot.job !== null,
          (limit) => end(new Error(stallMessage(limit))),
          stallMs,
        ),
      };
      workers.push(slot);
      try {
        slot.worker = spawn(i, {
          died: (message) => end(new Error(message)),
          heard: () => {
            if (!over) slot.watchdog.heard();
          },
        });
      } catch (error) {
        end(error instanceof Error ? error : new Error(String(error)));
      }
    }
    report(true);
    for (const slot of workers) feed(slot);
  });
}
