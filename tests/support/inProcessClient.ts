/**
 * An `EngineClient` that runs the worker's real host code in this process
 * (Node or jsdom), so store and component tests drive the real engine without
 * a Web Worker. It can also fake a crash, as a dying worker would.
 */
import { initBackend } from '../../src/sim/model';
import type { BackendName } from '../../src/sim/contract';
import type { EngineClient } from '../../src/worker/client/engineClient';
import { EngineHost } from '../../src/worker/thread/engineHost';
import { compareStrategies } from '../../src/sim/compare';
import { runSeeds } from '../../src/sim/seedRuns';
import type { RunListener } from '../../src/worker/shared/protocol';

export interface TestClient extends EngineClient {
  /**
   * Makes the "worker" fail: the crash listener hears it. By default its host
   * stops (a dead worker); with `keepTalking` it goes on sending batches, as a
   * real worker does after an uncaught error, which the store must ignore.
   */
  crash(message: string, options?: { keepTalking?: boolean }): void;
  /** Calls made, for assertions ("init", "runTo 31", ...). */
  calls: string[];
  /** Hosts created (one per restart). */
  hosts: number;
}

export function inProcessClient(prefer: BackendName = 'wasm'): TestClient {
  let host: EngineHost | null = null;
  let listener: RunListener | null = null;
  let onCrash: (message: string) => void = () => {};
  /** The current host's life; a crash ends it for good, a restart makes a new one. */
  let life = { dead: false };
  const calls: string[] = [];
  const client: TestClient = {
    calls,
    hosts: 0,
    start: () => initBackend({ prefer }),
    async init(settings, runId, l, interventions = []) {
      calls.push(`init ${runId}`);
      const { backend } = await initBackend({ prefer });
      if (!host) {
        client.hosts++;
        const mine = life;
        host = new EngineHost({
          backend,
          listener: {
            batch: (b) => {
              if (!mine.dead) listener?.batch(b);
            },
            failure: (f) => {
              if (!mine.dead) listener?.failure(f);
            },
          },
        });
      }
      listener = l;
      host.init(settings, runId, interventions);
    },
    runTo(runId, day, quietThrough) {
      calls.push(`runTo ${day}`);
      if (!life.dead) host?.runTo(runId, day, quietThrough);
    },
    compare(settings, onProgress) {
      calls.push('compare');
      return compareStrategies(settings, {
        prefer,
        onProgress: (done, total) => onProgress(done, total),
      });
    },
    seeds(settings, seeds, onProgress) {
      calls.push('seeds');
      return runSeeds(settings, seeds, {
        prefer,
        onProgress: (done, total) => onProgress(done, total),
      });
    },
    pause(runId) {
      calls.push('pause');
      return Promise.resolve(host?.pause(runId) ?? 0);
    },
    restart() {
      calls.push('restart');
      life.dead = true;
      life = { dead: false };
      host = null;
    },
    onCrash(l) {
      onCrash = l;
    },
    crash(message, { keepTalking = false } = {}) {
      if (!keepTalking) life.dead = true;
      onCrash(message);
    },
  };
  return client;
}
