/**
 * The accuracy chart's data, prepared from day results: rolling means,
 * one row per day of the run, and the annotations (training window,
 * holidays, retraining jobs).
 *
 * Owns: every number the chart and its data table show, so both views read
 * the same values and tests can check them without rendering SVG.
 * Must not touch: React or Recharts.
 */
import type { DayResult } from '../../sim/contract';
import {
  dateOfDay,
  dayOfDate,
  type HolidayName,
  holidaysOfYear,
  type IsoDate,
  type MonthMark,
  monthMarks,
} from '../../sim/world/calendar';

export const ROLLING_WINDOWS = [1, 7, 28] as const;
export type RollingWindow = (typeof ROLLING_WINDOWS)[number];

export const SERIES = ['static', 'dynamic', 'oracle', 'baseline'] as const;
export type SeriesKey = (typeof SERIES)[number];

export const SERIES_LABELS: Record<SeriesKey, string> = {
  static: 'Static model',
  dynamic: 'Dynamic model',
  oracle: 'Best possible (oracle)',
  baseline: 'Majority baseline',
};

export interface ChartRow {
  day: number;
  date: string;
  static: number | null;
  dynamic: number | null;
  oracle: number | null;
  baseline: number | null;
}

const pick: Record<SeriesKey, (d: DayResult) => number | null> = {
  static: (d) => d.static?.accuracy ?? null,
  dynamic: (d) => d.dynamic?.accuracy ?? null,
  oracle: (d) => (d.phase === 'serving' ? d.oracleAccuracy : null),
  baseline: (d) => (d.phase === 'serving' ? d.baselineAccuracy : null),
};

/**
 * Trailing mean over the last `window` values that exist, restarting after a
 * gap (null). The first days of a series average over what is there so far.
 */
export function rollingMean(values: readonly (number | null)[], window: number): (number | null)[] {
  // Summed afresh per day (at most 28 values) rather than as a running sum, so
  // no rounding drift builds up over a long run and a 1-day "mean" is exact.
  const out: (number | null)[] = [];
  let run = 0; // values since the last gap
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) {
      run = 0;
      out.push(null);
      continue;
    }
    run++;
    const count = Math.min(run, window);
    let sum = 0;
    for (let k = i - count + 1; k <= i; k++) sum += values[k] as number;
    out.push(sum / count);
  }
  return out;
}

/** One row per simulated day up to `view`; rows after it are left out. */
export function chartRows(days: readonly DayResult[], view: number, window: number): ChartRow[] {
  const shown = days.slice(0, Math.max(0, view));
  const series = Object.fromEntries(
    SERIES.map((key) => [key, rollingMean(shown.map(pick[key]), window)]),
  ) as Record<SeriesKey, (number | null)[]>;
  return shown.map((d, i) => ({
    day: d.day,
    date: d.date,
    static: series.static[i],
    dynamic: series.dynamic[i],
    oracle: series.oracle[i],
    baseline: series.baseline[i],
  }));
}

/**
 * A run longer than this (two years) is "long": its axis marks fewer months,
 * its holidays fewer names, and its chart redraws calmly while it streams in.
 */
export const LONG_RUN_DAYS = 2 * 366;

/** The most points the chart draws per line; longer runs are thinned (the table keeps every day). */
export const MAX_CHART_POINTS = 800;

/**
 * Rows for drawing: at most `maxPoints`, keeping what a reader must see.
 * Up to `maxPoints` rows come back unchanged (the same array). Longer, the
 * rows are cut into stretches where the same lines have values (a gap, such
 * as the collection period, is its own stretch), each stretch into buckets of
 * equal length from its first day, and from every bucket only the rows where
 * one of `keys` is at its lowest or highest are kept, plus each stretch's
 * first and last day, with the shortest buckets that stay within
 * `maxPoints`. So a one-day drop (Valentine's Day, an outage) or peak
 * survives, gaps stay gaps, and the first and last day on screen are drawn.
 * Run after the rolling mean: it picks rows, never changes a value. Buckets
 * start at each stretch's first day, so a growing run keeps its earlier picks
 * until the bucket length steps up.
 */
export function downsampleRows<
  K extends string,
  R extends { day: number } & Record<K, number | null>,
>(rows: R[], keys: readonly K[], maxPoints: number = MAX_CHART_POINTS): R[] {
  if (rows.length <= maxPoints) return rows;
  const stretches = stretchesOf(rows, keys);
  // The shortest buckets that fit: the lines' lows and highs in a bucket often
  // fall on the same days, so start short and lengthen.
  let size = Math.max(2, Math.ceil(rows.length / maxPoints));
  for (;;) {
    const keep = new Uint8Array(rows.length);
    for (const [start, end] of stretches) markExtremes(rows, keys, start, end, size, keep);
    const picked = rows.filter((_, i) => keep[i] === 1);
    if (picked.length <= maxPoints || size >= rows.length) return picked;
    // Rows kept fall about in proportion to the bucket length.
    size = Math.max(size + 1, Math.floor((size * picked.length) / maxPoints));
  }
}

/** [first, last] index of each run of rows where the same keys have values. */
function stretchesOf<K extends string>(
  rows: readonly Record<K, number | null>[],
  keys: readonly K[],
): [number, number][] {
  const present = (i: number) => keys.map((k) => rows[i][k] !== null).join();
  const out: [number, number][] = [];
  let start = 0;
  let mask = present(0);
  for (let i = 1; i <= rows.length; i++) {
    const next = i < rows.length ? present(i) : null;
    if (next === mask) continue;
    out.push([start, i - 1]);
    start = i;
    mask = next ?? '';
  }
  return out;
}

/** Marks a stretch's first and last row and, per bucket of `size` rows, each key's lowest and highest. */
function markExtremes<K extends string>(
  rows: readonly Record<K, number | null>[],
  keys: readonly K[],
  start: number,
  end: number,
  size: number,
  keep: Uint8Array,
): void {
  keep[start] = 1;
  keep[end] = 1;
  for (let from = start; from <= end; from += size) {
    const to = Math.min(end, from + size - 1);
    for (const k of keys) {
      if (rows[from][k] === null) continue; // the whole stretch has no value for k
      let lo = from;
      let hi = from;
      for (let i = from + 1; i <= to; i++) {
        const v = rows[i][k] as number;
        if (v < (rows[lo][k] as number)) lo = i;
        if (v > (rows[hi][k] as number)) hi = i;
      }
      keep[lo] = 1;
      keep[hi] = 1;
    }
  }
}

export interface HolidayMark {
  day: number;
  name: HolidayName;
  label: string;
}

const HOLIDAY_LABELS: Record<HolidayName, string> = {
  valentine: 'Valentine’s Day',
  mothersDay: 'Mother’s Day',
  christmas: 'Christmas',
};

/** Gift holidays within the whole run (computed or not, so the class sees what is coming). */
export function holidayMarks(start: IsoDate, lastDay: number): HolidayMark[] {
  const end = dateOfDay(start, lastDay);
  const marks: HolidayMark[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    for (const h of holidaysOfYear(year)) {
      if (h.date >= start && h.date <= end) {
        marks.push({
          day: dayOfDate(start, h.date),
          name: h.name,
          label: HOLIDAY_LABELS[h.name],
        });
      }
    }
  }
  return marks;
}

/** Holiday labels across the chart at most: more would run into each other. */
const HOLIDAY_LABELS_ACROSS = 10;
/** Past two years the names are spread wider: a name is about a seventh of the plot wide. */
const HOLIDAY_LABELS_ACROSS_LONG = 4;
const LABEL_PRIORITY: HolidayName[] = ['valentine', 'mothersDay', 'christmas'];

/**
 * The days whose holiday line gets its name written at the top. Every one in a
 * year's run; in a longer one, names at least lastDay / HOLIDAY_LABELS_ACROSS
 * days apart (a quarter of the run past two years), Valentine's Days first
 * (the lesson's holiday), then Mother's Days and Christmases where they fit.
 * Unnamed holidays keep their dashed line.
 */
export function labelledHolidays(marks: readonly HolidayMark[], lastDay: number): Set<number> {
  const across = lastDay > LONG_RUN_DAYS ? HOLIDAY_LABELS_ACROSS_LONG : HOLIDAY_LABELS_ACROSS;
  const gap = lastDay / across;
  const labelled = new Set<number>();
  for (const name of LABEL_PRIORITY) {
    for (const m of marks) {
      if (m.name !== name) continue;
      if ([...labelled].every((d) => Math.abs(d - m.day) >= gap)) labelled.add(m.day);
    }
  }
  return labelled;
}

/**
 * The month ticks of the date axis: every month up to two years (the axis
 * drops those that would overlap), then only quarters, and past five years
 * only Januaries, which carry the year (plus the first day, which does too).
 */
export function axisMonths(start: IsoDate, lastDay: number): MonthMark[] {
  const step = lastDay <= LONG_RUN_DAYS ? 1 : lastDay <= 5 * 366 ? 3 : 12;
  return monthMarks(start, lastDay).filter(
    (m) => m.day === 1 || (Number(dateOfDay(start, m.day).slice(5, 7)) - 1) % step === 0,
  );
}

export interface RetrainMark {
  day: number;
  version: number;
  released: boolean;
  /** blessed (served), rejected by a gate, failed in training, or a rollback. */
  kind: 'blessed' | 'rejected' | 'failed' | 'rollback';
}

/** The dynamic model's jobs after version 1 and its rollbacks, up to `view`. */
export function retrainMarks(days: readonly DayResult[], view: number): RetrainMark[] {
  return days.slice(0, view).flatMap((d) => {
    const jobs = d.dynamic?.jobs ?? [];
    const fromJobs: RetrainMark[] = jobs.map((j) => ({
      day: d.day,
      version: j.version,
      released: j.promoted,
      kind:
        j.status === 'failed'
          ? 'failed'
          : j.status === 'rejected' && !j.promoted
            ? 'rejected'
            : 'blessed',
    }));
    const rollbacks: RetrainMark[] = d.audit
      .filter((a) => a.action === 'rollback' && a.to !== a.from && a.to !== null)
      .map((a) => ({ day: d.day, version: a.to as number, released: true, kind: 'rollback' }));
    return [...fromJobs, ...rollbacks];
  });
}

/** Days a data gate quarantined (kept out of training), up to `view`. */
export function quarantineMarks(days: readonly DayResult[], view: number): number[] {
  const dates = new Set<string>();
  for (const d of days.slice(0, view)) {
    for (const j of d.dynamic?.jobs ?? []) for (const q of j.quarantined) dates.add(q.date);
  }
  return days.slice(0, view).flatMap((d) => (dates.has(d.date) ? [d.day] : []));
}

export interface AlertMark {
  day: number;
  model: 'static' | 'dynamic';
  /** What the monitor saw: the inputs drifted, or the model's errors rose (an error-rate detector). */
  signal: 'inputs' | 'errors';
}

/** Days with a monitor alert, per model and signal (one mark each a day), up to `view`. */
export function alertMarks(days: readonly DayResult[], view: number): AlertMark[] {
  return days
    .slice(0, view)
    .flatMap((d) =>
      (['static', 'dynamic'] as const).flatMap((model) =>
        (['inputs', 'errors'] as const)
          .filter((signal) =>
            d.drift?.alerts.some(
              (a) => a.model === model && (a.kind === 'input') === (signal === 'inputs'),
            ),
          )
          .map((signal) => ({ day: d.day, model, signal })),
      ),
    );
}

/** The lower edge of the accuracy axis: a round tenth below the lowest value shown, at most 0.5. */
export function accuracyFloor(rows: readonly ChartRow[], keys: readonly SeriesKey[]): number {
  let min = 1;
  for (const row of rows) for (const k of keys) if (row[k] !== null) min = Math.min(min, row[k]);
  return Math.min(0.5, Math.floor(min * 10) / 10);
}

/** "81.2%" (or an en dash when there is no value). */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`;
}
