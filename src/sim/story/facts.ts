/**
 * The numbers the lesson's sentences and the chart's callouts state, each by
 * one written rule over the run's results (docs/CHAPTERS.md lists them).
 * Every function returns null while the run has not computed the days it
 * needs, or when the run does not contain them.
 *
 * Owns: those rules. Must not touch: wording (src/content), the chart.
 */
import type { ModelRole } from '../contract';
import { type DayRange, firstRush, type Rush, type RunShape } from './rush';

/** What these rules read of a day: each model's accuracy (a DayResult, or a seed's digest day). */
export type AccuracyDay = { readonly [R in ModelRole]: { readonly accuracy: number } | null };

/** Points of accuracy a model must fall below its January mean to count as dipped, and come back within to count as recovered. */
export const RECOVERY_POINTS = 5;
/** Days in the trailing mean that decides dipped and recovered. */
export const RECOVERY_MEAN_DAYS = 3;
/** Days before the rush that make a model's "January" (its own usual level). */
export const USUAL_DAYS = 31;

/** Mean accuracy of a model over a range of days; null if any day is not computed or not served. */
export function meanOver(
  days: readonly AccuracyDay[],
  role: ModelRole,
  range: DayRange,
): number | null {
  if (range.from < 1 || range.to < range.from) return null;
  let sum = 0;
  for (let day = range.from; day <= range.to; day++) {
    const accuracy = days[day - 1]?.[role]?.accuracy;
    if (accuracy === undefined) return null;
    sum += accuracy;
  }
  return sum / (range.to - range.from + 1);
}

/** The 31 days before Valentine's rush begins: each model's usual level ("its January"). */
export function usualRange(rush: Rush): DayRange {
  return { from: rush.from - USUAL_DAYS, to: rush.from - 1 };
}

/** The 7 days before Valentine's Day (7-13 February). */
export function weekBefore(rush: Rush): DayRange {
  return { from: rush.day - 7, to: rush.day - 1 };
}

export interface WeekDrop {
  rush: Rush;
  usual: number;
  week: number;
  /** Usual minus the week's mean, in points (positive: it fell). */
  pointsLost: number;
}

/** Rule: a model's mean over the 7 days before Valentine's Day against its mean over the 31 days before the rush. */
export function weekBeforeDrop(
  days: readonly AccuracyDay[],
  settings: RunShape,
  role: ModelRole,
): WeekDrop | null {
  const rush = firstRush(settings);
  if (!rush) return null;
  const usual = meanOver(days, role, usualRange(rush));
  const week = meanOver(days, role, weekBefore(rush));
  if (usual === null || week === null) return null;
  return { rush, usual, week, pointsLost: (usual - week) * 100 };
}

export interface Recovery {
  rush: Rush;
  usual: number;
  /** First day from the rush's start whose 3-day mean is more than 5 points under the usual level (null: it never dipped). */
  dippedOn: number | null;
  /** First day after the dip whose 3-day mean is back within 5 points (null: not back within the days computed). */
  backOn: number | null;
  /** backOn - dippedOn, when both are known. */
  daysToRecover: number | null;
  /** The lowest 3-day mean between the dip and the recovery (or the last day computed). */
  lowest: number | null;
}

/**
 * Rule: dipped = the first day from the start of Valentine's rush on which the
 * model's 3-day mean accuracy is more than 5 points below its own mean over
 * the 31 days before the rush; recovered = the first later day on which that
 * 3-day mean is back within 5 points. Looks no further than `until` (default:
 * the last computed day).
 */
export function recovery(
  days: readonly AccuracyDay[],
  settings: RunShape,
  role: ModelRole,
  until: number = days.length,
): Recovery | null {
  const rush = firstRush(settings);
  if (!rush) return null;
  const usual = meanOver(days, role, usualRange(rush));
  if (usual === null) return null;
  const floor = usual - RECOVERY_POINTS / 100;
  let dippedOn: number | null = null;
  let backOn: number | null = null;
  let lowest: number | null = null;
  const last = Math.min(until, days.length);
  for (let day = Math.max(rush.from, RECOVERY_MEAN_DAYS); day <= last; day++) {
    const mean = meanOver(days, role, { from: day - RECOVERY_MEAN_DAYS + 1, to: day });
    if (mean === null) continue;
    if (dippedOn === null) {
      if (mean < floor) {
        dippedOn = day;
        lowest = mean;
      }
      continue;
    }
    if (mean >= floor) {
      backOn = day;
      break;
    }
    lowest = Math.min(lowest ?? mean, mean);
  }
  return {
    rush,
    usual,
    dippedOn,
    backOn,
    daysToRecover: dippedOn !== null && backOn !== null ? backOn - dippedOn : null,
    lowest,
  };
}

/** Days in the trailing means that measure the lag after the holiday. */
export const LAG_MEAN_DAYS = 7;
/** Points by which the dynamic model's mean must trail the static one's to count as lagging. */
export const LAG_POINTS = 1;

export interface Lag {
  rush: Rush;
  /** The first day after the holiday whose 7-day window holds no holiday day (the first day the rule reads). */
  firstRead: number;
  /** True when the dynamic model trails on that first day. */
  trails: boolean;
  /** Last day of the unbroken run of trailing days from firstRead (null: still trailing on the last day computed). */
  until: number | null;
  /** The largest gap over that run, in points (0 when it does not trail). */
  maxPoints: number;
}

/**
 * Rule: after the holiday, on each day whose trailing 7 days all lie after
 * it, the gap is the static model's 7-day mean minus the dynamic one's; the
 * dynamic model lags from the first such day while the gap is above 1 point,
 * until the last day of that unbroken run. Null until the first such day is
 * computed.
 */
export function lagAfter(days: readonly AccuracyDay[], settings: RunShape): Lag | null {
  const rush = firstRush(settings);
  if (!rush) return null;
  const firstRead = rush.day + LAG_MEAN_DAYS;
  const gapOn = (day: number): number | null => {
    const range = { from: day - LAG_MEAN_DAYS + 1, to: day };
    const s = meanOver(days, 'static', range);
    const d = meanOver(days, 'dynamic', range);
    return s === null || d === null ? null : (s - d) * 100;
  };
  const first = gapOn(firstRead);
  if (first === null) return null;
  if (first <= LAG_POINTS)
    return { rush, firstRead, trails: false, until: firstRead, maxPoints: 0 };
  let maxPoints = first;
  for (let day = firstRead + 1; day <= days.length; day++) {
    const gap = gapOn(day);
    if (gap === null || gap <= LAG_POINTS) {
      return { rush, firstRead, trails: true, until: gap === null ? null : day - 1, maxPoints };
    }
    maxPoints = Math.max(maxPoints, gap);
  }
  return { rush, firstRead, trails: true, until: null, maxPoints };
}
