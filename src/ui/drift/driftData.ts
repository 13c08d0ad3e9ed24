/**
 * The drift panel's data, derived from the day results: the latest histogram
 * edges and reference shares, alerts up to the day on screen, the weekly
 * status strip and the small time series.
 *
 * Owns: these derivations (pure, tested without rendering).
 * Must not touch: React.
 */
import type { DriftAlert, DriftStatus, FeatureReading } from '../../sim/contract';
import { PSI_MAJOR } from '../../sim/eval/drift';
import type { DayResult, ModelRole } from '../../sim/contract';
import { FEATURES } from '../../sim/world/features';

const RANK: Record<DriftStatus, number> = { stable: 0, moderate: 1, major: 2 };

/**
 * The panel's headline: the worst status of the rows on screen (the one rule
 * the panel states), and how many rows are not stable.
 */
export function worstReading(readings: readonly FeatureReading[]): {
  status: DriftStatus;
  drifted: number;
} {
  let status: DriftStatus = 'stable';
  for (const r of readings) if (RANK[r.status] > RANK[status]) status = r.status;
  return { status, drifted: readings.filter((r) => r.status !== 'stable').length };
}

const LABELS = new Map<string, string>(FEATURES.map((f) => [f.id, f.label]));

/** A feature's one display name ("Minutes on site" for minutesOnSite); unknown ids as they are. */
export function featureLabel(id: string): string {
  return LABELS.get(id) ?? id;
}

/** The histogram edges per feature (sent once, on the first serving day). */
export function histogramEdges(days: readonly DayResult[]): number[][] | null {
  for (const d of days) if (d.drift?.edges) return d.drift.edges;
  return null;
}

/** Features a single day cannot judge: their training days differed from each other by more than a major drift. */
export function dayLevelFeatures(days: readonly DayResult[]): Set<number> {
  for (const d of days) {
    const c = d.drift?.calibration;
    if (c) return new Set(c.day.flatMap((f, j) => (f.psi > PSI_MAJOR ? [j] : [])));
  }
  return new Set();
}

/** The reference shares `role` served with on day `view` (the latest sent at or before it). */
export function referenceSharesAt(
  days: readonly DayResult[],
  view: number,
  role: ModelRole,
): number[][] | null {
  for (let i = Math.min(view, days.length) - 1; i >= 0; i--) {
    const shares = days[i].drift?.[role].referenceShares;
    if (shares) return shares;
  }
  return null;
}

export interface DatedAlert {
  day: number;
  date: string;
  alert: DriftAlert;
}

/** Every alert raised up to day `view`, newest first. */
export function alertsUpTo(days: readonly DayResult[], view: number): DatedAlert[] {
  const out: DatedAlert[] = [];
  for (const d of days.slice(0, view)) {
    for (const alert of d.drift?.alerts ?? []) out.push({ day: d.day, date: d.date, alert });
  }
  return out.reverse();
}

export interface WeekCell {
  /** First day of the week (day number). */
  day: number;
  date: string;
  /** Worst status of the day or window readings that week. */
  status: DriftStatus;
  /** Mean daily PSI that week. */
  psi: number;
}

/**
 * At most this many weeks in the strip (a year, give or take): a ten-year run
 * would otherwise draw over five thousand cells, too thin to pick and too many
 * to redraw while the run streams in.
 */
export const MAX_STRIP_WEEKS = 53;

/** Weeks of serving days up to `view` (the strip shows the last MAX_STRIP_WEEKS of them). */
export function servingWeeks(days: readonly DayResult[], view: number): number {
  let serving = 0;
  for (let i = 0; i < Math.min(view, days.length); i++) if (days[i].drift) serving++;
  return Math.ceil(serving / 7);
}

/**
 * Per feature, one cell per week of serving days up to `view`; weeks count
 * from the first serving day, and only the last `maxWeeks` are returned.
 */
export function weeklyStrip(
  days: readonly DayResult[],
  view: number,
  role: ModelRole,
  features: number,
  maxWeeks = MAX_STRIP_WEEKS,
): WeekCell[][] {
  const serving = days.slice(0, view).filter((d) => d.drift);
  const rows: WeekCell[][] = Array.from({ length: features }, () => []);
  const first = Math.max(0, Math.ceil(serving.length / 7) - maxWeeks) * 7;
  for (let w = first; w < serving.length; w += 7) {
    const week = serving.slice(w, w + 7);
    for (let f = 0; f < features; f++) {
      let status: DriftStatus = 'stable';
      let psi = 0;
      for (const d of week) {
        const m = d.drift![role];
        for (const r of [m.day[f], m.window[f]])
          if (RANK[r.status] > RANK[status]) status = r.status;
        psi += m.day[f].psi;
      }
      rows[f].push({ day: week[0].day, date: week[0].date, status, psi: psi / week.length });
    }
  }
  return rows;
}

export type SeriesField = 'predictionDrift' | 'labelDrift' | 'calibrationGap';

/** One of a model's daily drift numbers, per serving day up to `view`. */
export function driftSeries(
  days: readonly DayResult[],
  view: number,
  role: ModelRole,
  field: SeriesField,
): { day: number; value: number }[] {
  return days
    .slice(0, view)
    .flatMap((d) => (d.drift ? [{ day: d.day, value: d.drift[role][field] }] : []));
}
