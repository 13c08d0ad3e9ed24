import { describe, expect, it } from 'vitest';
import { accuracy, auc, baselineAccuracy, logLoss, mean } from '../../src/sim/eval/metrics';

describe('metrics on hand-computed fixtures', () => {
  it('accuracy uses the 0.5 threshold inclusively', () => {
    expect(accuracy([0.5, 0.49, 0.9, 0.1], [1, 0, 0, 0])).toBeCloseTo(0.75, 12);
  });

  it('log loss matches the textbook value and clips certain mistakes', () => {
    const expected = -(Math.log(0.8) + Math.log(0.6) + Math.log(0.9)) / 3;
    expect(logLoss([0.8, 0.4, 0.1], [1, 0, 0])).toBeCloseTo(expected, 12);
    const clipped = logLoss([0, 1], [1, 0]);
    expect(Number.isFinite(clipped)).toBe(true);
    expect(clipped).toBeCloseTo(-Math.log(1e-7), 6);
  });

  it('AUC counts every positive-negative pair, ties as one half', () => {
    // positives score 0.8, 0.4, 0.4; negatives 0.4, 0.2.
    // pairs: (0.8>0.4) 1, (0.8>0.2) 1, (0.4=0.4) .5, (0.4>0.2) 1, (0.4=0.4) .5, (0.4>0.2) 1 -> 5 / 6
    expect(auc([0.8, 0.4, 0.4, 0.4, 0.2], [1, 1, 1, 0, 0])).toBeCloseTo(5 / 6, 12);
    expect(auc([0.1, 0.2, 0.3], [0, 0, 1])).toBe(1);
    expect(auc([0.3, 0.2, 0.1], [0, 0, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
  });

  it('AUC is null when a day has one class', () => {
    expect(auc([0.1, 0.9], [1, 1])).toBeNull();
    expect(auc([0.1, 0.9], [0, 0])).toBeNull();
  });

  it('the baseline is the best constant prediction', () => {
    expect(baselineAccuracy([1, 0, 0, 0])).toBe(0.75);
    expect(baselineAccuracy([1, 1, 1, 0])).toBe(0.75);
    expect(mean([0.2, 0.4])).toBeCloseTo(0.3, 12);
  });
});
