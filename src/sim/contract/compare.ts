/**
 * Part of the JSON contract (src/sim/contract): a strategy comparison, the
 * output of `npm run simulate -- --compare` and what the compare view draws.
 *
 * Owns: which strategies there are and in what order, the cadences a
 * comparison runs, the worst-week window, and the shape of a comparison.
 * Fields are added, never renamed or removed; names ending in `Ms` are timings.
 * Must not touch: running or reducing a comparison (src/sim/compare.ts, which
 * loads the engine) or the words shown for a strategy (src/content/strategies.ts).
 */
import type { Cadence, Settings } from '../settings';
import type { IsoDate } from '../world/calendar';
import type { Ledger } from './ledger';

export const STRATEGIES = ['static', 'daily', 'weekly', 'monthly', 'alarm'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The cadences a comparison runs, in order; the static row comes from the first run. */
export const COMPARED_CADENCES = [
  'daily',
  'weekly',
  'monthly',
  'alarm',
] as const satisfies readonly Cadence[];
export type ComparedCadence = (typeof COMPARED_CADENCES)[number];

/** Days in the "worst week" window. */
export const WORST_WINDOW_DAYS = 7;

/** One strategy's numbers: its accuracy and its cost ledger (the model's totals). */
export interface StrategyRow extends Ledger {
  strategy: Strategy;
  label: string;
  /** Daily accuracy; accuracy[i] belongs to day `firstServingDay + i` of the comparison. */
  accuracy: number[];
  /** Mean daily accuracy over the serving days; null when nothing served. */
  meanAccuracy: number | null;
  /** Lowest mean over 7 consecutive serving days; null with fewer than 7 serving days. */
  worstWeekAccuracy: number | null;
  /** The last date of that worst week. */
  worstWeekEnd: IsoDate | null;
}

export interface StrategyComparison {
  /** The settings every run shared; each run replaced `cadence` with its own. */
  settings: Settings;
  /** Day number of the first serving day (the first value of every accuracy series). */
  firstServingDay: number;
  servingDays: number;
  /** One row per strategy, in STRATEGIES order. */
  strategies: StrategyRow[];
  /** Wall-clock time of all the runs together (timing). */
  totalMs: number;
}
