/**
 * The engine's monitoring equivalents: a reference assembled from binned days,
 * the range check that sees what a constant reference hides, calibrated
 * thresholds that still reach "major", and the calibration windows.
 */
import { describe, expect, it } from 'vitest';
import { classifyCalibrated, ksStatistic, psi } from '../../src/sim/eval/drift';
import { FeatureReference, mergeBinned } from '../../src/sim/eval/monitor';
import { windowCombos } from '../../src/sim/eval/monitoring';
import { stream } from '../../src/sim/rng';

const column = (n: number, draw: () => number) => Float32Array.from({ length: n }, draw);

describe('a reference assembled from binned days', () => {
  it('equals the grid itself when its counts are the grid’s own rows', () => {
    const rng = stream(5, 'visitors', 1);
    const ref = column(3000, () => rng.normal());
    const grid = FeatureReference.fromMatrix(ref, 1);
    const assembled = grid.withCounts(grid.bin(ref));
    const cur = column(500, () => 0.3 + rng.normal());
    const a = grid.measure(cur)[0];
    const b = assembled.measure(cur)[0];
    expect(b.psi).toBeCloseTo(a.psi, 12);
    expect(b.js).toBeCloseTo(a.js, 12);
    expect(a.psi).toBeCloseTo(psi(ref, cur), 12);
  });

  it('adds days up: two halves merged give the whole', () => {
    const rng = stream(6, 'visitors', 1);
    const ref = column(2000, () => rng.normal());
    const grid = FeatureReference.fromMatrix(ref, 1);
    const whole = grid.bin(ref);
    const merged = mergeBinned([grid.bin(ref.subarray(0, 700)), grid.bin(ref.subarray(700))]);
    expect(Array.from(merged.counts)).toEqual(Array.from(whole.counts));
    expect(merged.rows).toBe(2000);
  });
});

describe('values outside a constant reference', () => {
  it('count toward KS: 30 days to the holiday all summer, then 20', () => {
    const grid = FeatureReference.fromMatrix(new Float32Array(1000).fill(30), 1);
    const autumn = new Float32Array(300).fill(20);
    const reading = grid.measure(autumn)[0];
    expect(reading.psi).toBe(0); // one merged edge: both sit in the same bin
    expect(reading.ks).toBe(1);
    expect(ksStatistic(new Float32Array(1000).fill(30), autumn)).toBe(1);
  });
});

describe('calibrated thresholds', () => {
  const none = { psi: 0, ks: 0, js: 0 };

  it('use the usual thresholds when training days were calm', () => {
    expect(classifyCalibrated({ psi: 0.05, ks: 0.05, js: 0.05 }, none)).toBe('stable');
    expect(classifyCalibrated({ psi: 0.12, ks: 0.05, js: 0.05 }, none)).toBe('moderate');
    expect(classifyCalibrated({ psi: 0.3, ks: 0.05, js: 0.05 }, none)).toBe('major');
  });

  it('raise the bar to the training days’ own variation, and can still reach major', () => {
    const floor = { psi: 4, ks: 0.8, js: 0.5 };
    expect(classifyCalibrated({ psi: 3.9, ks: 0.7, js: 0.4 }, floor)).toBe('stable');
    expect(classifyCalibrated({ psi: 4.5, ks: 0.7, js: 0.4 }, floor)).toBe('moderate');
    // 2.5 x 4 = 10 is beyond PSI's ceiling (8.3); halfway to it is 6.1.
    expect(classifyCalibrated({ psi: 8.2, ks: 0.7, js: 0.4 }, floor)).toBe('major');
    expect(classifyCalibrated({ psi: 0, ks: 0.95, js: 0 }, floor)).toBe('major');
  });
});

describe('calibration windows', () => {
  it('combine the collection days in many ways, each window of the asked size', () => {
    const combos = windowCombos(62, 7);
    expect(combos).toHaveLength(7 * 62);
    expect(combos.every((c) => c.length === 7 && new Set(c).size === 7)).toBe(true);
    expect(combos[0]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(windowCombos(5, 7)).toEqual([[0, 1, 2, 3, 4]]);
  });
});
