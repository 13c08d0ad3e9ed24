/**
 * The simulated calendar: real dates and the gift holidays.
 *
 * Owns: ISO date arithmetic in UTC, day-of-year, weekends, and the dates of
 * Valentine's Day (14 Feb), Mother's Day (US: second Sunday of May) and
 * Christmas (25 Dec).
 * Must not touch: the clock. Dates come from settings, never from "now".
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
  return holidaysOfYear(Number(date.slice(0, 4))).find((h) => h.date === date)?.name ?? null;
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
