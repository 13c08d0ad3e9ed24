/**
 * One pool job inside a worker: a whole run to its end, reduced to its digest
 * and summary, with a heartbeat while it computes.
 *
 * Owns: turning a `RunJob` into run options and the heartbeat's timing (the
 * fraction of the run done, about every HEARTBEAT_MS, so the main thread's
 * watchdog hears a slow run and takes only silence for death).
 * Must not touch: `self`, postMessage or the DOM (engine.worker.ts wires this
 * to comlink; the Node benchmark's worker_threads call it as it is).
 */
import type { BackendName } from '../../sim/contract';
import { type DigestedRun, runDigested } from '../../sim/compare';
import type { RunJob } from '../shared/engineApi';

/** How often a job reports the day under way, ms. */
export const HEARTBEAT_MS = 100;

export interface JobRunnerOptions {
  /** The backend the worker started (the run uses it rather than trying another). */
  backend: BackendName;
  /** Wall-clock milliseconds, for the heartbeat. */
  clock?: () => number;
}

/** The wall clock, one function for every job (a default made per call is a new closure per run). */
const wallClock = (): number => performance.now();

/** Runs `job`; `onProgress` hears 0 at once, the fraction done every ~HEARTBEAT_MS, then 1. */
export async function runJob(
  job: RunJob,
  onProgress: (fraction: number) => void,
  { backend, clock = wallClock }: JobRunnerOptions,
): Promise<DigestedRun> {
  const days = job.settings.days;
  let last = clock();
  onProgress(0);
  const result = await runDigested(job.settings, {
    prefer: backend,
    interventions: job.interventions,
    monitoring: job.monitoring,
    effects: job.effects,
    onDay: (day) => {
      const now = clock();
      if (now - last < HEARTBEAT_MS) return;
      last = now;
      onProgress(day.day / days);
    },
  });
  onProgress(1);
  return result;
}
