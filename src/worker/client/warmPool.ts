/**
 * Pool workers started before a list needs them: while the page is idle (the
 * comparison's view is open, its button not yet pressed), each worker starts,
 * loads its engine and runs a list of warm-up jobs whose results are dropped,
 * so the list that takes it pays neither the start-up nor the first runs'
 * compilation. A list that finds no warm worker gets a new one as before.
 *
 * Owns: the warm workers not yet handed out (starting, warming, stopping
 * them), and passing a handed-out worker's death and signs of life to the
 * list that took it. Once handed out, a worker is the list's: runJobs
 * (./pool.ts) terminates it when the list ends, as any other.
 * Must not touch: scheduling (./pool.ts), how a worker is made (the caller's
 * `spawn`), the engine, the store or the DOM.
 */
import type { PoolWorker, SpawnWorker, WorkerEvents } from './pool';

export interface WarmPool<J, R> {
  /**
   * Has `count` workers started (new ones run the jobs of `rounds` in order,
   * results dropped, stopping after the round under way once a list takes
   * them); workers already warm count.
   */
  warm(count: number, rounds: readonly J[]): void;
  /**
   * A SpawnWorker for runJobs: a warm worker if one is there, warmed ones
   * first (a run handed to one still warming waits for it), else a new one
   * from the caller's `spawn`.
   */
  spawn: SpawnWorker<J, R>;
  /** Warm workers not handed out yet (warming or ready). */
  idle(): number;
  /** Settles when every worker not handed out has finished (or failed) its warm-up. */
  ready(): Promise<void>;
  /** Stops every worker not handed out (a later `warm` starts new ones). */
  dispose(): void;
}

interface Warm<J, R> {
  worker: PoolWorker<J, R>;
  /** Settles when the warm-up job has (rejects if it failed). */
  ready: Promise<void>;
  /** A round of the warm-up is over: a list's first job can start on it now. */
  warmed: boolean;
  /** The list's events once handed out; before that, null. */
  events: WorkerEvents | null;
}

export function createWarmPool<J, R>(spawn: SpawnWorker<J, R>): WarmPool<J, R> {
  const idle: Warm<J, R>[] = [];
  let started = 0;

  /** Drops an idle worker that died or failed its warm-up; a handed-out one is the list's. */
  const drop = (slot: Warm<J, R>) => {
    const at = idle.indexOf(slot);
    if (at < 0) return;
    idle.splice(at, 1);
    try {
      slot.worker.terminate();
    } catch {
      // Already gone.
    }
  };

  const start = (rounds: readonly J[]) => {
    const slot = { events: null, warmed: false } as Warm<J, R>;
    let death: string | null = null;
    slot.worker = spawn(started++, {
      died: (message) => {
        death ??= message;
        if (slot.events) slot.events.died(message);
        else drop(slot);
      },
      heard: () => slot.events?.heard(),
    });
    const warmUp = async () => {
      // A list that takes the worker waits only for the round under way.
      for (let round = 0; round < rounds.length && (round === 0 || !slot.events); round++) {
        await slot.worker.run(rounds[round], () => {});
        if (death !== null) throw new Error(death);
        slot.warmed = true;
      }
    };
    slot.ready = warmUp();
    // A failed warm-up: an idle worker is dropped; a handed-out one fails its list's run.
    slot.ready.catch(() => drop(slot));
    idle.push(slot);
  };

  return {
    warm(count, rounds) {
      while (idle.length < count) {
        try {
          start(rounds);
        } catch {
          // The worker could not be made: the list will make its own.
          return;
        }
      }
    },
    spawn(index, events) {
      // Warmed workers first: the list's first (longest) job goes to one that can start it now.
      const at = Math.max(
        0,
        idle.findIndex((w) => w.warmed),
      );
      const slot = idle.splice(at, 1)[0] as Warm<J, R> | undefined;
      if (!slot) return spawn(index, events);
      slot.events = events;
      return {
        run: (job, beat) => slot.ready.then(() => slot.worker.run(job, beat)),
        terminate: () => slot.worker.terminate(),
      };
    },
    idle: () => idle.length,
    ready: () => Promise.allSettled(idle.map((w) => w.ready)).then(() => {}),
    dispose() {
      for (const slot of [...idle]) drop(slot);
    },
  };
}
