/**
 * The numbers the lesson's sentences and the chart's callouts state, each by
 * one written rule over the run's results (docs/CHAPTERS.md lists them).
 * Every function returns null while the run has not computed the days it
 * needs, or when the run does not contain them.
 *
 * Owns: those rules. Must not touch: wording (src/content), the chart.
 */
import type { DayResult, ModelRole } from '../contract';
import type { Settings } from '../settings';
import { type DayRange, firstRush, type Rush } from './rush';

type RunShape = Pick<Settings, 'scenario' | 'startDate' | 'days'>;

/** Points of accuracy a model must fall below its January mean to count as dipped, and come back within to count as recovered. */
export const RECOVERY_POINTS = 5;
/** Days in the trailing mean that decides dipped and recovered. */
export const RECOVERY_MEAN_DAYS = 3;
/** Days before the rush that make a model's "January" (its own usual level). */
export const USUAL_DAYS = 31;

/** Mean accuracy of a model over a range of days; null if any day is not computed or not served. */
export function meanOver(
  days: readonly DayResult[],
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
  days: readonly DayResult[],
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
  days: readonly DayResult[],
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
