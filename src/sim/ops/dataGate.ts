/**
 * The data gate: before a job trains, each day of its window is checked
 * against expectations learned from the reference data (the collection
 * period). Days that fail are quarantined: left out of training and listed.
 *
 * Owns: learning the expectations and checking a day against them.
 * Must not touch: training or the label log.
 *
 * Checks, per feature:
 * - schema: every row has the expected number of features;
 * - missing values: nothing may be NaN or infinite;
 * - ranges: within the reference's range widened by three times its width
 *   on each side (seasons move values; only impossible values fail), for
 *   features that vary in the reference (one value says nothing of a range);
 * - value sets: a feature with two or three values in the reference (yes/no,
 *   the discount levels) may take only those;
 * - a feature that varies within every reference day must not arrive as one
 *   value for a whole day (a dark upstream source). Features constant within
 *   a day by nature (weekend, days to the next holiday) or constant in the
 *   reference are not checked for that.
 */
import { FEATURE_COUNT, FEATURES } from '../world/features';
import type { DayData } from '../world/visitors';

export interface Expectations {
  lo: number[];
  hi: number[];
  /** Allowed values, for features with two or three values in the reference. */
  values: (number[] | null)[];
  /** True when the feature must vary within a day. */
  varies: boolean[];
}

/**
 * Why the loops below sit in small functions of their own: in Chromium, a
 * function whose one call holds a long loop inside another (every row inside
 * every feature, or every day) has that inner loop compiled on its own (OSR)
 * and thrown away each time the loop ends, hundreds of times a run (`exit
 * from OSR'd inner loop` in V8's log), then compiled again on the helper
 * threads the pool's workers share. A function holding one loop, called many
 * times, is compiled once, whole.
 */

/** Running per-feature figures of the reference days (learnExpectations). */
interface ReferenceScan {
  min: number[];
  max: number[];
  /** Up to four distinct values per feature. */
  seen: Set<number>[];
  variesEveryDay: boolean[];
}

/**
 * Widens `scan`'s min and max and collects its distinct values over one
 * day's rows, marking in `varied` each feature that differs from `first`.
 * The row loop alone: code after a loop that V8 compiled on its own (OSR)
 * has no type feedback then, and the compiled loop, kept for the next call,
 * gave way at that code at the end of every call (about 190 times in a
 * strategy comparison, V8's `--trace-deopt` in Node).
 */
function scanRows(scan: ReferenceScan, d: DayData, first: Float32Array, varied: boolean[]): void {
  const f = FEATURE_COUNT;
  const { min, max, seen } = scan;
  for (let o = 0; o < d.n * f; o++) {
    const j = o % f;
    const v = d.features[o];
    if (v < min[j]) min[j] = v;
    if (v > max[j]) max[j] = v;
    if (seen[j].size <= 3) seen[j].add(v);
    if (v !== first[j]) varied[j] = true;
  }
}

/** Adds one reference day to `scan`. */
function scanReferenceDay(scan: ReferenceScan, d: DayData): void {
  const f = FEATURE_COUNT;
  const varied = new Array<boolean>(f).fill(false);
  scanRows(scan, d, d.features.slice(0, f), varied);
  for (let j = 0; j < f; j++) scan.variesEveryDay[j] &&= varied[j];
}

/** Expectations from the reference days. */
export function learnExpectations(days: readonly DayData[]): Expectations {
  const f = FEATURE_COUNT;
  const scan: ReferenceScan = {
    min: new Array<number>(f).fill(Infinity),
    max: new Array<number>(f).fill(-Infinity),
    seen: Array.from({ length: f }, () => new Set<number>()),
    variesEveryDay: new Array<boolean>(f).fill(true),
  };
  for (const d of days) scanReferenceDay(scan, d);
  const { min, max, seen, variesEveryDay } = scan;
  const varying = (j: number) => max[j] > min[j];
  return {
    lo: min.map((m, j) => (varying(j) ? m - 3 * (max[j] - m) : -Infinity)),
    hi: max.map((m, j) => (varying(j) ? m + 3 * (m - min[j]) : Infinity)),
    values: seen.map((s) => (s.size >= 2 && s.size <= 3 ? [...s].sort((a, b) => a - b) : null)),
    varies: FEATURES.map(
      (spec, j) => !spec.constantWithinDay && variesEveryDay[j] && seen[j].size > 1,
    ),
  };
}

/** Why feature `j` of the day fails the gate, or null when it passes. */
function checkFeature(exp: Expectations, day: DayData, j: number): string | null {
  const f = FEATURE_COUNT;
  const id = FEATURES[j].id;
  const allowed = exp.values[j];
  const lo = exp.lo[j];
  const hi = exp.hi[j];
  let same = true;
  const first = day.features[j];
  for (let i = 0; i < day.n; i++) {
    const v = day.features[i * f + j];
    if (!Number.isFinite(v)) return `${id} has missing values`;
    if (v < lo || v > hi) return `${id} = ${v} is outside any plausible range`;
    if (allowed && !allowed.includes(v)) return `${id} = ${v} is not one of ${allowed.join(', ')}`;
    if (v !== first) same = false;
  }
  if (exp.varies[j] && same && day.n > 1) {
    return `${id} arrived as one value (${first}) for all ${day.n} visitors`;
  }
  return null;
}

/** Why the day fails the gate, or null when it passes. */
export function checkDay(exp: Expectations, day: DayData): string | null {
  const f = FEATURE_COUNT;
  if (day.features.length !== day.n * f) return `rows do not have ${f} features`;
  for (let j = 0; j < f; j++) {
    const failure = checkFeature(exp, day, j);
    if (failure) return failure;
  }
  return null;
}
