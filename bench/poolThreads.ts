/**
 * The worker pool in Node: a SpawnWorker for src/worker/client/pool.ts that
 * makes worker_threads running bench/poolThread.ts (the engine worker's job
 * runner), so the benchmark and the determinism test use real threads, one
 * engine per thread, as the page's pool uses module workers.
 *
 * Owns: the messages between the pool and a thread, and making and stopping
 * threads (each thread registers tsx's loader first, so it runs the
 * TypeScript sources). Must not touch: scheduling, the engine.
 */
import { Worker } from 'node:worker_threads';
import type { BackendName } from '../src/sim/contract';
import type { DigestedRun } from '../src/sim/compareDigest';
import type { PoolWorker, SpawnWorker } from '../src/worker/client/pool';
import type { RunJob } from '../src/worker/shared/engineApi';

export interface ThreadRequest {
  job: RunJob;
  prefer: BackendName;
}

export type ThreadReply =
  | { kind: 'beat'; fraction: number }
  | { kind: 'done'; result: DigestedRun; threadCpuMs: number | null }
  | { kind: 'error'; message: string };

const THREAD_FILE = new URL('./poolThread.ts', import.meta.url);
/**
 * A thread does not inherit tsx's loader: its first lines register tsx's ESM
 * hooks in the thread, then import the TypeScript file.
 */
const BOOTSTRAP =
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
  `.then(({ register }) => { register(); return import(${JSON.stringify(THREAD_FILE.href)}); });`;

/** Threads alive now (made and not yet exited): the leak check. */
let live = 0;
export const liveThreads = (): number => live;

/**
 * A SpawnWorker of threads whose engines start `prefer` (wasm by default).
 * `onCpu` hears, after each job, the CPU time its thread has used since it
 * started (start-up included; null off Linux).
 */
export function spawnThreads(
  prefer: BackendName = 'wasm',
  onCpu: (index: number, threadCpuMs: number | null) => void = () => {},
): SpawnWorker<RunJob, DigestedRun> {
  return (index, events) => {
    const thread = new Worker(BOOTSTRAP, { eval: true, name: `bloomcast-pool-${index + 1}` });
    live++;
    thread.once('exit', () => live--);
    thread.on('error', (error) => events.died(error.message));
    let pending: {
      resolve: (r: DigestedRun) => void;
      reject: (e: Error) => void;
      beat: (f: number) => void;
    } | null = null;
    thread.on('message', (reply: ThreadReply) => {
      events.heard();
      const p = pending;
      if (!p) return;
      if (reply.kind === 'beat') p.beat(reply.fraction);
      else {
        pending = null;
        if (reply.kind === 'done') {
          onCpu(index, reply.threadCpuMs);
          p.resolve(reply.result);
        } else p.reject(new Error(reply.message));
      }
    });
    const worker: PoolWorker<RunJob, DigestedRun> = {
      run: (job, beat) =>
        new Promise((resolve, reject) => {
          pending = { resolve, reject, beat };
          thread.postMessage({ job, prefer } satisfies ThreadRequest);
        }),
      terminate: () => void thread.terminate(),
    };
    return worker;
  };
}
