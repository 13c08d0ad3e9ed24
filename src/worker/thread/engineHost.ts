/**
 * The engine's host inside the worker: one engine at a time, stepped forward
 * to a target day in small time slices, its days streamed back in batches.
 *
 * Owns: the run loop (cooperative: between slices it yields, so a pause, a
 * new target or a new run arrive between days), the run id, turning engine
 * errors into failure messages, and the idle warm-up of a fresh worker.
 * Must not touch: the DOM, `self` or postMessage (engine.worker.ts wires
 * this to comlink), so tests drive it directly in Node.
 */
import { Engine } from '../../sim/engine';
import type { BackendName, DayResult, Intervention } from '../../sim/contract';
import type { Settings } from '../../sim/settings';
import { FIRST_SERVING_DAY } from '../../sim/ops/schedule';
import type { RunId, RunListener } from '../shared/protocol';

export interface HostOptions {
  backend: BackendName;
  listener: RunListener;
  /** Resolves after pending messages had their turn (a macrotask in the worker). */
  yieldNow?: () => Promise<void>;
  /** Wall-clock milliseconds, for slicing work. */
  clock?: () => number;
  /** Longest stretch of work between two batches, ms (about 10 screen updates a second). */
  sliceMs?: number;
  /**
   * Days of the throwaway run the host computes while idle after its first
   * `init` (warmUp); 0 (the default) for none.
   */
  warmUpDays?: number;
}

/**
 * Days the page's engine worker computes while idle after it starts: the
 * collection period and two weeks of serving, so every step of a day
 * (simulating, training cold and warm, serving, monitoring) has run and been
 * compiled before the student's first press. The Node benchmark's year runs
 * after a 70-day run for the same reason.
 */
export const WARM_UP_DAYS = FIRST_SERVING_DAY + 13;

/** Longest stretch of warm-up work between two yields, ms: what a command can wait for it. */
const WARM_SLICE_MS = 20;

/**
 * A macrotask by a message to ourselves: pending messages (a pause, a new
 * target) have their turn first. Not `setTimeout(0)`: called again from its
 * own callback, as this loop does, it waits at least 4 ms from the sixth time
 * on (measured in Chromium's worker: 0.1 ms, then 4.0-4.4 ms each; by a
 * message, 0-0.4 ms), idling the worker about 4% of a year.
 */
const macrotask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

export class EngineHost {
  private engine: Engine | null = null;
  private runId: RunId = 0;
  private target = 0;
  /** Days up to and including this one were already delivered (a restart's replay). */
  private quietThrough = 0;
  private looping = false;
  /** The idle warm-up (it runs once per host): settles with the days it computed. */
  private warmUpRun: Promise<number> | null = null;
  private readonly yieldNow: () => Promise<void>;
  private readonly clock: () => number;
  private readonly sliceMs: number;

  constructor(private readonly options: HostOptions) {
    this.yieldNow = options.yieldNow ?? macrotask;
    this.clock = options.clock ?? (() => performance.now());
    this.sliceMs = options.sliceMs ?? 100;
  }

  /** Starts a new run; anything still computing for an older run stops. */
  init(settings: Settings, runId: RunId, interventions: Intervention[] = []): void {
    this.engine = new Engine(settings, { backend: this.options.backend, interventions });
    this.runId = runId;
    this.target = 0;
    this.quietThrough = 0;
    const days = Math.min(this.options.warmUpDays ?? 0, settings.days);
    if (!this.warmUpRun && days > 0) {
      this.warmUpRun = this.warmUp({ ...settings, days });
    }
  }

  /**
   * Settles when the idle warm-up has ended (finished, or given way to a
   * run) with the days it computed; 0 if none ran.
   */
  warmUpEnded(): Promise<number> {
    return this.warmUpRun ?? Promise.resolve(0);
  }

  /**
   * Computes a throwaway run of `settings` in short slices while no run is
   * computing, results dropped, so V8 has compiled the engine's code before
   * the first real run needs it (a fresh worker otherwise runs its first
   * year partly unoptimised, with the compiler busy on the other core). It
   * ends for good at its first yield after a run starts computing (that
   * run's slice has queued its own yield behind the warm-up's, so the run is
   * still computing then). A press waits for the slice under way at most:
   * 20 ms of days, or one longer day (a cold MLP job). Nothing it does
   * reaches the listener; its draws come from its own engine's seed, so the
   * real run's numbers are the same with or without it (tested).
   */
  private async warmUp(settings: Settings): Promise<number> {
    let engine: Engine | null = null;
    try {
      engine = new Engine(settings, { backend: this.options.backend });
      while (!engine.done) {
        await this.yieldNow();
        // A run computing now: it compiles the code itself, and must not wait.
        if (this.looping) break;
        const started = this.clock();
        do engine.step();
        while (!engine.done && this.clock() - started < WARM_SLICE_MS);
      }
    } catch {
      // A warm-up that fails costs nothing: the real run reports its own errors.
    }
    return engine?.day ?? 0;
  }

  /**
   * Computes up to `day` (clamped to the run's length). Days up to `quietThrough`
   * are computed but not sent: the caller already has them (a restart).
   * Returns whether batches will follow (false: another run's call, a failed
   * run, or nothing left to compute), so the caller knows what to wait for.
   */
  runTo(runId: RunId, day: number, quietThrough = 0): boolean {
    if (runId !== this.runId || !this.engine) return false;
    this.target = Math.min(Math.max(day, this.target), this.engine.settings.days);
    this.quietThrough = Math.max(this.quietThrough, quietThrough);
    if (this.engine.day >= this.target) return false;
    if (!this.looping) void this.loop();
    return true;
  }

  /** Stops after the day being computed; returns the days computed so far. */
  pause(runId: RunId): number {
    if (runId !== this.runId || !this.engine) return 0;
    this.target = this.engine.day;
    return this.engine.day;
  }

  private async loop(): Promise<void> {
    this.looping = true;
    try {
      for (;;) {
        const engine = this.engine;
        if (!engine || engine.day >= this.target) break;
        const runId = this.runId;
        const days: DayResult[] = [];
        const started = this.clock();
        try {
          do {
            const day = engine.step();
            if (day.day > this.quietThrough) days.push(day);
          } while (engine.day < this.target && this.clock() - started < this.sliceMs);
        } catch (error) {
          this.engine = null;
          this.options.listener.failure({
            runId,
            message: error instanceof Error ? error.message : String(error),
            lastGoodDay: engine.day - 1,
          });
          break;
        }
        // Sent even when every day was quiet, so the caller can show progress.
        this.options.listener.batch({
          runId,
          days,
          summary: engine.summary(),
          computed: engine.day,
          done: engine.done,
        });
        await this.yieldNow();
      }
    } finally {
      this.looping = false;
    }
  }
}
