/**
 * The drift panel's words, checked against the engine's own results (the
 * default run to 10 Feb 2026, day 225, where issue 13 saw them go wrong):
 * the histogram caption says the bins' real range (never "≤ 30.0 to > 30.0"),
 * the headline is the worst row's status and never milder than a row, and
 * every feature has one display name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayResult, DriftStatus } from '../../src/sim/contract';
import { FEATURES } from '../../src/sim/world/features';
import { barsCanHideChange, binLabel, binRange, edgeText } from '../../src/ui/drift/binText';
import { featureLabel, histogramEdges, worstReading } from '../../src/ui/drift/driftData';
import { run } from './helpers';

const RANK: Record<DriftStatus, number> = { stable: 0, moderate: 1, major: 2 };
const col = (id: string) => FEATURES.findIndex((f) => f.id === id);

let days: DayResult[];
beforeAll(async () => {
  // A run's days do not depend on its length: day 225 is the default year's day 225.
  ({ days } = await run({ days: 226 }));
}, 60_000);

describe('the histogram caption: the bins the engine cut', () => {
  it('writes edges as a person reads them', () => {
    expect(edgeText(30)).toBe('30');
    expect(edgeText(18.700000762939453)).toBe('18.7');
    expect(edgeText(2.0999999046325684)).toBe('2.1');
    expect(edgeText(-0.04)).toBe('0');
    expect(edgeText(120.4)).toBe('120');
  });

  it('names one cut, two cuts and deciles differently, with the unit', () => {
    expect(binRange([30], 'days (capped at 30)')).toBe('2 bins, split at 30 days');
    expect(binRange([0, 1], 'yes/no')).toBe('3 bins, cut at 0 and 1');
    expect(binRange([0, 10, 20], '%')).toBe(
      '4 bins, cut at the training data’s deciles from 0 to 20%',
    );
    expect(binRange([], 'years')).toBe('one bin: every training value was the same');
    expect(binLabel([30], 0)).toBe('≤ 30');
    expect(binLabel([30], 1)).toBe('> 30');
    expect(binLabel([1, 2.5], 1)).toBe('1–2.5');
  });

  it('on the engine’s edges: as many bins as it cut, from its first cut to its last', () => {
    const edges = histogramEdges(days)!;
    expect(edges).toHaveLength(FEATURES.length);
    FEATURES.forEach((f, j) => {
      const e = edges[j];
      const text = binRange(e, f.unit);
      expect(text).toMatch(new RegExp(`^${e.length + 1} bins|^one bin`));
      if (e.length > 0) {
        expect(text).toContain(edgeText(e[0]));
        expect(text).toContain(edgeText(e[e.length - 1]));
        // The first and the last bin's labels are the real ends of the range.
        expect(binLabel(e, 0)).toBe(`≤ ${edgeText(e[0])}`);
        expect(binLabel(e, e.length)).toBe(`> ${edgeText(e[e.length - 1])}`);
      }
    });
    // Days to the next gift holiday: July and August are all 30 (the cap), one cut.
    expect(edges[col('daysToHoliday')]).toEqual([30]);
    expect(binRange(edges[col('daysToHoliday')], FEATURES[col('daysToHoliday')].unit)).toBe(
      '2 bins, split at 30 days',
    );
    expect(binRange(edges[col('temperature')], FEATURES[col('temperature')].unit)).toBe(
      '10 bins, cut at the training data’s deciles from 18.7 to 26.9 °C',
    );
  });

  it('warns that the bars can hide a change exactly when one bin holds almost all training rows', () => {
    const d = days.find((x) => x.drift?.static.referenceShares)!.drift!;
    const shares = d.static.referenceShares!;
    expect(barsCanHideChange(shares[col('daysToHoliday')])).toBe(true);
    expect(barsCanHideChange(shares[col('temperature')])).toBe(false);
    expect(barsCanHideChange(shares[col('age')])).toBe(false);
  });
});

describe('the headline: the worst row on screen', () => {
  it('is the worst status of the readings and counts the rows that drifted, every serving day', () => {
    let checked = 0;
    for (const d of days) {
      if (!d.drift) continue;
      for (const role of ['static', 'dynamic'] as const) {
        for (const readings of [d.drift[role].day, d.drift[role].window]) {
          const { status, drifted } = worstReading(readings);
          const worst = Math.max(...readings.map((r) => RANK[r.status]));
          expect(RANK[status]).toBe(worst);
          expect(drifted).toBe(readings.filter((r) => r.status !== 'stable').length);
          checked++;
        }
      }
    }
    expect(checked).toBe(4 * (225 - 62 + 1));
  });

  it('on day 225 the static model reads major today, where the share rule said moderate', () => {
    const m = days[224].drift!.static;
    expect(m.dayVerdict.status).toBe('moderate'); // the engine's share of features (CLI JSON)
    expect(m.day[col('daysToHoliday')].status).toBe('major');
    expect(worstReading(m.day)).toEqual({ status: 'major', drifted: 2 });
    // Outside temperature: the same numbers today and over 7 days, two statuses (two rules).
    const today = m.day[col('temperature')];
    const week = m.window[col('temperature')];
    expect(today.psi.toFixed(2)).toBe(week.psi.toFixed(2));
    expect([today.status, week.status]).toEqual(['stable', 'major']);
  });
});

describe('one display name per feature', () => {
  it('maps every id to its label', () => {
    for (const f of FEATURES) expect(featureLabel(f.id)).toBe(f.label);
    expect(featureLabel('minutesOnSite')).toBe('Minutes on site');
    expect(featureLabel('somethingNew')).toBe('somethingNew');
  });
});
