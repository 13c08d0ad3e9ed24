/**
 * What the engine worker exposes through comlink: the one contract between
 * the main-thread client (client/engineClient.ts wraps it) and the worker
 * thread (thread/engine.worker.ts implements it, checked with `satisfies`).
 *
 * Owns: the calls' names, arguments and results. It is written out here
 * rather than derived as `typeof api` from the worker's object, because that
 * object lives in the worker thread (wasm asset URLs, `self`, the host), and
 * the client must not import worker-thread code to learn a type.
 * Must not touch: DOM or WebWorker globals (compiled with ES2023 alone, in
 * tsconfig.worker-shared.json), React, the store, or TF.js.
 */
import type { StrategyComparison } from '../../sim/contract';
import type { BackendName } from '../../sim/contract';
import type { Intervention } from '../../sim/contract';
import type { Settings } from '../../sim/settings';
import type { BackendReport, RunId, RunListener } from './protocol';

export interface EngineWorkerApi {
  /** Starts TF.js once (wasm, else cpu) and says which backend runs. */
  start(prefer?: BackendName): Promise<BackendReport>;
  /** Starts a run; batches and failures go to `listener` (a comlink proxy). */
  init(
    settings: Settings,
    runId: RunId,
    listener: RunListener,
    interventions?: Intervention[],
  ): Promise<void>;
  /** Computes up to `day`; returns whether batches will follow. */
  runTo(runId: RunId, day: number, quietThrough?: number): boolean;
  /**
   * Runs the same world under every retraining strategy, one after another;
   * `onProgress` hears about every 100 ms (runs finished, with a fraction for
   * the run under way), so silence means the worker is gone.
   */
  compare(
    settings: Settings,
    onProgress: (done: number, total: number) => void,
  ): Promise<StrategyComparison>;
  /** Stops after the day being computed; returns the days computed so far. */
  pause(runId: RunId): number;
}
