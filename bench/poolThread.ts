/**
 * One worker of the Node pool (bench/poolThreads.ts): a worker_threads thread
 * that runs whole runs with the engine worker's own job runner, so the
 * benchmark and the tests time the same work the page's pool does.
 *
 * Owns: the thread's side of the messages: a job in, heartbeats and one
 * result (or error) out. Must not touch: scheduling (src/worker/client/pool.ts).
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { initBackend } from '../src/sim/model';
import type { BackendName } from '../src/sim/contract';
import type { RunJob } from '../src/worker/shared/engineApi';
import { runJob } from '../src/worker/thread/jobRunner';
import type { ThreadReply, ThreadRequest } from './poolThreads';

const port = parentPort;
if (!port) throw new Error('bench/poolThread.ts runs as a worker thread');

let backend: Promise<BackendName> | null = null;

/**
 * CPU time this thread has used since it started, ms (Linux: utime + stime of
 * /proc/thread-self/stat, in clock ticks of 10 ms); null elsewhere. Unlike
 * wall time, it does not grow when other work on the machine takes the cores.
 */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

port.on('message', (request: ThreadRequest) => {
  const send = (reply: ThreadReply) => port.postMessage(reply);
  void (async () => {
    try {
      backend ??= initBackend({ prefer: request.prefer }).then((r) => r.backend);
      const job: RunJob = request.job;
      const result = await runJob(job, (fraction) => send({ kind: 'beat', fraction }), {
        backend: await backend,
      });
      send({ kind: 'done', result, threadCpuMs: threadCpuMs() });
    } catch (error) {
      send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
