/**
 * Quantiles against numpy's default (method "linear"): the fixture holds
 * samples and np.quantile's answers (scripts/quantiles-fixture.py writes it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { median, quantile, quantiles } from '../../../src/sim/eval/quantiles';

interface Case {
  values: number[];
  qs: number[];
  numpy: number[];
}

const cases = JSON.parse(
  readFileSync(new URL('../../fixtures/quantiles.numpy.json', import.meta.url), 'utf8'),
) as Case[];

describe('quantiles', () => {
  it('equal numpy’s on samples of 1 to 50 values', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      const ours = quantiles(c.values, c.qs);
      ours.forEach((q, i) => expect(q).toBeCloseTo(c.numpy[i], 12));
      expect(quantile(c.values, 0.5)).toBeCloseTo(c.numpy[c.qs.indexOf(0.5)], 12);
    }
  });

  it('interpolate between order statistics and leave the input alone', () => {
    const values = [4, 1, 3, 2];
    expect(median(values)).toBe(2.5);
    expect(quantile(values, 0.1)).toBeCloseTo(1.3, 12);
    expect(values).toEqual([4, 1, 3, 2]);
    expect(quantile([7], 0.9)).toBe(7);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
  });
});
