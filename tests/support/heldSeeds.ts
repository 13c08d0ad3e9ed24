/**
 * An in-process client whose many-worlds runs never finish on their own: a
 * test reports progress itself and sees whether Cancel aborted the runs.
 *
 * Owns: that fake `seeds` (the rest is inProcessClient's real engine).
 * Must not touch: the store or the DOM.
 */
import type { SeedRun } from '../../src/sim/seeds';
import type { EngineClient } from '../../src/worker/client/engineClient';
import { inProcessClient } from './inProcessClient';

export interface HeldSeeds {
  client: EngineClient;
  /** Reports `done` of `total` seeds finished, as the pool does. */
  progress(done: number, total: number): void;
  /** Whether the runs under way were cancelled. */
  aborted(): boolean;
}

/** `overrides` replace more of the client (e.g. a `warmSeeds` that records its calls). */
export function heldSeedsClient(overrides: Partial<EngineClient> = {}): HeldSeeds {
  let signal: AbortSignal | undefined;
  let report: (done: number, total: number) => void = () => {};
  const client: EngineClient = {
    ...inProcessClient('cpu'),
    ...overrides,
    seeds: (_settings, _seeds, onProgress, s) =>
      new Promise<SeedRun[]>((_resolve, reject) => {
        signal = s;
        report = onProgress;
        s?.addEventListener('abort', () => reject(new Error('cancelled')));
      }),
  };
  return {
    client,
    progress: (done, total) => report(done, total),
    aborted: () => signal?.aborted === true,
  };
}
