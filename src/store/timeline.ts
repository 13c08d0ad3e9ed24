/**
 * Day arithmetic for the timeline: day numbers (1 = the first simulated day,
 * 0 = before it) against dates and months.
 *
 * Owns: where "one month on" lands, and the month marks of the scrubber.
 * Must not touch: the store or the engine.
 */
import { addDays, daysBetween, formatIsoDate, type IsoDate } from '../sim/world/calendar';

/** The date of day `day` (1-based) of a run starting on `start`. */
export function dateOfDay(start: IsoDate, day: number): IsoDate {
  return addDays(start, Math.max(day, 1) - 1);
}

/** The day number of `date` in a run starting on `start`. */
export function dayOfDate(start: IsoDate, date: IsoDate): number {
  return daysBetween(start, date) + 1;
}

function lastOfMonth(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return formatIsoDate(Date.UTC(y, m, 0));
}

/**
 * One month on from `day`: the last day of the month the next day falls in,
 * so stepping from the start shows whole months (31 Jul, 31 Aug, ...).
 */
export function monthStep(start: IsoDate, day: number, lastDay: number): number {
  const next = dateOfDay(start, day + 1);
  return Math.min(lastDay, dayOfDate(start, lastOfMonth(next)));
}

export interface MonthMark {
  /** Day number of the month's first day in the run. */
  day: number;
  /** Short month name ("Jul"), with the year in January and on the first mark. */
  label: string;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** The first day of every month in a run, for axis ticks and scrubber labels. */
export function monthMarks(start: IsoDate, lastDay: number): MonthMark[] {
  const marks: MonthMark[] = [];
  let day = 1;
  while (day <= lastDay) {
    const date = dateOfDay(start, day);
    const month = Number(date.slice(5, 7)) - 1;
    const year = date.slice(0, 4);
    marks.push({
      day,
      label: month === 0 || day === 1 ? `${MONTHS[month]} ${year}` : MONTHS[month],
    });
    day = dayOfDate(start, lastOfMonth(date)) + 1;
  }
  return marks;
}

/** "14 Feb 2026" */
export function formatDate(date: IsoDate): string {
  const m = Number(date.slice(5, 7)) - 1;
  return `${Number(date.slice(8, 10))} ${MONTHS[m]} ${date.slice(0, 4)}`;
}
