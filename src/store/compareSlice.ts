/**
 * The strategy comparison slice of the lab store: the same world under every
 * retraining strategy, computed on request in the engine worker.
 *
 * Owns: the comparison, its progress, why the last one failed, and dropping a
 * result whose settings are no longer the lab's. A dead engine (the client's
 * watchdog hears nothing) rejects the comparison, so its progress always ends.
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
  /** Runs the comparison in the engine worker for the current settings. */
  runComparison(): void;
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
  return {
    comparison: null,
    compareProgress: null,
    compareError: null,
    runComparison() {
      if (get().compareProgress) return;
      const settings = get().settings;
      set({ compareProgress: { done: 0, total: 4 }, compareError: null });
      client
        .compare(settings, (done, total) => {
          if (get().settings === settings && get().compareProgress)
            set({ compareProgress: { done, total } });
        })
        .then(
          (comparison) => {
            if (get().settings === settings) set({ comparison, compareProgress: null });
            else set({ compareProgress: null });
          },
          (error: unknown) => {
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
  };
}
