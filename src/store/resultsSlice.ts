/**
 * The results slice of the lab store: what the engine reported for the
 * current run (its days, its summary, the backend it runs on, a failure).
 *
 * Owns: these fields and replacing a failed engine. Batches and failures
 * arrive through labStore.ts, which checks their run id before they land here.
 * Must not touch: the Worker itself (only the `EngineClient`), models,
 * tensors, or the DOM.
 */
import type { DayResult, RunSummary } from '../sim/contract';
import type { EngineClient } from '../worker/client/engineClient';
import type { BackendReport, RunFailure, RunId } from '../worker/shared/protocol';
import type { LabRun, SliceGet, SliceSet } from './labTypes';

export interface ResultsSlice {
  runId: RunId;
  days: DayResult[];
  summary: RunSummary | null;
  /** Days the engine has computed in this run (behind `days` while a restart catches up). */
  computed: number;
  backend: BackendReport | null;
  failure: RunFailure | null;
  /** Replaces a failed engine and resumes from the last good day. */
  restart(): void;
}

/** What the results read and write of the other slices. */
interface Others {
  target: number;
}

type Lab = ResultsSlice & Others;

export function createResultsSlice(
  set: SliceSet<Lab>,
  get: SliceGet<Lab>,
  client: EngineClient,
  run: LabRun,
): ResultsSlice {
  return {
    runId: 0,
    days: [],
    summary: null,
    computed: 0,
    backend: null,
    failure: null,
    restart() {
      const { days } = get();
      client.restart();
      set({ target: Math.max(get().target, days.length) });
      void client.start().then(
        (backend) => set({ backend }),
        () => {},
      );
      run.startRun(true);
    },
  };
}
