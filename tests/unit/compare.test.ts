/**
 * The strategy comparison: one small world run under every cadence, reduced to
 * five rows (static, daily, weekly, monthly, on alarm); and the pure helpers on
 * hand-built series.
 *
 * Owns: checks of src/sim/compare.ts. Must not touch: the engine's own
 * behaviour beyond what a comparison shows of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildComparison,
  compareStrategies,
  type RunDigest,
  worstWindowMean,
} from '../../src/sim/compare';
import {
  type ComparedCadence,
  type ModelSummary,
  STRATEGIES,
  type StrategyComparison,
} from '../../src/sim/contract';
import { settingsWith } from './helpers';

describe('compareStrategies on a small world', () => {
  const settings = settingsWith({ days: 100, visitorsPerDay: 100, cadence: 'weekly' });
  const progress: [number, number, string][] = [];
  let comparison: StrategyComparison;

  beforeAll(async () => {
    comparison = await compareStrategies(settings, {
      onProgress: (done, total, strategy) => progress.push([done, total, strategy]),
    });
  });

  it('gives five rows in order, with their labels', () => {
    expect(comparison.strategies.map((r) => r.strategy)).toEqual([...STRATEGIES]);
    expect(comparison.strategies.map((r) => r.label)).toEqual([
      'Static (trained once)',
      'Retrained daily',
      'Retrained weekly',
      'Retrained monthly',
      'Retrained on error alarm',
    ]);
    expect(comparison.settings).toEqual(settings);
  });

  it('reports progress once per run, in order', () => {
    expect(progress).toEqual([
      [1, 4, 'daily'],
      [2, 4, 'weekly'],
      [3, 4, 'monthly'],
      [4, 4, 'alarm'],
    ]);
  });

  it('aligns every series with the serving days', () => {
    expect(comparison.firstServingDay).toBe(63);
    expect(comparison.servingDays).toBe(100 - 62);
    for (const row of comparison.strategies) {
      expect(row.accuracy).toHaveLength(comparison.servingDays);
      for (const a of row.accuracy) expect(a).toBeGreaterThan(0.3);
    }
    // Both models start as version 1: identical on the first serving day.
    const [first] = comparison.strategies.map((r) => r.accuracy[0]);
    for (const row of comparison.strategies) expect(row.accuracy[0]).toBe(first);
  });

  it('counts one run for static and more the more often a model retrains', () => {
    const runs = Object.fromEntries(comparison.strategies.map((r) => [r.strategy, r.trainingRuns]));
    expect(runs.static).toBe(1);
    expect(runs.daily).toBeGreaterThan(runs.weekly ?? Infinity);
    expect(runs.weekly).toBeGreaterThan(runs.monthly ?? Infinity);
    const byName = Object.fromEntries(comparison.strategies.map((r) => [r.strategy, r]));
    expect(byName.daily?.examplesProcessed).toBeGreaterThan(byName.static?.examplesProcessed ?? 0);
    expect(byName.static?.releases).toBe(1);
  });

  it('puts the worst week at or below the mean, ending on a serving day', () => {
    for (const row of comparison.strategies) {
      const mean = row.accuracy.reduce((a, b) => a + b, 0) / row.accuracy.length;
      expect(row.meanAccuracy).toBeCloseTo(mean, 12);
      expect(row.worstWeekAccuracy).not.toBeNull();
      expect(row.worstWeekAccuracy ?? 1).toBeLessThanOrEqual(row.meanAccuracy ?? 0);
      expect(row.worstWeekEnd! >= '2025-09-07').toBe(true);
      expect(row.worstWeekEnd! <= '2025-10-08').toBe(true);
    }
  });

  it('is plain data that survives a structured clone', () => {
    expect(structuredClone(comparison)).toEqual(comparison);
  });
});

describe('worstWindowMean', () => {
  it('finds the lowest 7-value mean and the index it ends at', () => {
    // A V-shaped series: the lowest window is the one centred on its bottom.
    const values = Array.from({ length: 21 }, (_, i) => Math.abs(i - 10) / 10);
    const worst = worstWindowMean(values, 7);
    expect(worst?.end).toBe(13);
    expect(worst?.mean).toBeCloseTo(12 / 70, 12);
    expect(worstWindowMean(values, 1)).toEqual({ mean: 0, end: 10 });
  });

  it('keeps the earliest window on a tie', () => {
    expect(worstWindowMean([1, 1, 0, 1, 1, 1, 1, 1, 1, 0], 7)?.end).toBe(6);
  });

  it('gives null for a series shorter than the window', () => {
    expect(worstWindowMean([0.5, 0.6], 7)).toBeNull();
    expect(worstWindowMean([], 7)).toBeNull();
  });
});

describe('buildComparison', () => {
  const ledger = (trainingRuns: number): ModelSummary => ({
    validationAccuracy: 0.8,
    validationLogLoss: 0.4,
    validationRows: 100,
    meanAccuracy: 0.7,
    trainingRuns,
    examplesProcessed: trainingRuns * 1000,
    releases: trainingRuns,
    trainingMs: trainingRuns * 2,
    rejectedJobs: 0,
    failedJobs: 0,
  });
  const digest = (staticAccuracy: number[], runs: number): RunDigest => ({
    firstServingDay: 63,
    dates: ['2025-09-01', '2025-09-02', '2025-09-03'],
    static: { accuracy: staticAccuracy, ledger: ledger(1) },
    dynamic: { accuracy: [0.7, 0.75, 0.8], ledger: ledger(runs) },
    totalMs: 10,
  });
  const digests = (alarmStatic: number[]): Record<ComparedCadence, RunDigest> => ({
    daily: digest([0.7, 0.6, 0.5], 3),
    weekly: digest([0.7, 0.6, 0.5], 2),
    monthly: digest([0.7, 0.6, 0.5], 1),
    alarm: digest(alarmStatic, 2),
  });

  it('takes the static row from the first run and sums the timings', () => {
    const c = buildComparison(settingsWith({}), digests([0.7, 0.6, 0.5]));
    expect(c.strategies[0]).toMatchObject({
      strategy: 'static',
      accuracy: [0.7, 0.6, 0.5],
      trainingRuns: 1,
      worstWeekAccuracy: null,
      worstWeekEnd: null,
    });
    expect(c.strategies[0]?.meanAccuracy).toBeCloseTo(0.6, 12);
    expect(c.strategies.map((r) => r.trainingRuns)).toEqual([1, 3, 2, 1, 2]);
    expect(c.servingDays).toBe(3);
    expect(c.totalMs).toBe(40);
  });

  it('refuses runs whose static models differ (not the same world)', () => {
    expect(() => buildComparison(settingsWith({}), digests([0.7, 0.6, 0.51]))).toThrow(
      /static model of the alarm run differs/,
    );
  });
});
