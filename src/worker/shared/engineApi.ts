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
import type { BackendName, Intervention } from '../../sim/contract';
import type { DigestedRun } from '../../sim/compareDigest';
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
   * Runs one whole run to its end and returns its digest and summary (a pool
   * worker's job: the strategy comparison spreads its runs over several
   * workers). `onProgress` hears the fraction of the run done about every
   * 100 ms, so silence means the worker is gone.
   */
  runJob(job: RunJob, onProgress: (fraction: number) => void): Promise<DigestedRun>;
  /** Stops after the day being computed; returns the days computed so far. */
  pause(runId: RunId): number;
}

/** One whole run for a pool worker: its settings and what to replay or switch off (plain data). */
export interface RunJob {
  settings: Settings;
  /** Rollbacks and gate switches to replay at the end of their days (none by default). */
  interventions?: Intervention[];
  /** Drift monitoring (default on). */
  monitoring?: boolean;
  /** Each day's and each job's "What it learned" effects (default on; many worlds and the comparison turn them off). */
  effects?: boolean;
}
