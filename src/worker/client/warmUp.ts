/**
 * What a warm pool worker runs before a list takes it (./warmPool.ts): a
 * short run, then the list's own runs whole.
 *
 * Owns: the warm-up's rounds and why they are these. Must not touch: which
 * runs a list makes (./comparePool.ts, ./seedsPool.ts give theirs), the
 * warm workers themselves, the store or the DOM.
 */
import { FIRST_SERVING_DAY } from '../../sim/ops/schedule';
import type { Settings } from '../../sim/settings';
import type { RunJob } from '../shared/engineApi';

/** Serving days of the warm-up's first, short round (warmUpRounds). */
export const WARM_UP_SERVING_DAYS = 14;

/**
 * The runs a warm pool worker computes before a list takes it (results
 * dropped), from the settings of the view that warms it: first a short one
 * (14 serving days, retrained daily, drift monitor on), so the engine has
 * loaded and every step a run takes (simulating, training, serving,
 * monitoring) has run once, and a press soon after the view opens waits
 * little; then `whole`, the list's own runs.
 *
 * Why whole runs: V8 keeps compiling a run's code on its helper threads until
 * it has seen a whole year (holidays, rollbacks, every cadence's schedule),
 * and on two cores those threads take time from the pool's two workers,
 * where one worker leaves them the other core. Measured in Node (bench/
 * pool.ts, default comparison): after eight short rounds the pool took 0.70-
 * 0.73x of one worker's time with the workers' own CPU at 0.54x; after the
 * short round and the comparison's four runs once, 0.57-0.58x (twice over:
 * no better, 0.55-0.61x, and 2 s more of warm-up).
 */
export function warmUpRounds(settings: Settings, whole: readonly RunJob[]): RunJob[] {
  const days = Math.min(settings.days, FIRST_SERVING_DAY + WARM_UP_SERVING_DAYS - 1);
  return [{ settings: { ...settings, days, cadence: 'daily' }, monitoring: true }, ...whole];
}
