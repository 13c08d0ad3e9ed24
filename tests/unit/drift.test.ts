/**
 * Drift statistics (src/sim/eval/drift.ts): hand-computed cases, numpy/scipy
 * agreement on tests/fixtures/drift (scripts/fixtures/drift_reference.py), the
 * thresholds' reading, and no false alarm on same-distribution days.
 */
import { describe, expect, it } from 'vitest';
import {
  KS_MODERATE,
  PSI_MODERATE,
  classifyFeature,
  countBins,
  datasetVerdict,
  jensenShannon,
  ksStatistic,
  noiseFloors,
  psi,
  quantileEdges,
  quantileSorted,
  sortedCopy,
} from '../../src/sim/eval/drift';
import { FeatureReference, mergeBinned } from '../../src/sim/eval/monitor';
import { createRng } from '../../src/sim/rng';
import histograms from '../fixtures/drift/histograms.json';
import samples from '../fixtures/drift/samples.json';

/** |actual - expected| <= tol * max(1, |expected|). */
function expectNear(actual: number, expected: number, tol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

const term = (c: number, r: number): number => (c - r) * Math.log(c / r);

describe('psi on hand-computed cases', () => {
  it('splits at the reference median with two bins', () => {
    const reference = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]; // median 5.5
    const current = [1, 2, 3, 4, 5, 6, 7, 8]; // 5 of 8 at or below 5.5
    expect(psi(reference, current, 2)).toBeCloseTo(term(5 / 8, 0.5) + term(3 / 8, 0.5), 15);
  });

  it('puts a value equal to an edge in the bin below it', () => {
    // edge 2.5 between 2 and 3 of [1, 2, 3, 4]; the edge value itself counts below.
    expect(psi([1, 2, 3, 4], [2.5, 2.5, 3, 4], 2)).toBe(0);
  });

  it('replaces an empty share by 0.0001 without renormalising', () => {
    const expected = term(1, 0.5) + term(0.0001, 0.5);
    expect(psi([1, 2, 3, 4], [1, 1], 2)).toBeCloseTo(expected, 14);
  });

  it('merges duplicate quantile edges', () => {
    // quantiles 1/4, 2/4, 3/4 of [0, 0, 0, 0, 1] are all 0: bins (-inf, 0], (0, +inf).
    expect(quantileEdges(sortedCopy([0, 0, 0, 0, 1]), 4)).toEqual(new Float64Array([0]));
    const expected = term(0.5, 0.8) + term(0.5, 0.2);
    expect(psi([0, 0, 0, 0, 1], [0, 1, 0, 1], 4)).toBeCloseTo(expected, 14);
  });

  it('is zero for identical samples and NaN for an empty one', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    expect(psi(x, x)).toBe(0);
    expect(psi([], x)).toBeNaN();
    expect(psi(x, [])).toBeNaN();
  });

  it('interpolates quantiles like numpy (linear, nearer end)', () => {
    const sorted = [1, 2, 4, 8];
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(8);
    expect(quantileSorted(sorted, 0.5)).toBe(3); // position 1.5
    expect(quantileSorted(sorted, 0.9)).toBeCloseTo(8 - 4 * 0.3, 14); // position 2.7
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it('accepts typed arrays and leaves its inputs untouched', () => {
    const reference = new Float32Array([5, 3, 1, 4, 2]);
    const current = new Uint8Array([1, 1, 5]);
    const before = Array.from(reference);
    expect(psi(reference, current, 2)).toBe(psi(Array.from(reference), [1, 1, 5], 2));
    expect(Array.from(reference)).toEqual(before);
  });
});

describe('ksStatistic on hand-computed cases', () => {
  it('is the largest CDF gap', () => {
    expect(ksStatistic([1, 2, 3], [2, 3, 4])).toBeCloseTo(1 / 3, 15);
    expect(ksStatistic([1, 2, 3], [10, 11])).toBe(1);
    expect(ksStatistic([4, 4, 2], [2, 4, 4])).toBe(0);
  });

  it('moves tied values together across both samples', () => {
    // at 1: 2/3 vs 1/3; at 2: 1 vs 1.
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 15);
    // one value shared by all: no gap at all.
    expect(ksStatistic([7, 7], [7, 7, 7])).toBe(0);
  });

  it('is symmetric, NaN on an empty sample, and does not sort its inputs in place', () => {
    const a = new Float64Array([3, 1, 2]);
    expect(ksStatistic(a, [2.5, 0])).toBe(ksStatistic([2.5, 0], a));
    expect(Array.from(a)).toEqual([3, 1, 2]);
    expect(ksStatistic([], [1])).toBeNaN();
  });
});

describe('jensenShannon on hand-computed cases', () => {
  it('is sqrt(ln 2) for disjoint histograms and 0 for proportional ones', () => {
    expect(jensenShannon([1, 0], [0, 3])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(jensenShannon([2, 4, 6], [1, 2, 3])).toBe(0);
  });

  it('matches the textbook formula with natural logs', () => {
    // p = [1, 0], q = [1/2, 1/2], m = [3/4, 1/4]
    const left = Math.log(4 / 3);
    const right = 0.5 * Math.log(2 / 3) + 0.5 * Math.log(2);
    expect(jensenShannon([1, 0], [1, 1])).toBeCloseTo(Math.sqrt((left + right) / 2), 15);
  });

  it('rejects mismatched lengths and negative weights; NaN for an all-zero histogram', () => {
    expect(() => jensenShannon([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => jensenShannon([1, -1], [1, 1])).toThrow(RangeError);
    expect(jensenShannon([0, 0], [1, 1])).toBeNaN();
  });
});

describe('agreement with numpy / scipy (tests/fixtures/drift)', () => {
  for (const c of samples.cases) {
    it(`${c.name}: same edges, PSI to 1e-9, KS exactly, JS to 1e-9`, () => {
      expect(Array.from(quantileEdges(sortedCopy(c.reference), c.bins))).toEqual(c.edges);
      expectNear(psi(c.reference, c.current, c.bins), c.psi);
      expect(ksStatistic(c.reference, c.current)).toBe(c.ks);
      expect(ksStatistic(c.current, c.reference)).toBe(c.ksReversed);
      expectNear(jensenShannon(c.referenceCounts, c.currentCounts), c.jsOverPsiBins);
    });
  }

  for (const c of histograms.cases) {
    it(`Jensen-Shannon distance, ${c.name}`, () => {
      expectNear(jensenShannon(c.p, c.q), c.js);
    });
  }
});

describe('reading the statistics', () => {
  it('uses the usual PSI bands: < 0.1 stable, 0.1-0.25 moderate, > 0.25 major', () => {
    const at = (value: number) => classifyFeature({ psi: value, ks: 0, js: 0 });
    expect(at(0.0999)).toBe('stable');
    expect(at(0.1)).toBe('moderate');
    expect(at(0.25)).toBe('moderate');
    expect(at(0.2501)).toBe('major');
  });

  it('takes the worst of PSI, KS and JS, and reads NaN as stable', () => {
    expect(classifyFeature({ psi: 0.01, ks: 0.15, js: 0.01 })).toBe('moderate');
    expect(classifyFeature({ psi: 0.01, ks: 0.01, js: 0.19 })).toBe('major');
    expect(classifyFeature({ psi: NaN, ks: NaN, js: NaN })).toBe('stable');
  });

  it('leaves the thresholds alone at 500 rows a day against 31,000 reference rows', () => {
    const floor = noiseFloors({ reference: 31_000, current: 500 });
    expect(floor.psi).toBeLessThan(PSI_MODERATE);
    expect(floor.ks).toBeLessThan(KS_MODERATE);
    expect(floor.ks).toBeGreaterThan(1.36 * Math.sqrt(1 / 500 + 1 / 31_000)); // above the 5% value
    const stats = { psi: 0.12, ks: 0.16, js: 0.05 };
    expect(classifyFeature(stats, { reference: 31_000, current: 500 })).toBe('moderate');
  });

  it('raises the bar on small days, where noise alone reaches the usual thresholds', () => {
    const stats = { psi: 0.6, ks: 0.2, js: 0.2 };
    expect(classifyFeature(stats)).toBe('major');
    expect(classifyFeature(stats, { reference: 3_100, current: 50 })).toBe('stable');
    const outage = { psi: 8, ks: 1, js: 0.72 };
    expect(classifyFeature(outage, { reference: 3_100, current: 50 })).toBe('major');
  });

  it('raises no alarm on a year of same-distribution days at n = 500', () => {
    const rng = createRng(2025);
    const draw = (n: number, round: boolean) =>
      Float64Array.from({ length: n }, () => {
        const v = 20 + 5 * rng.normal();
        return round ? Math.round(v) : v;
      });
    for (const round of [false, true]) {
      const reference = draw(31_000, round);
      const edges = quantileEdges(sortedCopy(reference), 10);
      const refCounts = countBins(edges, reference);
      for (let day = 0; day < 365; day++) {
        const current = draw(500, round);
        const stats = {
          psi: psi(reference, current),
          ks: ksStatistic(reference, current),
          js: jensenShannon(refCounts, countBins(edges, current)),
        };
        expect(classifyFeature(stats, { reference: 31_000, current: 500 })).toBe('stable');
      }
    }
  });

  it('gives the dataset verdict from the share of drifted features', () => {
    const stable = Array<'stable'>(10).fill('stable');
    expect(datasetVerdict(stable)).toEqual({ status: 'stable', drifted: 0, share: 0 });
    expect(datasetVerdict([...stable.slice(0, 9), 'moderate']).status).toBe('stable');
    expect(datasetVerdict([...stable.slice(0, 9), 'major']).status).toBe('moderate');
    expect(datasetVerdict([...stable.slice(0, 8), 'moderate', 'moderate'])).toEqual({
      status: 'moderate',
      drifted: 2,
      share: 0.2,
    });
    const half = [...stable.slice(0, 5), ...Array<'moderate'>(5).fill('moderate')];
    expect(datasetVerdict(half).status).toBe('major');
    expect(datasetVerdict([]).status).toBe('stable');
  });
});

describe('monitor: FeatureReference against the exact statistics', () => {
  const F = 5;
  const rng = createRng(7);
  /** Rows like the world's: continuous, integer, yes/no, 0/10/20 discount, and a shiftable column. */
  const rows = (n: number, shift: number, dark = false) => {
    const m = new Float32Array(n * F);
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      m.set(
        [
          Math.round(10 * (2 + shift + 3 * rng.normal())) / 10, // negatives, zeros, ties
          Math.round(42 + 14 * rng.normal()),
          rng.bernoulli(0.55 - shift / 20),
          u < 0.7 ? 0 : u < 0.9 ? 10 : 20,
          dark ? 0 : Math.exp(1.5 + 0.6 * rng.normal()),
        ],
        i * F,
      );
    }
    return m;
  };
  const column = (m: Float32Array, f: number) => m.filter((_, k) => k % F === f);
  const reference = rows(31_000, 0);
  const ref = FeatureReference.fromMatrix(reference, F);

  it('gives exactly psi(), exactly jensenShannon over the PSI bins, and KS within its bound', () => {
    for (const kind of ['same', 'shifted', 'dark']) {
      const day = rows(500, kind === 'shifted' ? 1 : 0, kind === 'dark');
      const binned = ref.bin(day);
      ref.compare(binned).forEach((d, f) => {
        expect(d.psi).toBe(psi(column(reference, f), column(day, f)));
        expect(d.js).toBe(jensenShannon(ref.referenceCounts(f), ref.currentCounts(binned, f)));
        const exact = ksStatistic(column(reference, f), column(day, f));
        expect(d.ks).toBeLessThanOrEqual(exact + 1e-12);
        expect(exact).toBeLessThanOrEqual(d.ks + d.ksMaxError + 1e-12);
        if (f === 4) expect(d.ksMaxError).toBeLessThanOrEqual(0.011); // continuous
        if (f === 0) expect(d.ksMaxError).toBeLessThanOrEqual(0.02); // ties at 0.1 steps
        if (f === 2 || f === 3) expect(d.ks).toBe(exact); // every distinct value is an edge
      });
    }
  });

  it('merges days by adding counts, and flags a dark source as major', () => {
    const a = rows(300, 0);
    const b = rows(200, 0);
    const both = new Float32Array([...a, ...b]);
    expect(ref.compare(mergeBinned([ref.bin(a), ref.bin(b)]))).toEqual(ref.measure(both));
    const dark = ref.measure(rows(500, 0, true))[4];
    expect(classifyFeature(dark, { reference: 31_000, current: 500 })).toBe('major');
  });

  it('keeps every k-th reference row under maxRows, and is exact for the rows it keeps', () => {
    const small = FeatureReference.fromMatrix(reference, F, { maxRows: 10_000 }); // k = 4
    expect(small.rows).toBe(7_750);
    const kept = reference.filter((_, i) => Math.floor(i / F) % 4 === 0);
    const day = rows(500, 1);
    small.measure(day).forEach((d, f) => {
      expect(d.psi).toBe(psi(column(kept, f), column(day, f)));
    });
  });

  it('measures 20,000 rows x 10 features in a few milliseconds (logged)', () => {
    const median = (run: () => unknown) => {
      const times = Array.from({ length: 15 }, () => {
        const t0 = performance.now();
        run();
        return performance.now() - t0;
      }).sort((x, y) => x - y);
      return times[7];
    };
    const matrix = (n: number) => new Float32Array(n * 10).map(() => rng.normal());
    const ref31k = matrix(31_000);
    const ref14k = matrix(14_000);
    const day20k = matrix(20_000);
    const day500 = matrix(500);
    const wideRef = FeatureReference.fromMatrix(ref31k, 10);
    const ms = {
      build31k: median(() => FeatureReference.fromMatrix(ref31k, 10)),
      build14k: median(() => FeatureReference.fromMatrix(ref14k, 10)),
      measure20k: median(() => wideRef.measure(day20k)),
      measure500: median(() => wideRef.measure(day500)),
    };
    console.log('monitor, median ms for 10 features:', ms);
    expect(ms.measure20k).toBeLessThan(1000);
  });
});
