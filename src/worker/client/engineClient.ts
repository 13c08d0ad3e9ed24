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
import type { BackendName, Intervention, StrategyComparison } from '../../sim/contract';
import type { Settings } from '../../sim/settings';
import type { EngineWorkerApi } from '../shared/engineApi';
import type { BackendReport, RunId, RunListener } from '../shared/protocol';

export interface EngineClient {
  /** Starts TF.js in the engine and reports the backend that runs. */
  start(prefer?: BackendName): Promise<BackendReport>;
  /** Starts a run with these settings and interventions; batches for it go to `listener`. */
  init(
    settings: Settings,
    runId: RunId,
    listener: RunListener,
    interventions?: Intervention[],
  ): Promise<void>;
  /** Computes up to `day`; days up to `quietThrough` are not sent again. */
  runTo(runId: RunId, day: number, quietThrough?: number): void;
  /** Runs the same world under every retraining strategy; progress after each run. */
  compare(
    settings: Settings,
    onProgress: (done: number, total: number) => void,
  ): Promise<StrategyComparison>;
  /** Stops computing; resolves with the days computed so far. */
  pause(runId: RunId): Promise<number>;
  /** Throws away the engine (dead or alive) and starts a fresh one. */
  restart(): void;
  /** Called when the engine dies or throws outside a run. */
  onCrash(listener: (message: string) => void): void;
}

/**
 * How long a run may go without a batch before the engine counts as gone. The
 * engine sends a batch about every 100 ms while it computes (even when every
 * day is replayed quietly), but one day is never split: a day whose training
 * job reads a year of 20,000 visitors a day with the MLP takes over ten
 * seconds. So the limit is STALL_MS or STALL_FACTOR times the longest silence
 * seen so far while a run was owed results, whichever is longer: jobs grow
 * with their window a day at a time, so a slow job always follows a nearly as
 * slow one. A worker that was killed (out of memory, closed) sends nothing
 * and raises no event, so only this silence reveals it.
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
  let lastHeard = 0;
  /** The longest silence while results were owed, in this worker's life. */
  let longestGap = 0;
  const limit = () => Math.max(stallMs, STALL_FACTOR * longestGap);
  let watch: ReturnType<typeof setInterval> | null = null;
  let comparing = 0;
  const crash = (message: string) => {
    owed = null;
    // Whatever state it is in, it is not trusted again: stop it computing.
    worker.terminate();
    crashListener(message);
  };
  const heard = () => {
    const now = Date.now();
    if (owed) longestGap = Math.max(longestGap, now - lastHeard);
    lastHeard = now;
  };
  const stopWatching = () => {
    owed = null;
    if (watch !== null) clearInterval(watch);
    watch = null;
  };
  const startWatching = (runId: RunId, day: number) => {
    // The wait for this call starts now (an idle spell before it is no silence).
    lastHeard = Date.now();
    owed = { runId, day };
    watch ??= setInterval(() => {
      if (owed === null) stopWatching();
      // A comparison runs whole years in one go and says nothing meanwhile.
      else if (comparing > 0) heard();
      else if (Date.now() - lastHeard > limit()) {
        const waited = Math.round(limit() / 1000);
        stopWatching();
        crash(`the engine stopped answering (nothing for ${waited} s)`);
      }
    }, WATCH_EVERY_MS);
  };
  /** Wraps the store's listener so every batch also tells the watchdog the engine is alive. */
  const watched = (listener: RunListener): RunListener => ({
    batch(batch) {
      heard();
      if (owed && (batch.runId !== owed.runId || batch.done || batch.computed >= owed.day)) {
        stopWatching();
      }
      listener.batch(batch);
    },
    failure(failure) {
      stopWatching();
      listener.failure(failure);
    },
  });

  const spawn = () => {
    worker = new Worker(new URL('../thread/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'bloomcast-engine',
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      crash(event.message || 'the engine worker stopped with an error');
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
      stopWatching();
      return guard(remote.init(settings, runId, Comlink.proxy(watched(listener)), interventions));
    },
    runTo: (runId, day, quietThrough) => {
      startWatching(runId, day);
      guard(remote.runTo(runId, day, quietThrough)).then(
        (computing) => {
          // Nothing to compute: no batch is owed for this call.
          if (!computing && owed?.runId === runId && owed.day === day) stopWatching();
        },
        () => {},
      );
    },
    pause: (runId) => {
      stopWatching();
      return guard(remote.pause(runId));
    },
    compare: (settings, onProgress) => {
      comparing++;
      return guard(remote.compare(settings, Comlink.proxy(onProgress))).finally(() => {
        comparing--;
        heard();
      });
    },
    restart: () => {
      stopWatching();
      longestGap = 0;
      remote[Comlink.releaseProxy]();
      worker.terminate();
      spawn();
    },
    onCrash: (listener) => {
      crashListener = listener;
    },
  };
}
