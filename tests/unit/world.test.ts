/** The simulated world: seeded draws, seasons, holidays, and the scenarios' faults. */
import { describe, expect, it } from 'vitest';
import { createRng, stream } from '../../src/sim/rng';
import { COL, FEATURE_COUNT } from '../../src/sim/world/features';
import { SCENARIOS } from '../../src/sim/world/scenarios';
import { dayContext, holidayIntensity } from '../../src/sim/world/truth';
import { generateDay } from '../../src/sim/world/visitors';
import { run } from './helpers';

const day = (date: string, scenario = SCENARIOS.valentine, n = 2000, dayNumber = 1) =>
  generateDay(1, scenario, dayNumber, dayContext(date, scenario), n);

const columnMean = (features: Float32Array, col: number) => {
  let s = 0;
  const n = features.length / FEATURE_COUNT;
  for (let i = 0; i < n; i++) s += features[i * FEATURE_COUNT + col];
  return s / n;
};

describe('seeded randomness', () => {
  it('repeats exactly for a seed and differs between streams', () => {
    const a = createRng(42);
    const b = createRng(42);
    const drawsA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(drawsA);
    expect(stream(42, 'visitors', 3).next()).not.toBe(stream(42, 'labels', 3).next());
    expect(stream(42, 'visitors', 3).next()).not.toBe(stream(42, 'visitors', 4).next());
  });

  it('draws uniform, normal and Poisson values with the right means', () => {
    const rng = createRng(7);
    const n = 20_000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      u += rng.next();
      const x = rng.normal();
      z += x;
      z2 += x * x;
      k += rng.poisson(1.5);
    }
    expect(u / n).toBeCloseTo(0.5, 1);
    expect(z / n).toBeCloseTo(0, 1);
    expect(z2 / n).toBeCloseTo(1, 1);
    expect(k / n).toBeCloseTo(1.5, 1);
  });
});

describe('the base world', () => {
  it('is warm in summer and cold in winter, with more phones in winter', () => {
    const summer = day('2025-07-20');
    const winter = day('2026-01-18');
    expect(columnMean(summer.features, COL.temperature)).toBeGreaterThan(18);
    expect(columnMean(winter.features, COL.temperature)).toBeLessThan(10);
    expect(columnMean(winter.features, COL.mobile)).toBeGreaterThan(
      columnMean(summer.features, COL.mobile),
    );
  });

  it('keeps days-to-holiday constant in July and August (capped at 30)', () => {
    for (const date of ['2025-07-01', '2025-08-15', '2025-08-31']) {
      expect(dayContext(date, SCENARIOS.valentine).daysToHoliday).toBe(30);
    }
    expect(dayContext('2026-02-07', SCENARIOS.valentine).daysToHoliday).toBe(7);
  });

  it('ramps the holiday effect over two weeks, full for the last ten days', () => {
    expect(holidayIntensity(15)).toBe(0);
    expect(holidayIntensity(12)).toBeCloseTo(0.5, 12);
    expect(holidayIntensity(7)).toBe(1);
    expect(holidayIntensity(0)).toBe(1);
    expect(holidayIntensity(-1)).toBe(0);
  });

  it("sends partnered visitors' buy rate near 90% in the week before Valentine's Day", () => {
    const rate = (date: string, partner: number) => {
      const d = day(date, SCENARIOS.valentine, 5000);
      let bought = 0;
      let count = 0;
      for (let i = 0; i < d.n; i++) {
        if (d.features[i * FEATURE_COUNT + COL.hasPartner] !== partner) continue;
        count++;
        bought += d.labels[i];
      }
      return bought / count;
    };
    expect(rate('2026-02-10', 1)).toBeGreaterThan(0.85);
    expect(rate('2026-02-10', 0)).toBeLessThan(rate('2025-10-10', 0) + 0.02);
    expect(rate('2025-10-10', 1)).toBeLessThan(0.6);
  });

  it('has a normal buy rate near 35% and keeps each visitor’s true probability', () => {
    const d = day('2025-10-08');
    const rate = d.labels.reduce((a, b) => a + b, 0) / d.n;
    expect(rate).toBeGreaterThan(0.28);
    expect(rate).toBeLessThan(0.42);
    expect(d.trueProb).toHaveLength(d.n);
    expect(d.trueProb.every((p) => p > 0 && p < 1)).toBe(true);
  });
});

describe('scenarios', () => {
  it('stable: every day is drawn from the same distribution, with no holidays', () => {
    const july = dayContext('2025-07-20', SCENARIOS.stable);
    const feb = dayContext('2026-02-10', SCENARIOS.stable);
    for (const key of ['seasonalTemp', 'mobileShare', 'minutesFactor', 'daysToHoliday'] as const) {
      expect(feb[key]).toBe(july[key]);
    }
    expect(feb.valentine + feb.christmas + feb.mothersDay).toBe(0);
    const base = dayContext('2026-02-10', SCENARIOS.valentine);
    expect(base.seasonalTemp).not.toBe(dayContext('2025-07-20', SCENARIOS.valentine).seasonalTemp);
  });

  it('outage: minutes on site arrive as a constant on the dark days only', async () => {
    const { days } = await run({ scenario: 'outage', days: 140, visitorsPerDay: 100 });
    const dark = days.filter((d) => d.darkFeatures.length > 0);
    expect(dark.map((d) => d.day)).toEqual([131, 132, 133, 134, 135, 136, 137]);
    expect(dark.every((d) => d.darkFeatures[0] === 'minutesOnSite')).toBe(true);
    const before = days.slice(120, 130);
    const meanStatic = (ds: typeof days) =>
      ds.reduce((s, d) => s + (d.static?.accuracy ?? 0), 0) / ds.length;
    expect(meanStatic(dark)).toBeLessThan(meanStatic(before) - 0.05);
  });

  it('buggy-job: the jobs of the bug week train on flipped labels and, with no gate, hurt the dynamic model', async () => {
    const { days } = await run({
      scenario: 'buggy-job',
      days: 160,
      visitorsPerDay: 200,
      validationGate: false,
    });
    const corrupted = days.flatMap((d) => d.events.filter((e) => e.corruptedLabels));
    expect(corrupted.map((e) => e.model)).toEqual(Array(7).fill('dynamic'));
    const week = days.slice(152, 158);
    const staticWeek = week.reduce((s, d) => s + (d.static?.accuracy ?? 0), 0) / week.length;
    const dynamicWeek = week.reduce((s, d) => s + (d.dynamic?.accuracy ?? 0), 0) / week.length;
    expect(dynamicWeek).toBeLessThan(staticWeek - 0.2);
  });

  it('seasons: the summer model goes stale in winter', async () => {
    // Through 1 Mar 2026 (day 244): the claim reads January and February. A
    // run's days do not depend on its length (only its last day runs no job).
    const { summary, days } = await run({ scenario: 'seasons', visitorsPerDay: 300, days: 244 });
    const winter = days.filter((d) => d.date >= '2026-01-01' && d.date <= '2026-02-28');
    const mean = (m: 'static' | 'dynamic') =>
      winter.reduce((s, d) => s + (d[m]?.accuracy ?? 0), 0) / winter.length;
    expect(mean('static')).toBeLessThan(summary.static.validationAccuracy - 0.1);
    expect(mean('dynamic')).toBeGreaterThan(mean('static') + 0.1);
  });
});
