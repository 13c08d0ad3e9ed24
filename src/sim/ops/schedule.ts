/**
 * When training jobs run.
 *
 * Owns: the collection period's length and the dynamic model's cadence
 * (daily, weekly, or on the last day of each calendar month).
 * Must not touch: what a job does.
 */
import type { Cadence } from '../settings';
import { addDays, type IsoDate } from '../world/calendar';

/** Days 1-62 (1 July to 31 August by default) collect data; no model serves yet. */
export const COLLECTION_DAYS = 62;

/** The first day on which models serve. */
export const FIRST_SERVING_DAY = COLLECTION_DAYS + 1;

/**
 * True when the dynamic model's job runs at the end of day `day` (its version
 * serves from the next day, so no job runs on the last simulated day).
 */
export function isDynamicJobDay(
  cadence: Cadence,
  day: number,
  date: IsoDate,
  lastDay: number,
): boolean {
  if (day < FIRST_SERVING_DAY || day >= lastDay) return false;
  switch (cadence) {
    case 'daily':
      return true;
    case 'weekly':
      return (day - COLLECTION_DAYS) % 7 === 0;
    case 'monthly':
      return addDays(date, 1).endsWith('-01');
    case 'alarm':
      // Decided by the engine: it retrains when an error-stream detector warns or fires.
      return false;
  }
}
