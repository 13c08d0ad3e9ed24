/**
 * The story's rules on made-up accuracies, where the right answer is known by
 * construction: the dip and the recovery (3-day means against 5 points under
 * the 31 days before the rush), the lag after the holiday (7-day means wholly
 * after it, more than 1 point), and null while the days a rule needs are not
 * computed. The chapters' tests check the same rules against real runs.
 */
import { describe, expect, it } from 'vitest';
import type { DayResult } from '../../../src/sim/contract';
import { lagAfter, recovery, weekBeforeDrop } from '../../../src/sim/story/facts';
import { firstRush } from '../../../src/sim/story/rush';
import { costComparison, lastJobQuarantine } from '../../../src/sim/story/opsFacts';
import { settingsWith } from '../helpers';

const settings = settingsWith({});
const rush = firstRush(settings)!;

/** Serving days 1..n with accuracies from a function of the day (static, dynamic). */
function daysOf(n: number, acc: (day: number) => [number, number]): DayResult[] {
  return Array.from({ length: n }, (_, i) => {
    const [s, d] = acc(i + 1);
    return {
      day: i + 1,
      static: { accuracy: s, trainingRuns: 1, examplesProcessed: 10, jobs: [] },
      dynamic: { accuracy: d, trainingRuns: i + 1, examplesProcessed: 10 * (i + 1), jobs: [] },
    } as unknown as DayResult;
  });
}

describe('dip and recovery', () => {
  // Usual 0.80; the dynamic model falls to 0.60 on the rush's 3rd-5th days, then is back at 0.80.
  const dynamicDip = (day: number): number =>
    day >= rush.from + 2 && day <= rush.from + 4 ? 0.6 : 0.8;
  const days = daysOf(rush.day + 30, (day) => [
    day >= rush.from && day <= rush.day ? 0.55 : 0.8,
    dynamicDip(day),
  ]);

  it('dips on the first day whose 3-day mean is more than 5 points under, and is back when it is within 5', () => {
    const r = recovery(days, settings, 'dynamic')!;
    expect(r.usual).toBeCloseTo(0.8, 12);
    // 3-day means: (0.8+0.8+0.6)/3 = 0.733 < 0.75 on rush.from + 2.
    expect(r.dippedOn).toBe(rush.from + 2);
    // (0.6+0.8+0.8)/3 = 0.733 on rush.from + 6; (0.8*3)/3 on rush.from + 7.
    expect(r.backOn).toBe(rush.from + 7);
    expect(r.daysToRecover).toBe(5);
    expect(r.lowest).toBeCloseTo(0.6, 12);
  });

  it('the static model is not back before the 14th, and its week fell by 25 points', () => {
    expect(recovery(days, settings, 'static', rush.day)!.backOn).toBeNull();
    expect(weekBeforeDrop(days, settings, 'static')!.pointsLost).toBeCloseTo(25, 9);
  });

  it('is null until the 31 days before the rush are computed', () => {
    expect(recovery(days.slice(0, rush.from - 2), settings, 'dynamic')).toBeNull();
    expect(weekBeforeDrop(days.slice(0, rush.day - 2), settings, 'static')).toBeNull();
  });
});

describe('the lag after the holiday', () => {
  // After the 14th the dynamic model is 3 points under the static one for 10 days.
  const days = daysOf(rush.day + 40, (day) =>
    day > rush.day && day <= rush.day + 10 ? [0.8, 0.77] : [0.8, 0.8],
  );

  it('lags from the first 7-day window wholly after the holiday while the gap is above 1 point', () => {
    const lag = lagAfter(days, settings)!;
    expect(lag.firstRead).toBe(rush.day + 7);
    expect(lag.trails).toBe(true);
    expect(lag.maxPoints).toBeCloseTo(3, 9);
    // The window ending on rush.day + 10 holds 7 lagging days (3 points), + 11 holds 6
    // (2.57), + 13 holds 4 (1.71), + 14 holds 3 (1.29), + 15 holds 2 (0.86): not lagging.
    expect(lag.until).toBe(rush.day + 14);
  });

  it('does not lag when the first window is within 1 point, and is null before it is computed', () => {
    const flat = daysOf(rush.day + 40, () => [0.8, 0.795]);
    expect(lagAfter(flat, settings)).toMatchObject({ trails: false, maxPoints: 0 });
    expect(lagAfter(days.slice(0, rush.day + 6), settings)).toBeNull();
  });

  it('says "still trailing" (until null) when the last computed day still lags', () => {
    expect(lagAfter(days.slice(0, rush.day + 12), settings)!.until).toBeNull();
  });
});

describe('costs and jobs', () => {
  it('compares the serving days’ means and the last day’s ledgers', () => {
    const days = daysOf(10, (day) => [0.8, day % 2 ? 0.78 : 0.8]);
    const c = costComparison(days)!;
    expect(c.servingDays).toBe(10);
    expect(c.pointsApart).toBeCloseTo(1, 9);
    expect([c.staticRuns, c.dynamicRuns, c.examplesRatio]).toEqual([1, 10, 10]);
    expect(costComparison([])).toBeNull();
    expect(lastJobQuarantine(days, 10)).toBeNull();
  });
});
