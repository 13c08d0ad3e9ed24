/**
 * Pool workers in the test's own thread, running the engine worker's job
 * runner, for the pool's determinism tests (the comparison and many worlds).
 */
import type { DigestedRun } from '../../src/sim/compare';
import { initBackend } from '../../src/sim/model';
import type { SpawnWorker } from '../../src/worker/client/pool';
import type { RunJob } from '../../src/worker/shared/engineApi';
import { runJob } from '../../src/worker/thread/jobRunner';

/**
 * Workers in this thread running the worker's job runner. Each waits a
 * different number of macrotasks before its run (a fixed pattern), so runs
 * finish in an order other than the list's.
 */
export function inProcess(delays: number[]): SpawnWorker<RunJob, DigestedRun> {
  let calls = 0;
  return () => ({
    run: async (job, beat) => {
      const wait = delays[calls++ % delays.length];
      for (let i = 0; i < wait; i++) await new Promise((r) => setTimeout(r, 0));
      const { backend } = await initBackend({ prefer: 'wasm' });
      return runJob(job, beat, { backend });
    },
    terminate: () => {},
  });
}
