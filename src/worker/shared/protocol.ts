/**
 * The messages between the lab's main thread and its engine worker.
 *
 * Owns: the shapes that cross the worker boundary (all plain data, cloned by
 * postMessage) and the run-id rule: every message carries the run it belongs
 * to, and the receiver drops anything from an older run.
 * Must not touch: React, the store, TF.js, or DOM and WebWorker globals (both
 * threads compile it: tsconfig.worker-shared.json gives it ES2023 alone).
 */
import type { BackendReport as SimBackendReport, DayResult, RunSummary } from '../../sim/contract';

/** The backend that runs, and the files the engine fetched for itself. */
export interface BackendReport extends SimBackendReport {
  /**
   * Absolute URLs of files the worker loaded on its own (the wasm binaries).
   * The page never requests them, so it names them when it asks the service
   * worker to keep the app for offline use. Absent from in-process engines.
   */
  assets?: string[];
}

/** A run is one engine with one set of settings; reset and settings changes start a new one. */
export type RunId = number;

/** Days computed since the previous batch, and the run's totals so far. */
export interface Batch {
  runId: RunId;
  days: DayResult[];
  summary: RunSummary;
  /** Days computed so far in this run. */
  computed: number;
  /** True when the run has reached its last day. */
  done: boolean;
}

/** The engine failed; the run cannot continue in this worker. */
export interface RunFailure {
  runId: RunId;
  message: string;
  /** The last day computed before the failure (the last good day). */
  lastGoodDay: number;
}

/** What the worker calls back with. */
export interface RunListener {
  batch(batch: Batch): void;
  failure(failure: RunFailure): void;
}
