/**
 * Runs the same settings on several seeds, one after another in this thread
 * (the CLI's `--seeds`; the page runs them on its worker pool instead), each
 * without the drift monitor, which a many-worlds summary does not show, unless
 * the cadence retrains on its alarms, and without the daily effects
 * (seedRunOptions).
 *
 * Owns: running the seeds. Must not touch: the rows, summary and band
 * (seeds.ts), printing. Loads the engine (and TensorFlow.js): the page never
 * imports it.
 */
import { runDigested } from './compare';
import type { RunOptions } from './run';
import { type SeedRun, seedRunOptions } from './seeds';
import type { Settings } from './settings';

export interface SeedRunOptions extends Omit<
  RunOptions,
  'monitoring' | 'effects' | 'interventions'
> {
  /** Called after each seed's run with how many are done. */
  onProgress?: (done: number, total: number, seed: number) => void;
}

export async function runSeeds(
  settings: Settings,
  seeds: readonly number[],
  options: SeedRunOptions = {},
): Promise<SeedRun[]> {
  const { onProgress, ...rest } = options;
  const runs: SeedRun[] = [];
  for (const [i, seed] of seeds.entries()) {
    const { digest, summary } = await runDigested(
      { ...settings, seed },
      { ...rest, ...seedRunOptions(settings) },
    );
    runs.push({ seed, digest, summary: { valentineWeeks: summary.valentineWeeks } });
    onProgress?.(i + 1, seeds.length, seed);
  }
  return runs;
}
