/**
 * The band on the chart's rolling mean (src/sim/seeds.ts trailingMeans,
 * seedBand's window, seedBands): quantiles across the seeds of each seed's
 * own trailing mean, checked against a hand computation and against the
 * chart's own rolling mean; computed once per result and window.
 */
import { describe, expect, it } from 'vitest';
import { seedBand, seedBands, type SeedRun, trailingMeans } from '../../../src/sim/seeds';
import { defaultSettings } from '../../../src/sim/settings';
import { bandFor, manySeedsResult } from '../../../src/store/manySeedsSlice';
import { rollingMean } from '../../../src/ui/chart/chartData';

function run(seed: number, accuracy: number[]): SeedRun {
  const ledger = { trainingRuns: 1 } as SeedRun['digest']['static']['ledger'];
  return {
    seed,
    digest: {
      firstServingDay: 63,
      dates: [],
      static: { accuracy, ledger },
      dynamic: { accuracy: accuracy.map((a) => 1 - a), ledger },
      totalMs: 0,
    },
    summary: { valentineWeeks: [] },
  };
}

describe('trailingMeans', () => {
  it('averages the last `window` values, fewer at the start', () => {
    expect(trailingMeans([1, 2, 3, 4, 5], 3)).toEqual([1, 1.5, 2, 3, 4]);
    expect(trailingMeans([0.5, 0.7], 1)).toEqual([0.5, 0.7]);
    expect(trailingMeans([], 7)).toEqual([]);
  });

  it('is the chart’s rolling mean over an unbroken series, to the last bit', () => {
    const values = Array.from({ length: 60 }, (_, i) => 0.6 + 0.3 * Math.sin(i * 1.7) ** 2);
    for (const w of [1, 7, 28]) expect(trailingMeans(values, w)).toEqual(rollingMean(values, w));
  });
});

describe('seedBand on a rolling mean', () => {
  // Three seeds, four serving days; a window of 2 days.
  const runs = [
    run(1, [0.2, 0.4, 0.6, 0.8]),
    run(2, [0.4, 0.4, 0.4, 0.4]),
    run(3, [0.9, 0.1, 0.5, 0.3]),
  ];

  it('takes the quantiles across seeds of each seed’s own trailing mean', () => {
    // Per seed, 2-day means: seed 1 [0.2, 0.3, 0.5, 0.7]; seed 2 [0.4, 0.4, 0.4, 0.4];
    // seed 3 [0.9, 0.5, 0.3, 0.4]. Day 3 sorted: 0.3, 0.4, 0.5 -> median 0.4,
    // 10% at position 0.2: 0.3 + 0.2 * 0.1 = 0.32; 90% at 1.8: 0.4 + 0.8 * 0.1 = 0.48.
    const band = seedBand(runs, 'static', 2);
    expect(band.map((b) => b.day)).toEqual([63, 64, 65, 66]);
    expect(band[2].median).toBeCloseTo(0.4, 12);
    expect(band[2].low).toBeCloseTo(0.32, 12);
    expect(band[2].high).toBeCloseTo(0.48, 12);
    // Day 2 sorted: 0.3, 0.4, 0.5 as well; day 4: 0.4, 0.4, 0.7 -> median 0.4, 90% 0.4 + 0.8 * 0.3.
    expect(band[3].median).toBeCloseTo(0.4, 12);
    expect(band[3].high).toBeCloseTo(0.64, 12);
    // Not the rolling mean of the daily medians (0.4, 0.4, 0.5, 0.4): 0.45 on days 3 and 4.
    const daily = seedBand(runs, 'static');
    expect(daily.map((b) => b.median)).toEqual([0.4, 0.4, 0.5, 0.4]);
    expect(band[2].median).not.toBeCloseTo(0.45, 6);
    expect(band[3].median).not.toBeCloseTo(0.45, 6);
  });

  it('is the daily band with a window of 1, and is computed once per runs and window', () => {
    expect(seedBand(runs, 'dynamic', 1)).toEqual(seedBand(runs, 'dynamic'));
    const seven = seedBands(runs, 7);
    expect(seedBands(runs, 7)).toBe(seven);
    expect(seedBands(runs, 2)).not.toBe(seven);
    expect(seedBands(runs, 2).static).toEqual(seedBand(runs, 'static', 2));
    // Another list of the same runs is another result: its own bands.
    expect(seedBands([...runs], 7)).not.toBe(seven);
    expect(seedBands([...runs], 7)).toEqual(seven);
  });
});

describe('the band the chart draws (bandFor)', () => {
  const runs = [
    run(1, [0.2, 0.4, 0.6, 0.8]),
    run(2, [0.4, 0.4, 0.4, 0.4]),
    run(3, [0.9, 0.1, 0.5, 0.3]),
  ];
  const result = manySeedsResult(defaultSettings(), runs);

  it('is the band on the chart’s rolling mean, up to the day on screen like the lines', () => {
    expect(bandFor(result, 1)).toEqual(result.band);
    expect(bandFor(result, 2).static).toEqual(seedBand(runs, 'static', 2));
    expect(bandFor(result, 2, 64).dynamic).toEqual(seedBand(runs, 'dynamic', 2).slice(0, 2));
    expect(bandFor(result, 7, 62).static).toEqual([]);
    // Cut after the rolling mean: day 64's 2-day value still averages days 63 and 64.
    expect(bandFor(result, 2, 64).static[1]).toEqual(seedBand(runs, 'static', 2)[1]);
  });
});
