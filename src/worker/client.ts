/**
 * The main thread's handle on the engine worker.
 *
 * Owns: creating the module worker, wrapping it with comlink, noticing when
 * it dies, and replacing it on request. The `EngineClient` interface is what
 * the store depends on, so tests can hand the store an in-process engine.
 * Must not touch: the store, React, or any engine code (the worker loads that).
 */
import * as Comlink from 'comlink';
import type { BackendName } from '../sim/model/backend';
import type { Intervention } from '../sim/results';
import type { StrategyComparison } from '../sim/compare';
import type { Settings } from '../sim/settings';
import type { EngineWorkerApi } from './engine.worker';
import type { BackendReport, RunId, RunListener } from './protocol';

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

/** The real client: a module worker built by Vite. */
export function createWorkerClient(): EngineClient {
  let worker: Worker;
  let remote: Comlink.Remote<EngineWorkerApi>;
  let crashListener: (message: string) => void = () => {};
  const crash = (message: string) => crashListener(message);

  const spawn = () => {
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'bloomcast-engine',
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      crash(event.message || 'the engine worker stopped with an error');
    });
    worker.addEventListener('messageerror', () => crash('a message from the engine was corrupted'));
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
    init: (settings, runId, listener, interventions = []) =>
      guard(remote.init(settings, runId, Comlink.proxy(listener), interventions)),
    runTo: (runId, day, quietThrough) => {
      guard(remote.runTo(runId, day, quietThrough)).catch(() => {});
    },
    pause: (runId) => guard(remote.pause(runId)),
    compare: (settings, onProgress) => guard(remote.compare(settings, Comlink.proxy(onProgress))),
    restart: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
      spawn();
    },
    onCrash: (listener) => {
      crashListener = listener;
    },
  };
}
