/**
 * A model's headline on the day on screen, derived from the day results: the
 * serving version, its last 7 days against that version's own held-out check,
 * and its worst 7 consecutive served days so far.
 *
 * Owns: these derivations and their wording of numbers (pure, tested against
 * the engine's results in tests/unit/cards/).
 * Must not touch: React, or how the engine computes a result.
 */
import type { DayResult, ModelRole, RunSummary } from '../../sim/contract';
import { COLLECTION_DAYS } from '../../sim/ops/schedule';
import { formatDate, type IsoDate } from '../../sim/world/calendar';

/** Days in "last 7 days" and "worst 7 days". */
export const WEEK = 7;

/** Where a serving version's validation figure comes from. */
export interface VersionCheck {
  version: number;
  /** Share of the held-out visits the version classified right. */
  accuracy: number;
  rows: number;
  /** The held-out days (version 1: the whole collection period it was sampled from). */
  from: IsoDate;
  to: IsoDate;
  /**
   * collection: version 1's random 20% of the collection period's visits;
   * recent: the most recent labelled day, held out of the job that made it.
   */
  kind: 'collection' | 'recent';
}

/** The lowest mean accuracy over 7 consecutive served days, and which days. */
export interface WorstWeek {
  accuracy: number;
  from: IsoDate;
  to: IsoDate;
  fromDay: number;
  toDay: number;
}

export interface Headline {
  /** Null before version 1 exists. */
  servingVersion: number | null;
  /** Served days on screen (0 before the first serving day). */
  servedDays: number;
  /** Mean accuracy over the last (up to) 7 served days on screen. */
  recentAccuracy: number | null;
  recentDays: number;
  check: VersionCheck | null;
  /** recentAccuracy minus the check's accuracy, when both exist. */
  gap: number | null;
  /** Null with fewer than 7 served days. */
  worst: WorstWeek | null;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The worst 7 consecutive served days among days 1..view: the lowest mean
 * accuracy of `role`, ties to the earliest. Null with fewer than 7 served days.
 */
export function worstWeek(
  days: readonly DayResult[],
  view: number,
  role: ModelRole,
): WorstWeek | null {
  let worst: WorstWeek | null = null;
  // A run of consecutive served days (a day without the model breaks it).
  let run: DayResult[] = [];
  for (const d of days.slice(0, view)) {
    const last = run.at(-1);
    if (!d[role] || (last && d.day !== last.day + 1)) run = [];
    if (!d[role]) continue;
    run.push(d);
    if (run.length < WEEK) continue;
    const week = run.slice(-WEEK);
    // Summed afresh in day order, so equal weeks give equal means and the earliest stays.
    const accuracy = mean(week.map((w) => w[role]!.accuracy));
    if (worst === null || accuracy < worst.accuracy) {
      worst = {
        accuracy,
        from: week[0].date,
        to: week[WEEK - 1].date,
        fromDay: week[0].day,
        toDay: week[WEEK - 1].day,
      };
    }
  }
  return worst;
}

/**
 * The held-out check of the version of `role` that serves on day `view`
 * (or version 1 on the day it is trained): version 1's is the run summary's;
 * a later version's is the validation record of the job that made it.
 * Null when that version had no check (a job with no held-out day) or before
 * version 1 exists.
 */
export function versionCheck(
  days: readonly DayResult[],
  view: number,
  role: ModelRole,
  summary: RunSummary | null,
): VersionCheck | null {
  const shown = days.slice(0, view);
  const version = servingVersion(shown, role);
  if (version === null) return null;
  if (version === 1) {
    if (!summary || shown.length < COLLECTION_DAYS) return null;
    const v1 = summary[role];
    return {
      version,
      accuracy: v1.validationAccuracy,
      rows: v1.validationRows,
      from: shown[0].date,
      to: shown[COLLECTION_DAYS - 1].date,
      kind: 'collection',
    };
  }
  for (const d of shown) {
    const job = d[role]?.jobs.find((j) => j.version === version);
    if (!job) continue;
    if (!job.validation) return null;
    const { candidate, rows, from, to } = job.validation;
    return { version, accuracy: candidate.accuracy, rows, from, to, kind: 'recent' };
  }
  return null;
}

/** The version serving on the last day shown; version 1 from the day it is trained. */
function servingVersion(shown: readonly DayResult[], role: ModelRole): number | null {
  const today = shown.at(-1);
  if (today?.[role]) return today[role].servingVersion;
  return shown.some((d) => d.events.some((e) => e.model === role)) ? 1 : null;
}

/** Everything a headline shows about `role` on day `view`. */
export function headline(
  days: readonly DayResult[],
  view: number,
  role: ModelRole,
  summary: RunSummary | null,
): Headline {
  const shown = days.slice(0, view);
  const served = shown.filter((d) => d[role] !== null);
  const recent = served.slice(-WEEK).map((d) => d[role]!.accuracy);
  const recentAccuracy = recent.length ? mean(recent) : null;
  const check = versionCheck(days, view, role, summary);
  return {
    servingVersion: servingVersion(shown, role),
    servedDays: served.length,
    recentAccuracy,
    recentDays: recent.length,
    check,
    gap: recentAccuracy !== null && check ? recentAccuracy - check.accuracy : null,
    worst: worstWeek(days, view, role),
  };
}

/** "−2.3 points", "+0.4 points": a difference of two accuracies in percentage points. */
export function pointsText(gap: number): string {
  const points = Math.abs(gap * 100).toFixed(1);
  if (points === '0.0') return '0.0 points';
  return `${gap > 0 ? '+' : '−'}${points} points`;
}

/** "8–14 Feb 2026", "28 Jan – 3 Feb 2026", "29 Dec 2025 – 4 Jan 2026". */
export function dateRangeText(from: IsoDate, to: IsoDate): string {
  if (from === to) return formatDate(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDate(from)} – ${formatDate(to)}`;
  // "8 Feb 2026" without its year, or without its month and year too.
  const dayMonth = formatDate(from).slice(0, -5);
  if (from.slice(5, 7) !== to.slice(5, 7)) return `${dayMonth} – ${formatDate(to)}`;
  return `${dayMonth.split(' ')[0]}–${formatDate(to)}`;
}

const count = new Intl.NumberFormat('en-GB');

/**
 * What a version's check was, after its accuracy: "on 5,989 held-out visits
 * of 1 Jul – 31 Aug 2025 (v1’s own check)".
 */
export function checkText(check: VersionCheck): string {
  const visits = `on ${count.format(check.rows)} held-out visits of ${dateRangeText(check.from, check.to)}`;
  const whose = `v${check.version}’s own check`;
  return check.kind === 'collection'
    ? `${visits} (${whose})`
    : `${visits}, the latest labelled day (${whose})`;
}
