/**
 * Running a whole simulation in one call (the CLI, the tests, the benchmark).
 *
 * Owns: initialising the backend, stepping an engine to the end, and
 * collecting its output.
 * Must not touch: printing; progress is reported through a callback.
 */
import { Engine } from './engine';
import { type BackendOptions, initBackend, type Trainer } from './model';
import type { DayResult, Intervention, RunOutput } from './contract';
import type { Settings } from './settings';

export interface RunOptions extends BackendOptions {
  /** Called after each day with the day just simulated. */
  onDay?: (day: DayResult, engine: Engine) => void;
  /** The training implementation (default TF.js). */
  trainer?: Trainer;
  /** Drift monitoring (default on; the benchmark turns it off to measure its cost). */
  monitoring?: boolean;
  /** Each day's and each job's "What it learned" effects (default on; many worlds and the comparison turn them off). */
  effects?: boolean;
  /** Rollbacks and gate switches made during the run, replayed at the end of their days. */
  interventions?: Intervention[];
}

/** Simulates every day of `settings` and returns config, days and summary. */
export async function runSimulation(
  settings: Settings,
  options: RunOptions = {},
): Promise<RunOutput> {
  const { backend } = await initBackend(options);
  const engine = new Engine(settings, {
    backend,
    trainer: options.trainer,
    monitoring: options.monitoring,
    effects: options.effects,
    interventions: options.interventions,
  });
  const days: DayResult[] = [];
  while (!engine.done) {
    const day = engine.step();
    days.push(day);
    options.onDay?.(day, engine);
  }
  return { config: engine.config, days, summary: engine.summary() };
}
