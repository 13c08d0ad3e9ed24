/**
 * Making engine workers in the page: the lab's own worker and the pool's.
 *
 * Owns: the one `new Worker(new URL(...))` the build turns into the worker's
 * file (same-origin module workers, as the CSP's worker-src 'self' allows),
 * and the pool's adaptor: a module worker spoken to through comlink, whose
 * error events are its death and whose messages are signs of life.
 * Must not touch: the store, or any worker-thread code (the worker loads that;
 * this only names its file and speaks ../shared/engineApi.ts).
 */
import * as Comlink from 'comlink';
import type { DigestedRun } from '../../sim/compareDigest';
import type { EngineWorkerApi, RunJob } from '../shared/engineApi';
import type { PoolWorker, WorkerEvents } from './pool';

/** A new engine worker (a module worker built by Vite from ../thread/engine.worker.ts). */
export function newEngineWorker(name: string): Worker {
  return new Worker(new URL('../thread/engine.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

/** Worker `index` of a comparison's pool (SpawnWorker for ./pool.ts). */
export function spawnEngineWorker(
  index: number,
  events: WorkerEvents,
): PoolWorker<RunJob, DigestedRun> {
  const worker = newEngineWorker(`bloomcast-pool-${index + 1}`);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    events.died(event.message || 'the engine worker could not load, or stopped with an error');
  });
  worker.addEventListener('messageerror', () =>
    events.died('a message from the engine was corrupted'),
  );
  worker.addEventListener('message', () => events.heard());
  const remote = Comlink.wrap<EngineWorkerApi>(worker);
  return {
    run: (job, beat) => remote.runJob(job, Comlink.proxy(beat)),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
