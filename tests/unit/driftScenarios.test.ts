/**
 * The drift monitor teaches the lesson's quiz: inputs are watched for both
 * models. An outage is caught on its first day and hurts both; seasons move
 * the static model's inputs month by month while the dynamic model's
 * reference moves along. (The stable world raises no input alarm: that claim
 * lives in lesson.test.ts, which shares its runs of the stable year.)
 *
 * Each run stops the day after the last date its claims read: a run's days do
 * not depend on its length (only its last day runs no job), so the days read
 * are exactly those of a whole year, for 38% (outage) and 59% (seasons) of
 * the computing.
 */
import { describe, expect, it } from 'vitest';
import type { DayResult, ModelRole } from '../../src/sim/contract';
import { COL } from '../../src/sim/world/features';
import { meanAccuracy, run } from './helpers';

const SEEDS = [1, 2, 3, 4, 5];
const on = (days: DayResult[], date: string) => days.find((d) => d.date === date)!;

describe('outage: a dark source is major drift on its first day, and both models suffer', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    // Through 15 Nov (day 138): the claims read up to 14 Nov.
    const { days } = await run({ scenario: 'outage', seed, days: 138 });
    const first = on(days, '2025-11-08');
    expect(first.darkFeatures).toEqual(['minutesOnSite']);
    const dayBefore = on(days, '2025-11-07');
    for (const role of ['static', 'dynamic'] as ModelRole[]) {
      expect(first.drift![role].day[COL.minutesOnSite].status).toBe('major');
      expect(dayBefore.drift![role].day[COL.minutesOnSite].status).toBe('stable');
      expect(
        first.drift!.alerts.some(
          (a) => a.model === role && a.feature === 'minutesOnSite' && a.status === 'major',
        ),
      ).toBe(true);
      const before = meanAccuracy(days, role, '2025-11-01', '2025-11-07');
      const during = meanAccuracy(days, role, '2025-11-08', '2025-11-14');
      expect(during).toBeLessThanOrEqual(before - 0.05);
    }
  });
});

describe('seasons: the static model’s inputs drift month by month, the dynamic one’s move along', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    // Through 1 Feb 2026 (day 216): the claims read up to 31 Jan.
    const { days, summary } = await run({ scenario: 'seasons', seed, days: 216 });
    const monthly = (role: ModelRole, month: string) => {
      const psi = days
        .filter((d) => d.date.startsWith(month) && d.drift)
        .map((d) => d.drift![role].window[COL.temperature].psi);
      return psi.reduce((a, b) => a + b, 0) / psi.length;
    };
    const months = ['2025-09', '2025-10', '2025-11', '2025-12'];
    const staticPsi = months.map((m) => monthly('static', m));
    // It grows until every serving row lies beyond the summer's range; PSI then
    // saturates (all rows in one bin, about 8.2).
    expect(staticPsi[1]).toBeGreaterThan(staticPsi[0]);
    expect(staticPsi[2]).toBeGreaterThan(staticPsi[1]);
    expect(staticPsi[3]).toBeGreaterThanOrEqual(staticPsi[2] - 0.01);
    expect(on(days, '2026-01-15').drift!.static.window[COL.temperature].status).toBe('major');
    for (const m of months) expect(monthly('dynamic', m)).toBeLessThan(staticPsi.at(-1)! / 4);
    expect(on(days, '2026-01-15').drift!.dynamic.window[COL.temperature].status).toBe('stable');

    const winterStatic = meanAccuracy(days, 'static', '2025-12-01', '2026-01-31');
    const winterDynamic = meanAccuracy(days, 'dynamic', '2025-12-01', '2026-01-31');
    expect(winterStatic).toBeLessThanOrEqual(summary.static.validationAccuracy - 0.05);
    expect(winterDynamic).toBeGreaterThanOrEqual(summary.dynamic.validationAccuracy - 0.03);
  });
});
