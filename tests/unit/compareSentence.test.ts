/**
 * The sentence under the strategy comparison (src/ui/compare/compareSentence.ts),
 * against real comparisons: on the default world the means lie within about a
 * point while the worst weeks lie over ten apart, and the sentence points at
 * that column; on the stable world they differ little and the cheapest is
 * named. The numbers are recomputed here from the rows, as the table shows them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareStrategies } from '../../src/sim/compare';
import type { StrategyComparison, StrategyRow } from '../../src/sim/contract';
import { compareSentence, progressText } from '../../src/ui/compare/compareSentence';
import { settingsWith } from './helpers';

/** As the table shows it: a tenth of a point. */
const shown = (v: number | null) => Number(((v ?? NaN) * 100).toFixed(1));

function spread(rows: StrategyRow[], key: 'meanAccuracy' | 'worstWeekAccuracy') {
  const values = rows.map((r) => shown(r[key]));
  const hi = rows[values.indexOf(Math.max(...values))];
  const lo = rows[values.indexOf(Math.min(...values))];
  return { hi, lo, points: Math.round((shown(hi[key]) - shown(lo[key])) * 10) / 10 };
}

describe('the comparison’s sentence', () => {
  let valentine: StrategyComparison;
  let stable: StrategyComparison;
  beforeAll(async () => {
    valentine = await compareStrategies(settingsWith({}));
    stable = await compareStrategies(settingsWith({ scenario: 'stable' }));
  }, 300_000);

  it('default world: means close, worst weeks far apart, and it points at the worst-week column', () => {
    const sentence = compareSentence(valentine)!;
    const mean = spread(valentine.strategies, 'meanAccuracy');
    const worst = spread(valentine.strategies, 'worstWeekAccuracy');
    expect(mean.points).toBeLessThan(1.5);
    expect(worst.points).toBeGreaterThan(10);
    expect(sentence).toContain(`Over the ${valentine.servingDays} serving days`);
    expect(sentence).toContain(`within ${mean.points.toFixed(1)} points of each other`);
    expect(sentence).toContain(`${shown(mean.hi.meanAccuracy).toFixed(1)}%`);
    expect(sentence).toContain(`${shown(mean.lo.meanAccuracy).toFixed(1)}%`);
    expect(sentence).toContain(`worst 7 days lie ${worst.points.toFixed(1)} points apart`);
    expect(sentence).toContain(
      `${worst.hi.label.toLowerCase()}: ${shown(worst.hi.worstWeekAccuracy).toFixed(1)}%`,
    );
    expect(sentence).toContain(`${shown(worst.lo.worstWeekAccuracy).toFixed(1)}%`);
    expect(sentence).toContain('the “Worst 7 days” column is where the strategies differ');
    // The worst week of the worst strategy falls in Valentine's rush.
    expect(worst.lo.worstWeekEnd).toMatch(/^2026-02-/);
    expect(sentence).toContain('Feb 2026');
  });

  it('stable world: they differ little, and the cheapest (one training run) is named', () => {
    const sentence = compareSentence(stable)!;
    const mean = spread(stable.strategies, 'meanAccuracy');
    const worst = spread(stable.strategies, 'worstWeekAccuracy');
    expect(mean.points).toBeLessThan(2);
    expect(worst.points).toBeLessThan(2);
    expect(sentence).toContain('the strategies differ little');
    expect(sentence).toContain(
      mean.points === 0
        ? `the means are all ${shown(mean.hi.meanAccuracy).toFixed(1)}%`
        : `within ${mean.points.toFixed(1)} points`,
    );
    expect(sentence).toContain(`within ${worst.points.toFixed(1)} points (`);
    expect(stable.strategies[0].trainingRuns).toBe(1);
    expect(sentence).toContain('the static model, with one training run');
  });

  it('says nothing with fewer than two strategies that served a week', () => {
    const none = {
      ...valentine,
      strategies: valentine.strategies.map((r) => ({ ...r, worstWeekAccuracy: null })),
    };
    expect(compareSentence(none)).toBeNull();
  });

  it('progress states the share of all the runs’ work, not a run number', () => {
    expect(progressText({ done: 0, total: 4 })).toBe('Simulating 4 runs: 0% done…');
    expect(progressText({ done: 2.6, total: 4 })).toBe('Simulating 4 runs: 65% done…');
    expect(progressText({ done: 3.999, total: 4 })).toBe('Simulating 4 runs: 99% done…');
    expect(progressText({ done: 4, total: 4 })).toBe('Finishing…');
  });
});
