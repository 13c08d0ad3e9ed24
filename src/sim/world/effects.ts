/**
 * The true effect of each feature on a day: what a student compares a model's
 * learned weights with.
 *
 * Owns: the definition of a feature's "effect", shared by the truth (here)
 * and the models (model/explain.ts): the average change in log-odds when one
 * feature moves by one of its own units, everything else held, over a sample
 * of the day's visitors.
 * - yes/no features: the change from "no" to "yes";
 * - days to the next holiday: the average change per day between today's
 *   value and the cap (30 days, "no holiday near"), because the true holiday
 *   effect is a step that a per-day slope can only approximate;
 * - everything else: the change for one more unit (one year, one dollar...).
 * Must not touch: random draws; it reads rows the generator already drew.
 */
import { COL, FEATURE_COUNT, FEATURES, HOLIDAY_HORIZON_DAYS } from './features';
import type { Scenario } from './scenarios';
import {
  blankVisitor,
  type DayContext,
  holidayIntensity,
  type TrueVisitor,
  trueLogOdds,
} from './truth';

/** Visitors per day whose effects are averaged (the first ones of the day). */
export const EFFECT_SAMPLE = 128;

const BINARY = new Set<number>(FEATURES.flatMap((f, j) => (f.unit === 'yes/no' ? [j] : [])));

/** How feature `j` is moved to measure its effect: from which value to which, over how many units. */
export function effectProbe(j: number, value: number): { from: number; to: number; step: number } {
  if (BINARY.has(j)) return { from: 0, to: 1, step: 1 };
  if (j === COL.daysToHoliday && value < HOLIDAY_HORIZON_DAYS) {
    return { from: value, to: HOLIDAY_HORIZON_DAYS, step: HOLIDAY_HORIZON_DAYS - value };
  }
  return { from: value, to: value + 1, step: 1 };
}

/** The day as it would be with `days` days to the next holiday (same holiday). */
function withDaysToHoliday(context: DayContext, days: number, scenario: Scenario): DayContext {
  const moved = { ...context, daysToHoliday: days, valentine: 0, mothersDay: 0, christmas: 0 };
  const next = context.nextHoliday;
  if (next) moved[next] = holidayIntensity(days, scenario.rampStartDays[next]);
  return moved;
}

function visitorAt(x: Float32Array, row: number, into: TrueVisitor): TrueVisitor {
  const o = row * FEATURE_COUNT;
  into.age = x[o + COL.age];
  into.hasPartner = x[o + COL.hasPartner];
  into.pastPurchases = x[o + COL.pastPurchases];
  into.minutesOnSite = x[o + COL.minutesOnSite];
  into.price = x[o + COL.price];
  into.discount = x[o + COL.discount];
  into.mobile = x[o + COL.mobile];
  into.temperature = x[o + COL.temperature];
  return into;
}

const FIELDS = [
  'age',
  'hasPartner',
  'pastPurchases',
  'minutesOnSite',
  'price',
  'discount',
  'mobile',
  'temperature',
] as const satisfies readonly (keyof TrueVisitor)[];

/**
 * Per feature (FEATURES order), the true average change in log-odds per unit
 * on this day; null for a feature whose source is dark today (its logged
 * values are not the visitors' real ones).
 */
export function trueEffects(
  x: Float32Array,
  n: number,
  context: DayContext,
  scenario: Scenario,
  dark: readonly string[],
): (number | null)[] {
  const m = Math.min(n, EFFECT_SAMPLE);
  const sums = new Float64Array(FEATURE_COUNT);
  const v = blankVisitor();
  // The day-level variants are the same for every visitor: built once.
  const weekday = { ...context, weekend: 0 as const };
  const weekendDay = { ...context, weekend: 1 as const };
  const holiday = effectProbe(COL.daysToHoliday, context.daysToHoliday);
  const movedHoliday = withDaysToHoliday(context, holiday.to, scenario);
  for (let i = 0; i < m; i++) {
    visitorAt(x, i, v);
    for (let j = 0; j < FIELDS.length; j++) {
      // Moved in place and put back: no object per probe.
      const field = FIELDS[j];
      const value = v[field];
      const { from, to, step } = effectProbe(j, value);
      v[field] = from;
      const low = trueLogOdds(v, context, scenario);
      v[field] = to;
      sums[j] += (trueLogOdds(v, context, scenario) - low) / step;
      v[field] = value;
    }
    const base = trueLogOdds(v, context, scenario);
    sums[COL.weekend] += trueLogOdds(v, weekendDay, scenario) - trueLogOdds(v, weekday, scenario);
    sums[COL.daysToHoliday] += (trueLogOdds(v, movedHoliday, scenario) - base) / holiday.step;
  }
  return FEATURES.map((f, j) => (dark.includes(f.id) || m === 0 ? null : sums[j] / m));
}
