/**
 * The simulated calendar: real dates and the gift holidays.
 *
 * Owns: ISO date arithmetic in UTC, day-of-year, weekends, the dates of
 * Valentine's Day (14 Feb), Mother's Day (US: second Sunday of May) and
 * Christmas (25 Dec), and a run's day numbers (1 = the first simulated day,
 * 0 = before it) against dates and months: every layer turns a day into a
 * date, and back, through dateOfDay and dayOfDate here.
 * Must not touch: the clock. Dates come from settings, never from "now".
 * Imports nothing: the JSON contract (src/sim/contract) reads its types.
 */

/** An ISO calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

export type HolidayName = 'valentine' | 'mothersDay' | 'christmas';

export interface Holiday {
  name: HolidayName;
  date: IsoDate;
}

const MS_PER_DAY = 86_400_000;

/** Parses "YYYY-MM-DD" into UTC midnight milliseconds; null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms;
}

/** Formats UTC milliseconds as "YYYY-MM-DD". */
export function formatIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `offset` days after `start`. */
export function addDays(start: IsoDate, offset: number): IsoDate {
  const ms = parseIsoDate(start);
  if (ms === null) throw new Error(`not a date: ${start}`);
  return formatIsoDate(ms + offset * MS_PER_DAY);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const ma = parseIsoDate(a);
  const mb = parseIsoDate(b);
  if (ma === null || mb === null) throw new Error(`not a date: ${ma === null ? a : b}`);
  return Math.round((mb - ma) / MS_PER_DAY);
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(parseIsoDate(date) ?? NaN).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/** Day of the year, 1 = 1 January. */
export function dayOfYear(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return daysBetween(`${year}-01-01`, date) + 1;
}

/** US Mother's Day: the second Sunday of May. */
export function mothersDay(year: number): IsoDate {
  const firstOfMay = `${year}-05-01`;
  const firstSunday = 1 + ((7 - weekday(firstOfMay)) % 7);
  return `${year}-05-${String(firstSunday + 7).padStart(2, '0')}`;
}

/** The gift holidays of one calendar year, in date order. */
export function holidaysOfYear(year: number): Holiday[] {
  return [
    { name: 'valentine', date: `${year}-02-14` },
    { name: 'mothersDay', date: mothersDay(year) },
    { name: 'christmas', date: `${year}-12-25` },
  ];
}

/** The gift holiday that falls on `date`, if any. */
export function holidayOn(date: IsoDate): HolidayName | null {
  // A loop, not a callback made per day (see src/sim/model/directKernels.ts on closures and V8).
  for (const h of holidaysOfYear(Number(date.slice(0, 4)))) if (h.date === date) return h.name;
  return null;
}

/** The first holiday on or after `date` (searching this year and the next). */
export function nextHoliday(date: IsoDate): Holiday {
  const year = Number(date.slice(0, 4));
  for (const h of [...holidaysOfYear(year), ...holidaysOfYear(year + 1)]) {
    if (h.date >= date) return h;
  }
  throw new Error('unreachable: a holiday falls within two years');
}

/** The most recent holiday strictly before `date`. */
export function previousHoliday(date: IsoDate): Holiday {
  const year = Number(date.slice(0, 4));
  const all = [...holidaysOfYear(year - 1), ...holidaysOfYear(year)].reverse();
  for (const h of all) {
    if (h.date < date) return h;
  }
  throw new Error('unreachable: a holiday falls within two years');
}

// A run's days: day numbers against dates and months.

/** The date of day `day` (1-based) of a run from `start`; day 0 (before the run) gives `start`. */
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
