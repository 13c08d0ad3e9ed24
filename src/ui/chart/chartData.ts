/**
 * The accuracy chart's data, prepared from day results: rolling means,
 * one row per day of the run, and the annotations (training window,
 * holidays, retraining jobs).
 *
 * Owns: every number the chart and its data table show, so both views read
 * the same values and tests can check them without rendering SVG.
 * Must not touch: React or Recharts.
 */
import type { DayResult } from '../../sim/results';
import {
  addDays,
  daysBetween,
  type HolidayName,
  holidaysOfYear,
  type IsoDate,
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
  const end = addDays(start, lastDay - 1);
  const marks: HolidayMark[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    for (const h of holidaysOfYear(year)) {
      if (h.date >= start && h.date <= end) {
        marks.push({
          day: daysBetween(start, h.date) + 1,
          name: h.name,
          label: HOLIDAY_LABELS[h.name],
        });
      }
    }
  }
  return marks;
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
}

/** Days with a drift alert, per model (one mark per model and day), up to `view`. */
export function alertMarks(days: readonly DayResult[], view: number): AlertMark[] {
  return days
    .slice(0, view)
    .flatMap((d) =>
      (['static', 'dynamic'] as const)
        .filter((m) => d.drift?.alerts.some((a) => a.model === m))
        .map((model) => ({ day: d.day, model })),
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
