/**
 * The engine worker: a module Web Worker that owns TF.js and the engine, so
 * the main thread never trains. Compiled for the worker thread alone
 * (tsconfig.worker.json: ES2023 and WebWorker, no DOM).
 *
 * Owns: starting the TF.js backend with the app's own .wasm files (Vite asset
 * URLs, never a CDN) and exposing the host's API through comlink, as the
 * shared contract (../shared/engineApi.ts) describes it.
 * Must not touch: the DOM or the main-thread client (../client). Everything it
 * sends is plain data.
 */
import * as Comlink from 'comlink';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { initBackend } from '../../sim/model/backend';
import {
  type BackendName,
  COMPARED_CADENCES,
  type Intervention,
  type StrategyComparison,
} from '../../sim/contract';
import type { Settings } from '../../sim/settings';
import { compareStrategies } from '../../sim/compare';
import type { EngineWorkerApi } from '../shared/engineApi';
import type { BackendReport, RunId, RunListener } from '../shared/protocol';
import { EngineHost } from './engineHost';

/** How often a comparison reports the day under way, ms. */
const HEARTBEAT_MS = 100;

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
  /** Runs the same world under every retraining strategy, one after another (StrategyComparison). */
  async compare(
    settings: Settings,
    onProgress: (done: number, total: number) => void,
  ): Promise<StrategyComparison> {
    await api.start();
    // One run is a whole year without a pause: report the day under way about
    // every HEARTBEAT_MS, so the page's watchdog hears a slow comparison and
    // takes only silence for death. `done` counts finished runs plus a fraction.
    const total = COMPARED_CADENCES.length;
    let finished = 0;
    let last = performance.now();
    onProgress(0, total);
    return compareStrategies(settings, {
      onDay: (day) => {
        const now = performance.now();
        if (now - last < HEARTBEAT_MS) return;
        last = now;
        void onProgress(finished + day.day / settings.days, total);
      },
      onProgress: (done) => {
        finished = done;
        last = performance.now();
        void onProgress(done, total);
      },
    });
  },
  pause(runId: RunId): number {
    return host?.pause(runId) ?? 0;
  },
} satisfies EngineWorkerApi;

Comlink.expose(api);
