/**
 * The drift monitor's running sums (src/sim/eval/binnedSum.ts) and the
 * calibration windows' order: a sum moved day by day equals mergeBinned of
 * the same days, whatever came before, and the chained order visits every
 * calibration window exactly once.
 */
import { describe, expect, it } from 'vitest';
import { BinnedSum } from '../../src/sim/eval/binnedSum';
import { FeatureReference, mergeBinned } from '../../src/sim/eval/monitor';
import { chainedCombos, windowCombos } from '../../src/sim/eval/monitoring';
import { stream } from '../../src/sim/rng';

const FEATURES = 3;

function days(count: number) {
  const rng = stream(9, 'visitors', 1);
  const rows = (n: number, shift: number) =>
    Float32Array.from({ length: n * FEATURES }, (_, i) => rng.normal() + (i % FEATURES) * shift);
  const grid = FeatureReference.fromMatrix(rows(3000, 0.5), FEATURES);
  return Array.from({ length: count }, (_, d) => grid.bin(rows(200 + ((d * 37) % 90), d / 40)));
}

describe('a running sum of binned days', () => {
  it('equals mergeBinned of the same days after every move: slide, jump, gap, shrink', () => {
    const binned = days(40);
    const sum = new BinnedSum();
    const sets = [
      ...Array.from({ length: 12 }, (_, s) => Array.from({ length: 7 }, (_, k) => s + k)),
      [30, 31, 32, 33, 34, 35, 36],
      [31, 32, 34, 35, 36, 37],
      [35, 36],
      [0, 5, 10, 15, 20, 25, 30, 35],
      [5, 10, 15, 20, 25, 30, 35, 39],
    ];
    for (const set of sets) {
      const got = sum.of(set.map((d) => [d, binned[d]] as const));
      const want = mergeBinned(set.map((d) => binned[d]));
      expect(got.rows).toBe(want.rows);
      expect(got.stride).toBe(want.stride);
      expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
      expect(Array.from(got.outside)).toEqual(Array.from(want.outside));
    }
  });

  it('hands out a copy: a later move does not change an earlier sum', () => {
    const binned = days(10);
    const sum = new BinnedSum();
    const first = sum.of([0, 1, 2].map((d) => [d, binned[d]] as const));
    const before = Array.from(first.counts);
    sum.of([1, 2, 3].map((d) => [d, binned[d]] as const));
    expect(Array.from(first.counts)).toEqual(before);
  });
});

describe('the calibration windows in chained order', () => {
  it('are windowCombos, each once, and each shares all but one day with the one before it within a stride', () => {
    for (const [n, size] of [
      [63, 7],
      [62, 7],
      [5, 7],
      [60, 14],
    ]) {
      const chained = chainedCombos(n, size);
      const plain = windowCombos(n, size);
      const key = (c: number[]) => c.join(',');
      expect(chained.map(key).sort()).toEqual(plain.map(key).sort());
      if (size > n) continue;
      let overlapping = 0;
      for (let i = 1; i < chained.length; i++) {
        const shared = chained[i].filter((d) => chained[i - 1].includes(d)).length;
        if (shared >= size - 1) overlapping++;
      }
      // Only the first window of each cycle of each stride starts afresh.
      expect(overlapping).toBeGreaterThan(chained.length * 0.8);
    }
  });
});
