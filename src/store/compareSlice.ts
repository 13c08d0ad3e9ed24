/**
 * The strategy comparison slice of the lab store: the same world under every
 * retraining strategy, computed on request in the engine worker.
 *
 * Owns: the comparison, its progress, and dropping a result whose settings
 * are no longer the lab's. Must not touch: the run (a comparison runs beside it).
 */
import type { StrategyComparison } from '../sim/contract';
import type { Settings } from '../sim/settings';
import type { EngineClient } from '../worker/client/engineClient';
import type { Notice, SliceGet, SliceSet } from './labTypes';

/** The strategy comparison: the same world under every retraining strategy. */
export interface CompareSlice {
  comparison: StrategyComparison | null;
  compareProgress: { done: number; total: number } | null;
  /** Runs the comparison in the engine worker for the current settings. */
  runComparison(): void;
}

/** What the comparison reads of the other slices. */
interface Others {
  settings: Settings;
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
    runComparison() {
      if (get().compareProgress) return;
      const settings = get().settings;
      set({ compareProgress: { done: 0, total: 4 } });
      client
        .compare(settings, (done, total) => {
          if (get().settings === settings) set({ compareProgress: { done, total } });
        })
        .then(
          (comparison) => {
            if (get().settings === settings) set({ comparison, compareProgress: null });
            else set({ compareProgress: null });
          },
          (error: unknown) => {
            set({ compareProgress: null });
            get().addNotice({
              id: 'compare',
              tone: 'warning',
              text: `The comparison could not run: ${error instanceof Error ? error.message : String(error)}`,
            });
          },
        );
    },
  };
}
