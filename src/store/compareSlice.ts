/**
 * The strategy comparison slice of the lab store: the same world under every
 * retraining strategy, computed on request on the client's pool of workers.
 *
 * Owns: the comparison, its progress, why the last one failed, cancelling it,
 * and stopping one whose settings are no longer the lab's (its result would be
 * dropped: its workers are stopped at its next progress report instead of
 * computing on). A dead or silent pool worker (the client's watchdog) rejects
 * the comparison, so its progress always ends.
 * Must not touch: the run (a comparison runs beside it).
 */
import type { StrategyComparison } from '../sim/contract';
import type { Settings } from '../sim/settings';
import type { EngineClient } from '../worker/client/engineClient';
import type { RunFailure } from '../worker/shared/protocol';
import type { Notice, SliceGet, SliceSet } from './labTypes';

/** The strategy comparison: the same world under every retraining strategy. */
export interface CompareSlice {
  comparison: StrategyComparison | null;
  /** Runs finished (with a fraction for the run under way) while a comparison runs; else null. */
  compareProgress: { done: number; total: number } | null;
  /** Why the last comparison stopped, until the next one starts. */
  compareError: string | null;
  /** Runs the comparison for the current settings (nothing while one runs). */
  runComparison(): void;
  /** Stops the comparison under way, if any (its workers are terminated; no error shows). */
  cancelComparison(): void;
  /**
   * Has the comparison's workers started ahead of it (its view is open and
   * no comparison runs), so the button's comparison computes at once.
   */
  warmComparison(): void;
  /** Stops the workers started ahead that no comparison took (its view closed). */
  coolComparison(): void;
}

/** What the comparison reads of the other slices. */
interface Others {
  settings: Settings;
  /** The engine's failure on record (its banner offers Restart). */
  failure: RunFailure | null;
  addNotice(notice: Notice): void;
}

type Lab = CompareSlice & Others;

export function createCompareSlice(
  set: SliceSet<Lab>,
  get: SliceGet<Lab>,
  client: EngineClient,
): CompareSlice {
  /** Stops the comparison under way; null when none runs. */
  let running: AbortController | null = null;
  return {
    comparison: null,
    compareProgress: null,
    compareError: null,
    runComparison() {
      if (get().compareProgress) return;
      const settings = get().settings;
      const controller = new AbortController();
      running = controller;
      const mine = () => running === controller;
      set({ compareProgress: { done: 0, total: 4 }, compareError: null });
      client
        .compare(
          settings,
          (done, total) => {
            if (!mine()) return;
            // Settings changed: the result would be dropped, so its workers stop now.
            if (get().settings !== settings) controller.abort();
            else set({ compareProgress: { done, total } });
          },
          controller.signal,
        )
        .then(
          (comparison) => {
            if (!mine()) return;
            running = null;
            if (get().settings === settings) set({ comparison, compareProgress: null });
            else set({ compareProgress: null });
          },
          (error: unknown) => {
            if (!mine()) return;
            running = null;
            if (controller.signal.aborted) {
              set({ compareProgress: null });
              return;
            }
            const message = error instanceof Error ? error.message : String(error);
            set({ compareProgress: null, compareError: message });
            // A dead engine already has its banner (with Restart); anything else gets a notice,
            // so it shows in every layout, presentation included.
            if (get().failure) return;
            get().addNotice({
              id: 'compare',
              tone: 'warning',
              text: `The comparison could not run: ${message}`,
            });
          },
        );
    },
    cancelComparison() {
      running?.abort();
    },
    warmComparison() {
      if (!running) client.warmCompare?.(get().settings);
    },
    coolComparison() {
      client.coolCompare?.();
    },
  };
}
