/**
 * The main thread's handle on the engine: the lab's own worker, and a pool of
 * workers for the strategy comparison and for many worlds.
 *
 * Owns: creating the lab's module worker, wrapping it with comlink, noticing
 * when it dies (an error event, a failed call, or silence while a run is owed
 * a batch: ./watchdog.ts) and replacing it on request; and running each
 * comparison on a pool of its own (./comparePool.ts), so the lab's run goes on
 * beside it and a comparison's failure never stops the lab's worker, with the
 * pool's workers started ahead on request (warmCompare, ./warmPool.ts). The
 * `EngineClient` interface is what the store depends on, so tests can hand the
 * store an in-process engine. Runs on the main thread (compiled with the DOM,
 * in tsconfig.app.json).
 * Must not touch: the store, React, or any engine or worker-thread code (the
 * worker loads that; this only names its file and speaks ../shared/engineApi.ts).
 */
import * as Comlink from 'comlink';
import { COMPARED_CADENCES, type StrategyComparison } from '../../sim/contract';
import type { DigestedRun } from '../../sim/compareDigest';
import type { SeedRun } from '../../sim/seeds';
import type { Settings } from '../../sim/settings';
import type { EngineWorkerApi, RunJob } from '../shared/engineApi';
import type { RunId, RunListener } from '../shared/protocol';
import { compareInPool, compareWarmUp } from './comparePool';
import { newEngineWorker, spawnEngineWorker } from './engineWorkers';
import { seedsInPool, seedsWarmUp } from './seedsPool';
import { poolSize, type SpawnWorker } from './pool';
import { createWarmPool } from './warmPool';
import { createWatchdog, STALL_MS, stallMessage } from './watchdog';

export { STALL_MS } from './watchdog';

/**
 * What the store needs of the engine: the worker's `start` and `init` as the
 * worker states them (so the two cannot drift), plus what the client adds on
 * the main thread: fire-and-forget `runTo`, an async `pause`, replacing a dead
 * engine and hearing that it died, and the strategy comparison.
 */
export interface EngineClient extends Pick<EngineWorkerApi, 'start' | 'init'> {
  /** Computes up to `day`; days up to `quietThrough` are not sent again. */
  runTo(runId: RunId, day: number, quietThrough?: number): void;
  /** Stops computing; resolves with the days computed so far. */
  pause(runId: RunId): Promise<number>;
  /** Throws away the engine (dead or alive) and starts a fresh one. */
  restart(): void;
  /** Called when the engine dies or throws outside a run. */
  onCrash(listener: (message: string) => void): void;
  /**
   * Runs the same world under every retraining strategy and compares them.
   * `onProgress` hears runs finished (fractions for runs under way). Rejects
   * when a worker running it dies, goes silent or throws, and when `signal`
   * aborts (its workers are stopped either way). The lab's run goes on beside it.
   */
  compare(
    settings: Settings,
    onProgress: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<StrategyComparison>;
  /**
   * Starts the comparison's pool workers ahead of it, for `settings` (while
   * its view is open and idle): each loads the engine and computes a short
   * warm-up run, so the next `compare` computes from its first moment. Does
   * nothing when they are already there. Optional: a client without a pool
   * has nothing to warm.
   */
  warmCompare?(settings: Settings): void;
  /** Stops the warm workers no comparison has taken. */
  coolCompare?(): void;
  /** Starts many worlds' pool workers ahead of a press (`count` seeds), as warmCompare does. */
  warmSeeds?(settings: Settings, count: number): void;
  /** Stops the workers started ahead that no many-worlds run took (its row closed). */
  coolSeeds?(): void;
  /**
   * Runs the same settings on each of `seeds` (many worlds), on the same kind
   * of pool as the comparison; the runs come back in the seeds' order.
   * `onProgress` hears seeds finished; rejects as `compare` does.
   */
  seeds(
    settings: Settings,
    seeds: readonly number[],
    onProgress: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<SeedRun[]>;
}

export interface WorkerClientOptions {
  /** The watchdog's shortest limit (tests shorten it). */
  stallMs?: number;
  /** Makes the comparison's pool workers (default: module workers of the engine). */
  spawnPoolWorker?: SpawnWorker<RunJob, DigestedRun>;
  /** Logical cores, to size the pool (default: navigator.hardwareConcurrency). */
  cores?: () => number | undefined;
}

/** The real client: module workers built by Vite. */
export function createWorkerClient({
  stallMs = STALL_MS,
  spawnPoolWorker = spawnEngineWorker,
  cores = () => navigator.hardwareConcurrency,
}: WorkerClientOptions = {}): EngineClient {
  let worker: Worker;
  let remote: Comlink.Remote<EngineWorkerApi>;
  let crashListener: (message: string) => void = () => {};
  /** The run and day a batch is owed for, while one is; null when idle. */
  let owed: { runId: RunId; day: number } | null = null;
  /** This worker was declared dead (it is not asked anything again until a restart). */
  let dead = false;
  const watchdog = createWatchdog(
    () => owed !== null,
    (limit) => crash(stallMessage(limit)),
    stallMs,
  );
  const crash = (message: string) => {
    if (dead) return;
    dead = true;
    owed = null;
    watchdog.stop();
    // Whatever state it is in, it is not trusted again: stop it computing.
    worker.terminate();
    crashListener(message);
  };
  const heard = () => watchdog.heard();
  const runSettled = () => {
    owed = null;
    watchdog.settled();
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
    worker = newEngineWorker('bloomcast-engine');
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      crash(event.message || 'the engine worker could not load, or stopped with an error');
    });
    worker.addEventListener('messageerror', () => crash('a message from the engine was corrupted'));
    // Any message at all (a batch, a reply) shows the engine is alive.
    worker.addEventListener('message', heard);
    remote = Comlink.wrap<EngineWorkerApi>(worker);
  };
  spawn();
  /** Pool workers started ahead of a press, for the comparison or many worlds (whichever view is open). */
  const warmPool = createWarmPool(spawnPoolWorker);

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
      watchdog.arm();
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
    compare: (settings, onProgress, signal) =>
      compareInPool(settings, {
        spawn: warmPool.spawn,
        cores: cores(),
        onProgress,
        signal,
        stallMs,
      }),
    warmCompare: (settings) =>
      warmPool.warm(poolSize(cores(), COMPARED_CADENCES.length), compareWarmUp(settings)),
    coolCompare: () => warmPool.dispose(),
    // Many worlds takes the same warm workers as the comparison (one view or the other is open).
    warmSeeds: (settings, count) => warmPool.warm(poolSize(cores(), count), seedsWarmUp(settings)),
    coolSeeds: () => warmPool.dispose(),
    seeds: (settings, seeds, onProgress, signal) =>
      seedsInPool(settings, seeds, {
        spawn: warmPool.spawn,
        cores: cores(),
        onProgress,
        signal,
        stallMs,
      }),
    restart: () => {
      owed = null;
      watchdog.reset();
      remote[Comlink.releaseProxy]();
      worker.terminate();
      spawn();
    },
    onCrash: (listener) => {
      crashListener = listener;
    },
  };
}
