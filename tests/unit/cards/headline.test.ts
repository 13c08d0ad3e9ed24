/**
 * The model headline's numbers (src/ui/cards/headline.ts): the worst 7 days
 * so far, the serving version's own held-out check, the last 7 days against
 * it, and their wording, against a hand-built series and against the engine's
 * results for the default run (valentine, seed 1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayResult, ModelDay, RunOutput } from '../../../src/sim/contract';
import {
  checkText,
  dateRangeText,
  headline,
  pointsText,
  versionCheck,
  worstWeek,
} from '../../../src/ui/cards/headline';
import { meanAccuracy, run } from '../helpers';

/** Days 1..n, collecting for `collect` days, then serving with these accuracies (static role). */
function series(collect: number, accuracies: number[]): DayResult[] {
  const days: DayResult[] = [];
  const total = collect + accuracies.length;
  for (let day = 1; day <= total; day++) {
    const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
    const acc = day > collect ? accuracies[day - collect - 1] : null;
    const model =
      acc === null ? null : ({ accuracy: acc, servingVersion: 1, jobs: [] } as unknown as ModelDay);
    days.push({ day, date, static: model, dynamic: null, events: [] } as unknown as DayResult);
  }
  return days;
}

/** `n` days of the same accuracy. */
const same = (n: number, accuracy: number): number[] => new Array<number>(n).fill(accuracy);

describe('worst 7 days, on a hand-built series', () => {
  const acc = [0.9, 0.9, 0.9, 0.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8, 0.9, 0.9];

  it('is the lowest mean over 7 consecutive served days, with its first and last date', () => {
    const days = series(3, acc);
    const worst = worstWeek(days, days.length, 'static');
    // Served days 1..14 are days 4..17 (4-17 Jan); days 5..11 of serving are all 0.7.
    expect(worst?.accuracy).toBeCloseTo(0.7, 12);
    expect(worst).toMatchObject({ fromDay: 8, toDay: 14, from: '2026-01-08', to: '2026-01-14' });
  });

  it('ties go to the earliest week', () => {
    const days = series(0, same(20, 0.5));
    expect(worstWeek(days, 20, 'static')).toMatchObject({ fromDay: 1, toDay: 7 });
    const two = series(
      0,
      [0.9, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.9, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6],
    );
    expect(worstWeek(two, two.length, 'static')).toMatchObject({ fromDay: 2, toDay: 8 });
  });

  it('sees only the days up to the day on screen', () => {
    const days = series(0, [...same(10, 0.8), ...same(7, 0.2)]);
    expect(worstWeek(days, 10, 'static')?.accuracy).toBeCloseTo(0.8, 12);
    expect(worstWeek(days, 17, 'static')).toMatchObject({ fromDay: 11, toDay: 17 });
  });

  it('has no number with fewer than 7 served days', () => {
    const days = series(62, same(6, 0.8));
    expect(worstWeek(days, days.length, 'static')).toBeNull();
    expect(worstWeek(days, 62, 'static')).toBeNull();
    const h = headline(days, days.length, 'static', null);
    expect(h.worst).toBeNull();
    expect(h.servedDays).toBe(6);
    expect(h.recentDays).toBe(6);
  });

  it('a day without the model breaks the run of consecutive days', () => {
    const days = series(0, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
    days[6].static = null;
    // The six 0.1 days never make a week with the days after the gap.
    expect(worstWeek(days, days.length, 'static')).toBeNull();
  });
});

describe('wording', () => {
  it('differences in points, signed, with a real minus sign', () => {
    expect(pointsText(-0.0234)).toBe('−2.3 points');
    expect(pointsText(0.004)).toBe('+0.4 points');
    expect(pointsText(-0.0004)).toBe('0.0 points');
  });

  it('date ranges without repeating the month or the year', () => {
    expect(dateRangeText('2026-02-08', '2026-02-14')).toBe('8–14 Feb 2026');
    expect(dateRangeText('2026-01-28', '2026-02-03')).toBe('28 Jan – 3 Feb 2026');
    expect(dateRangeText('2025-12-29', '2026-01-04')).toBe('29 Dec 2025 – 4 Jan 2026');
    expect(dateRangeText('2026-02-11', '2026-02-11')).toBe('11 Feb 2026');
  });
});

describe('against the engine: the default run', () => {
  let out: RunOutput;
  beforeAll(async () => {
    out = await run({});
  });
  /** The day number of an ISO date in this run. */
  const dayOf = (date: string) => out.days.find((d) => d.date === date)!.day;

  it('the static model’s worst 7 days so far are the week before Valentine’s Day, and stay so', () => {
    const { days } = out;
    const feb20 = dayOf('2026-02-20');
    const worst = worstWeek(days, feb20, 'static')!;
    expect(worst.accuracy).toBeCloseTo(meanAccuracy(days, 'static', worst.from, worst.to), 12);
    expect(worst.from >= '2026-02-01' && worst.to <= '2026-02-15').toBe(true);
    // Every other week up to 20 February is no worse (brute force over all windows).
    const served = days.slice(0, feb20).filter((d) => d.static);
    for (let i = 0; i + 7 <= served.length; i++) {
      const week = served.slice(i, i + 7);
      const m = week.reduce((a, d) => a + d.static!.accuracy, 0) / 7;
      expect(m).toBeGreaterThanOrEqual(worst.accuracy - 1e-12);
    }
    // In June the card still says what happened in February.
    expect(worstWeek(days, dayOf('2026-06-15'), 'static')).toEqual(worst);
    // The dynamic model's worst week is not as bad.
    expect(worstWeek(days, feb20, 'dynamic')!.accuracy).toBeGreaterThan(worst.accuracy + 0.05);
  });

  it('the static model’s check is version 1’s, on the collection period', () => {
    const check = versionCheck(out.days, dayOf('2026-02-20'), 'static', out.summary)!;
    expect(check).toEqual({
      version: 1,
      accuracy: out.summary.static.validationAccuracy,
      rows: out.summary.static.validationRows,
      from: '2025-07-01',
      to: '2025-08-31',
      kind: 'collection',
    });
    expect(checkText(check)).toMatch(
      /^on [\d,]+ held-out visits of 1 Jul – 31 Aug 2025 \(v1’s own check\)$/,
    );
  });

  it('the dynamic model’s check is the serving version’s own, not version 1’s', () => {
    const view = dayOf('2026-02-15');
    const today = out.days[view - 1].dynamic!;
    expect(today.servingVersion).toBeGreaterThan(1);
    const job = out.days
      .flatMap((d) => d.dynamic?.jobs ?? [])
      .find((j) => j.version === today.servingVersion)!;
    expect(job.promoted).toBe(true);
    const check = versionCheck(out.days, view, 'dynamic', out.summary)!;
    expect(check).toEqual({
      version: today.servingVersion,
      accuracy: job.validation!.candidate.accuracy,
      rows: job.validation!.rows,
      from: job.validation!.from,
      to: job.validation!.to,
      kind: 'recent',
    });
    expect(check.accuracy).not.toBe(out.summary.dynamic.validationAccuracy);
    expect(checkText(check)).toMatch(
      new RegExp(
        `held-out visits of \\d+ \\w+ 2026, the latest labelled day \\(v${today.servingVersion}’s own check\\)$`,
      ),
    );

    const h = headline(out.days, view, 'dynamic', out.summary);
    const last7 = meanAccuracy(out.days.slice(view - 7, view), 'dynamic');
    expect(h.recentAccuracy).toBeCloseTo(last7, 12);
    expect(h.gap).toBeCloseTo(last7 - check.accuracy, 12);
    expect(h.servingVersion).toBe(today.servingVersion);
  });

  it('before serving: nothing yet; on the training day, version 1 and its check', () => {
    const before = headline(out.days, 61, 'dynamic', out.summary);
    expect(before).toMatchObject({ servingVersion: null, servedDays: 0, check: null, worst: null });
    const trainingDay = headline(out.days, 62, 'dynamic', out.summary);
    expect(trainingDay.servingVersion).toBe(1);
    expect(trainingDay.servedDays).toBe(0);
    expect(trainingDay.recentAccuracy).toBeNull();
    expect(trainingDay.check?.accuracy).toBe(out.summary.dynamic.validationAccuracy);
  });
});
