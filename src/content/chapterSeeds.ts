/**
 * A chapter's "on 9 of 10 seeds": with a finished many-worlds result for the
 * settings on screen (seed aside), one short sentence saying on how many seeds
 * the chapter's claim about the run holds too, each claim read on every seed
 * by the rule that makes it on screen (src/sim/story). Chapters without a
 * claim about the run say nothing.
 *
 * Owns: which chapter claims are counted, and their sentences. Must not
 * touch: the chapters' own words (chapters.ts, valentineText.ts,
 * worldsText.ts), the count's rule (src/sim/story/seedCounts.ts).
 */
import type { Settings } from '../sim/settings';
import { lagAfter, meanOver, usualRange, weekBefore, weekBeforeDrop } from '../sim/story/facts';
import { firstRush } from '../sim/story/rush';
import { countSeeds, type SeedCount, type SeedRun } from '../sim/story/seedCounts';
import type { AccuracyDay } from '../sim/story/facts';
import type { ChapterRun } from './chapterTypes';
import { CLOSE_POINTS, SHARP_DROP_POINTS, wayBackDay } from './valentineText';

type Claim = (days: readonly AccuracyDay[], s: Settings) => boolean | null;

/** Calm: the two models' means over the 31 days before the rush are within CLOSE_POINTS. */
const runClose: Claim = (days, s) => {
  const rush = firstRush(s);
  if (!rush) return null;
  const st = meanOver(days, 'static', usualRange(rush));
  const dy = meanOver(days, 'dynamic', usualRange(rush));
  return st === null || dy === null ? null : Math.abs(st - dy) * 100 <= CLOSE_POINTS;
};

/** The rush: the static model's week before the 14th is SHARP_DROP_POINTS or more under its usual level. */
const staticFell: Claim = (days, s) => {
  const drop = weekBeforeDrop(days, s, 'static');
  return drop && drop.pointsLost >= SHARP_DROP_POINTS;
};

/** The rush: the dynamic model's mean over the week before the 14th is above the static one's. */
const dynamicAhead: Claim = (days, s) => {
  const rush = firstRush(s);
  if (!rush) return null;
  const st = meanOver(days, 'static', weekBefore(rush));
  const dy = meanOver(days, 'dynamic', weekBefore(rush));
  return st === null || dy === null ? null : dy > st;
};

/** The way back: the dynamic model trails the static one after the holiday (lagAfter). */
const trailsAfter: Claim = (days, s) => lagAfter(days.slice(0, wayBackDay(s)), s)?.trails ?? null;

/** A still world: over the whole run the two means are within CLOSE_POINTS. */
const yearClose: Claim = (days, s) => {
  if (days.length < s.days) return null;
  const served = { from: days.findIndex((d) => d.static !== null) + 1, to: days.length };
  if (served.from < 1) return null;
  const st = meanOver(days, 'static', served);
  const dy = meanOver(days, 'dynamic', served);
  return st === null || dy === null ? null : Math.abs(st - dy) * 100 <= CLOSE_POINTS;
};

const of = ({ holds, of: n }: SeedCount) => `${holds === 0 ? 'none' : holds} of ${n}`;

/** Each counted chapter: its claim(s) and the sentence. */
const WORDS: Record<string, (count: (claim: Claim) => SeedCount | null) => string | null> = {
  calm: (count) => {
    const c = count(runClose);
    return c && `On ${of(c)} seeds the two run within ${CLOSE_POINTS} points before the rush.`;
  },
  'way-back': (count) => {
    const c = count(trailsAfter);
    return c && `On ${of(c)} seeds the dynamic model trails after the holiday.`;
  },
  'still-world': (count) => {
    const c = count(yearClose);
    return c && `On ${of(c)} seeds the two end the year within ${CLOSE_POINTS} points.`;
  },
};

/** The same for a guess's reveal (the chapter's words before it must not give the answer away). */
const REVEAL_WORDS: typeof WORDS = {
  valentine: (count) => {
    const fell = count(staticFell);
    const ahead = count(dynamicAhead);
    if (!fell || !ahead) return null;
    return `On ${of(fell)} seeds the static model fell ${SHARP_DROP_POINTS} points or more that week; on ${of(ahead)}, the dynamic one beat it.`;
  },
};

function sentence(
  words: typeof WORDS,
  chapterId: string,
  run: ChapterRun,
  runs: readonly SeedRun[] | null,
): string | null {
  const say = words[chapterId];
  if (!say || !runs) return null;
  return say((claim) => countSeeds(runs, run.days.length, (days) => claim(days, run.settings)));
}

/**
 * The chapter's sentence over the seeds, for the days on screen (`run`), or
 * null (no result for these settings: runsFor gives null; no claim counted).
 */
export const chapterSeedsSentence = (
  chapterId: string,
  run: ChapterRun,
  runs: readonly SeedRun[] | null,
): string | null => sentence(WORDS, chapterId, run, runs);

/** The sentence over the seeds that follows a guess's reveal, or null. */
export const revealSeedsSentence = (
  chapterId: string,
  run: ChapterRun,
  runs: readonly SeedRun[] | null,
): string | null => sentence(REVEAL_WORDS, chapterId, run, runs);
