/**
 * "On N of 10 seeds" (src/sim/story/seedCounts.ts, src/content/chapterSeeds.ts):
 * each count against the engine's own per-seed results, the claim read on
 * every seed's full run by the rule that makes it on screen (the headline's
 * worst week, the chapters' own sentences); a result for other settings is
 * never counted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterSeedsSentence, revealSeedsSentence } from '../../../src/content/chapterSeeds';
import {
  calmText,
  SHARP_DROP_POINTS,
  wayBackDay,
  wayBackText,
} from '../../../src/content/valentineText';
import type { DayResult } from '../../../src/sim/contract';
import { runSimulation } from '../../../src/sim/run';
import { runSeeds } from '../../../src/sim/seedRuns';
import type { SeedRun } from '../../../src/sim/seeds';
import { meanOver, weekBefore, weekBeforeDrop } from '../../../src/sim/story/facts';
import { firstRush } from '../../../src/sim/story/rush';
import {
  countSeeds,
  runsFor,
  sameButSeed,
  seedDays,
  worstWeekCount,
} from '../../../src/sim/story/seedCounts';
import { worstWeek } from '../../../src/ui/cards/headline';
import { settingsWith } from '../helpers';

const settings = settingsWith({ days: 280, visitorsPerDay: 200 });
const SEEDS = [1, 2, 3, 4];
let runs: SeedRun[];
/** Each seed's full run (monitor and effects on), as the lab shows it. */
let full: DayResult[][];

beforeAll(async () => {
  runs = await runSeeds(settings, SEEDS);
  full = [];
  for (const seed of SEEDS) full.push((await runSimulation({ ...settings, seed })).days);
}, 180_000);

const rush = () => {
  const r = firstRush(settings);
  if (!r) throw new Error('the run has no Valentine’s Day');
  return r;
};
const count = (flags: boolean[]) => flags.filter(Boolean).length;

describe('a seed’s days', () => {
  it('are the full run’s accuracies, day for day, cut at the day on screen', () => {
    for (const [k, run] of runs.entries()) {
      const days = seedDays(run);
      expect(days).toHaveLength(settings.days);
      for (const [i, d] of full[k].entries()) {
        expect(days[i].static?.accuracy ?? null).toBe(d.static?.accuracy ?? null);
        expect(days[i].dynamic?.accuracy ?? null).toBe(d.dynamic?.accuracy ?? null);
      }
      expect(seedDays(run, 100)).toHaveLength(100);
    }
  });
});

describe('the headline’s worst week', () => {
  it('counts the seeds whose worst 7 days so far share a day with the ones on screen', () => {
    for (const view of [120, rush().day, settings.days]) {
      for (const role of ['static', 'dynamic'] as const) {
        const week = worstWeek(full[0], view, role);
        if (!week) throw new Error('no worst week');
        const expected = count(
          full.map((days) => {
            const w = worstWeek(days, view, role);
            return w !== null && w.fromDay <= week.toDay && w.toDay >= week.fromDay;
          }),
        );
        expect(worstWeekCount(runs, role, view, week)).toEqual({ holds: expected, of: 4 });
        // The seed on screen always agrees with itself.
        expect(worstWeekCount(runs.slice(0, 1), role, view, week)).toEqual({ holds: 1, of: 1 });
      }
    }
    // Before seven days have served, no seed can tell.
    expect(worstWeekCount(runs, 'static', 65, { fromDay: 63, toDay: 65 })).toBeNull();
  });
});

describe('the chapters’ claims', () => {
  it('calm: the seeds on which the chapter’s own sentence holds', () => {
    const day = rush().from - 1;
    const holds = count(
      full.map((days) => calmText({ settings, days: days.slice(0, day) })?.instead === null),
    );
    const run = { settings, days: full[0].slice(0, day) };
    expect(chapterSeedsSentence('calm', run, runs)).toBe(
      `On ${holds === 0 ? 'none' : holds} of 4 seeds the two run within 2 points before the rush.`,
    );
  });

  it('the way back: the seeds on which the dynamic model trails after the holiday', () => {
    const day = wayBackDay(settings);
    const trails = count(
      full.map((days) => wayBackText({ settings, days: days.slice(0, day) })?.instead === null),
    );
    const run = { settings, days: full[0].slice(0, day) };
    expect(chapterSeedsSentence('way-back', run, runs)).toBe(
      `On ${trails === 0 ? 'none' : trails} of 4 seeds the dynamic model trails after the holiday.`,
    );
  });

  it('the rush’s reveal: the static model’s drop and the dynamic model ahead, per seed', () => {
    const day = rush().day;
    const fell = count(
      full.map(
        (days) => (weekBeforeDrop(days.slice(0, day), settings, 'static')?.pointsLost ?? 0) >= 5,
      ),
    );
    const ahead = count(
      full.map(
        (days) =>
          (meanOver(days, 'dynamic', weekBefore(rush())) ?? 0) >
          (meanOver(days, 'static', weekBefore(rush())) ?? 1),
      ),
    );
    const words = (n: number) => (n === 0 ? 'none' : String(n));
    const run = { settings, days: full[0].slice(0, day) };
    expect(revealSeedsSentence('valentine', run, runs)).toBe(
      `On ${words(fell)} of 4 seeds the static model fell ${SHARP_DROP_POINTS} points or more that week; on ${words(ahead)} of 4, the dynamic one beat it.`,
    );
    // Before the guess the chapter's words say nothing of the seeds.
    expect(chapterSeedsSentence('valentine', run, runs)).toBeNull();
    // Nor before the days that answer it are on screen: no seed can tell.
    expect(
      revealSeedsSentence('valentine', { settings, days: full[0].slice(0, 150) }, runs),
    ).toBeNull();
  });

  it('counts only the seeds that can answer, and nothing without a result', () => {
    expect(countSeeds(runs, 280, () => null)).toBeNull();
    expect(countSeeds(runs, 280, (_, run) => (run.seed === 2 ? null : run.seed > 2))).toEqual({
      holds: 2,
      of: 3,
    });
    expect(chapterSeedsSentence('calm', { settings, days: full[0] }, null)).toBeNull();
    expect(chapterSeedsSentence('jobs', { settings, days: full[0] }, runs)).toBeNull();
  });
});

describe('which result is counted', () => {
  const result = () => ({ settings, runs });

  it('one run with the same settings, the seed aside', () => {
    expect(sameButSeed(settings, { ...settings, seed: 99 })).toBe(true);
    expect(runsFor(result(), { ...settings, seed: 7 })).toBe(runs);
  });

  it('never one for other settings', () => {
    expect(sameButSeed(settings, { ...settings, windowDays: settings.windowDays + 1 })).toBe(false);
    expect(runsFor(result(), { ...settings, cadence: 'weekly' })).toBeNull();
    expect(runsFor(result(), { ...settings, scenario: 'stable' })).toBeNull();
    expect(runsFor(null, settings)).toBeNull();
  });
});
