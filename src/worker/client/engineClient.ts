/**
 * The main thread's handle on the engine worker.
 *
 * Owns: creating the module worker, wrapping it with comlink, noticing when
 * it dies (an error event, a failed call, or silence while a run is owed a
 * batch), and replacing it on request. The `EngineClient` interface is what
 * the store depends on, so tests can hand the store an in-process engine.
 * Runs on the main thread (compiled with the DOM, in tsconfig.app.json).
 * Must not touch: the store, React, or any engine or worker-thread code (the
 * worker loads that; this only names its file and speaks ../shared/engineApi.ts).
 */
import * as Comlink from 'comlink';
import type { StrategyComparison } from '../../sim/contract';
import type { EngineWorkerApi } from '../shared/engineApi';
import type { RunId, RunListener } from '../shared/protocol';

/**
 * What the store needs of the engine: the worker's `start`, `init` and
 * `compare` as the worker states them (so the two cannot drift; here `compare`
 * also rejects when the engine dies meanwhile, its progress reports being the
 * watchdog's heartbeat), plus what the client adds on the main thread:
 * fire-and-forget `runTo`, an async `pause`, replacing a dead engine and
 * hearing that it died.
 */
export interface EngineClient extends Pick<EngineWorkerApi, 'start' | 'init' | 'compare'> {
  /** Computes up to `day`; days up to `quietThrough` are not sent again. */
  runTo(runId: RunId, day: number, quietThrough?: number): void;
  /** Stops computing; resolves with the days computed so far. */
  pause(runId: RunId): Promise<number>;
  /** Throws away the engine (dead or alive) and starts a fresh one. */
  restart(): void;
  /** Called when the engine dies or throws outside a run. */
  onCrash(listener: (message: string) => void): void;
}

/**
 * How long the engine may stay silent while it owes an answer (a run's batch,
 * or the heartbeat of a comparison) before it counts as gone. The engine sends
 * a batch about every 100 ms while it computes (even when every day is
 * replayed quietly), and a comparison reports every ~100 ms of its runs, but
 * one day is never split: a day whose training job reads a year of 20,000
 * visitors a day with the MLP takes over ten seconds. So the limit is STALL_MS
 * or STALL_FACTOR times the longest silence seen so far while something was
 * owed, whichever is longer: jobs grow with their window a day at a time, so a
 * slow job always follows a nearly as slow one. A worker that was killed (out
 * of memory, closed) sends nothing and raises no event, so only this silence
 * reveals it.
 */
export const STALL_MS = 15_000;
const STALL_FACTOR = 4;
/** How often the silence is checked. */
const WATCH_EVERY_MS = 1_000;

/** The real client: a module worker built by Vite. */
export function createWorkerClient(stallMs = STALL_MS): EngineClient {
  let worker: Worker;
  let remote: Comlink.Remote<EngineWorkerApi>;
  let crashListener: (message: string) => void = () => {};
  /** The run and day a batch is owed for, while one is; null when idle. */
  let owed: { runId: RunId; day: number } | null = null;
  /** Comparisons under way: each owes a heartbeat; a crash rejects them. */
  const comparisons = new Set<(error: Error) => void>();
  /** This worker was declared dead (it is not asked anything again until a restart). */
  let dead = false;
  let lastHeard = 0;
  /** The longest silence while something was owed, in this worker's life. */
  let longestGap = 0;
  const limit = () => Math.max(stallMs, STALL_FACTOR * longestGap);
  const owing = () => owed !== null || comparisons.size > 0;
  let watch: ReturnType<typeof setInterval> | null = null;
  const stopWatch = () => {
    if (watch !== null) clearInterval(watch);
    watch = null;
  };
  const crash = (message: string) => {
    if (dead) return;
    dead = true;
    owed = null;
    stopWatch();
    // Whatever state it is in, it is not trusted again: stop it computing.
    worker.terminate();
    crashListener(message);
    // A terminated worker never answers: settle what waits for it.
    const waiting = [...comparisons];
    comparisons.clear();
    for (const reject of waiting) reject(new Error(message));
  };
  const heard = () => {
    const now = Date.now();
    if (owing()) longestGap = Math.max(longestGap, now - lastHeard);
    lastHeard = now;
  };
  /** Starts the silence check if it is not running; the wait starts now if nothing was owed. */
  const watchFromNow = () => {
    // An idle spell before this call is no silence.
    if (!owing()) lastHeard = Date.now();
    watch ??= setInterval(() => {
      if (!owing()) stopWatch();
      else if (Date.now() - lastHeard > limit()) {
        crash(`the engine stopped answering (nothing for ${Math.round(limit() / 1000)} s)`);
      }
    }, WATCH_EVERY_MS);
  };
  const runSettled = () => {
    owed = null;
    if (!owing()) stopWatch();
  };
  /** Wraps the store's listener so every batch also tells the watchdog the engine is alive. */
  const watched = (listener: RunListener): RunListener => ({
    batch(batch) {
      heard();
      if (owed && (batch.runId !== owed.runId || batch.done || batch.computed >= owed.day)) {
        runSettled();
      }
      listener.batch(batch);
    },
    failure(failure) {
      runSettled();
      listener.failure(failure);
    },
  });

  const spawn = () => {
    dead = false;
    worker = new Worker(new URL('../thread/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'bloomcast-engine',
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      crash(event.message || 'the engine worker could not load, or stopped with an error');
    });
    worker.addEventListener('messageerror', () => crash('a message from the engine was corrupted'));
    // Any message at all (a batch, a reply, comparison progress) shows the engine is alive.
    worker.addEventListener('message', heard);
    remote = Comlink.wrap<EngineWorkerApi>(worker);
  };
  spawn();

  const guard = <T>(call: Promise<T>): Promise<T> =>
    call.catch((error: unknown) => {
      crash(error instanceof Error ? error.message : String(error));
      throw error;
    });

  return {
    start: (prefer) => guard(remote.start(prefer)),
    init: (settings, runId, listener, interventions = []) => {
      runSettled();
      return guard(remote.init(settings, runId, Comlink.proxy(watched(listener)), interventions));
    },
    runTo: (runId, day, quietThrough) => {
      if (dead) return;
      watchFromNow();
      owed = { runId, day };
      guard(remote.runTo(runId, day, quietThrough)).then(
        (computing) => {
          // Nothing to compute: no batch is owed for this call.
          if (!computing && owed?.runId === runId && owed.day === day) runSettled();
        },
        () => {},
      );
    },
    pause: (runId) => {
      runSettled();
      return guard(remote.pause(runId));
    },
    compare: (settings, onProgress) => {
      if (dead) return Promise.reject(new Error('the engine has stopped; restart it first'));
      // Its progress (every ~100 ms of work) is its heartbeat, watched as a run's batches are.
      return new Promise<StrategyComparison>((resolve, reject) => {
        watchFromNow();
        comparisons.add(reject);
        const settle = () => {
          comparisons.delete(reject);
          if (!owing()) stopWatch();
        };
        const progress = (done: number, total: number) => {
          heard();
          onProgress(done, total);
        };
        // Not guarded: an error thrown by the comparison is its own failure; the worker answered.
        remote.compare(settings, Comlink.proxy(progress)).then(
          (comparison) => {
            settle();
            resolve(comparison);
          },
          (error: unknown) => {
            settle();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
    restart: () => {
      owed = null;
      stopWatch();
      longestGap = 0;
      const waiting = [...comparisons];
      comparisons.clear();
      for (const reject of waiting) reject(new Error('the engine was restarted'));
      remote[Comlink.releaseProxy]();
      worker.terminate();
      spawn();
    },
    onCrash: (listener) => {
      crashListener = listener;
    },
  };
}
