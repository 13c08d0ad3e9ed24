/**
 * The engine worker: a module Web Worker that owns TF.js and the engine, so
 * the main thread never trains. Compiled for the worker thread alone
 * (tsconfig.worker.json: ES2023 and WebWorker, no DOM).
 *
 * Owns: starting the TF.js backend with the app's own .wasm files (Vite asset
 * URLs, never a CDN) and exposing the host's API through comlink, as the
 * shared contract (../shared/engineApi.ts) describes it. The lab's own worker
 * and every worker of the comparison's pool load this same file: the lab's
 * runs the live run (init, runTo, pause), a pool's runs whole runs (runJob).
 * Must not touch: the DOM or the main-thread client (../client). Everything it
 * sends is plain data.
 */
import * as Comlink from 'comlink';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { initBackend } from '../../sim/model/backend';
import type { BackendName, Intervention } from '../../sim/contract';
import type { DigestedRun } from '../../sim/compareDigest';
import type { Settings } from '../../sim/settings';
import type { EngineWorkerApi, RunJob } from '../shared/engineApi';
import type { BackendReport, RunId, RunListener } from '../shared/protocol';
import { EngineHost, WARM_UP_DAYS } from './engineHost';
import { runJob } from './jobRunner';

let host: EngineHost | null = null;
let report: Promise<BackendReport> | null = null;
/** The listener of the newest run (the host checks run ids; this only routes). */
let current: RunListener | null = null;

const api = {
  /** Starts TF.js once (wasm, else cpu) and says which backend runs. */
  start(prefer: BackendName = 'wasm'): Promise<BackendReport> {
    report ??= initBackend({
      prefer,
      wasmPaths: { 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd },
    }).then((started) => ({
      ...started,
      assets: [wasmSimd, wasmPlain].map((u) => new URL(u, self.location.href).href),
    }));
    return report;
  },
  /** Starts a run; batches and failures go to `listener` (a comlink proxy). */
  async init(
    settings: Settings,
    runId: RunId,
    listener: RunListener,
    interventions: Intervention[] = [],
  ): Promise<void> {
    const { backend } = await api.start();
    host ??= new EngineHost({
      backend,
      warmUpDays: WARM_UP_DAYS,
      listener: {
        batch: (b) => current?.batch(b),
        failure: (f) => current?.failure(f),
      },
    });
    current = listener;
    host.init(settings, runId, interventions);
  },
  runTo(runId: RunId, day: number, quietThrough = 0): boolean {
    return host?.runTo(runId, day, quietThrough) ?? false;
  },
  /** Runs one whole run (a pool job) to its end; its progress is its heartbeat. */
  async runJob(job: RunJob, onProgress: (fraction: number) => void): Promise<DigestedRun> {
    const { backend } = await api.start();
    // A comlink proxy's call returns a promise nobody needs to wait for.
    return runJob(job, (fraction) => void onProgress(fraction), { backend });
  },
  pause(runId: RunId): number {
    return host?.pause(runId) ?? 0;
  },
} satisfies EngineWorkerApi;

Comlink.expose(api);
