/**
 * "On 9 of 10 seeds": on how many seeds of a many-worlds result a claim about
 * the run on screen holds too. A claim is read on each seed's own serving
 * days, up to the day on screen, by the same rule that makes it on screen
 * (src/sim/story's rules read a seed's days as they read the run's).
 *
 * Owns: which result may be counted (the same settings, the seed aside), a
 * seed's days as the rules read them, the count, and the claims the cards
 * make (the worst week). Pure. Must not touch: wording (src/content, the
 * cards), the runs.
 */
import { worstWindowMean } from '../compareDigest';
import type { ModelRole } from '../contract';
import type { SeedRun } from '../seeds';

export type { SeedRun } from '../seeds';
import type { Settings } from '../settings';
import type { AccuracyDay } from './facts';

/** A claim held on `holds` of the `of` seeds that could answer it. */
export interface SeedCount {
  holds: number;
  of: number;
}

/** Whether two settings differ in nothing but the seed. */
export function sameButSeed(a: Settings, b: Settings): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Settings)[]);
  keys.delete('seed');
  for (const key of keys) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  }
  return true;
}

/**
 * The runs of a many-worlds result when it was run with the settings on
 * screen (seed aside), else null: a result for other settings is never counted.
 */
export function runsFor<R extends { settings: Settings; runs: readonly SeedRun[] }>(
  result: R | null | undefined,
  settings: Settings,
): readonly SeedRun[] | null {
  return result && sameButSeed(result.settings, settings) ? result.runs : null;
}

/**
 * A seed's days as the story's rules read them: day d at index d - 1 (the
 * collection days serve no model), up to day `view` (default: all).
 */
export function seedDays(run: SeedRun, view = Number.POSITIVE_INFINITY): AccuracyDay[] {
  const { firstServingDay, static: s, dynamic: d } = run.digest;
  const last = Math.min(view, firstServingDay - 1 + s.accuracy.length);
  const days: AccuracyDay[] = [];
  for (let day = 1; day <= last; day++) {
    const i = day - firstServingDay;
    days.push(
      i < 0
        ? { static: null, dynamic: null }
        : { static: { accuracy: s.accuracy[i] }, dynamic: { accuracy: d.accuracy[i] } },
    );
  }
  return days;
}

/**
 * On how many seeds `claim` holds, read on each seed's days up to `view`;
 * seeds where it cannot tell (null) are left out. Null when none can tell.
 */
export function countSeeds(
  runs: readonly SeedRun[],
  view: number,
  claim: (days: readonly AccuracyDay[], run: SeedRun) => boolean | null,
): SeedCount | null {
  let holds = 0;
  let of = 0;
  for (const run of runs) {
    const answer = claim(seedDays(run, view), run);
    if (answer === null) continue;
    of++;
    if (answer) holds++;
  }
  return of === 0 ? null : { holds, of };
}

/** Days in a card's worst week (the headline's WEEK). */
const WORST_DAYS = 7;

/**
 * The card's claim "the worst 7 days so far were days from..to": on how many
 * seeds the worst 7 consecutive serving days up to `view` (lowest mean, ties
 * to the earliest, as the headline's rule) share at least one day with them.
 */
export function worstWeekCount(
  runs: readonly SeedRun[],
  role: ModelRole,
  view: number,
  week: { fromDay: number; toDay: number },
): SeedCount | null {
  return countSeeds(runs, view, (_, run) => {
    const { firstServingDay } = run.digest;
    const served = run.digest[role].accuracy.slice(0, Math.max(0, view - firstServingDay + 1));
    const worst = worstWindowMean(served, WORST_DAYS);
    if (!worst) return null;
    const toDay = firstServingDay + worst.end;
    const fromDay = toDay - WORST_DAYS + 1;
    return fromDay <= week.toDay && toDay >= week.fromDay;
  });
}
