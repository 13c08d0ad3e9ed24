/**
 * Cheap input-drift monitoring of serving rows against a model's training reference.
 *
 * Owns: `FeatureReference` (built once per training reference from its
 * feature matrix), binning serving rows into per-feature counts, merging counts
 * over several days, and per-feature {psi, ks, js} from them.
 * Must not touch: models, the world, the engine's results, or the exact
 * statistics (drift.ts), whose quantile and PSI/JS arithmetic it reuses.
 *
 * Relation to drift.ts, per feature column (of the rows the reference keeps):
 * - psi is EXACTLY psi(referenceColumn, currentColumn, bins): same edges, same
 *   counts, same arithmetic in the same order.
 * - js is EXACTLY jensenShannon(reference counts, current counts) over the PSI
 *   bins (the histogram the drift panel shows).
 * - ks APPROXIMATES ksStatistic(referenceColumn, currentColumn): the CDF gap
 *   at a finer grid of reference quantiles k / (bins * KS_GRID_FACTOR) (99
 *   edges by default) only. It never exceeds the exact value, which exceeds it
 *   by at most `ksMaxError` = the largest min(reference share, current share)
 *   of one fine bin (about 0.01 for a continuous feature, 0 when every distinct
 *   value is an edge).
 * The PSI edges are a subset of the fine grid (k / bins and 10k / (10 bins)
 * are the same double), so a value is located once among at most 99 edges,
 * via a table of LOOKUP_BUCKETS equal-width buckets and a short scan that
 * checks both neighbours (same answer as a binary search): about O(rows *
 * features). Counts of several days merge by addition (a rolling window needs
 * no re-binning). Values must be finite.
 */

import { type DriftStats, PSI_BINS, jensenShannon, psiFromCounts, quantileEdges } from './drift';
import { binColumn, type Column, LOOKUP_BUCKETS, lookupTable } from './monitorColumn';

/** The KS grid has this many times more bins than the PSI histogram. */
export const KS_GRID_FACTOR = 10;

/** One feature's drift against the reference, with the KS approximation's bound. */
export interface FeatureDrift extends DriftStats {
  /** ksStatistic lies in [ks, ks + ksMaxError]. */
  ksMaxError: number;
}

/** Serving rows reduced to per-feature counts over the reference's fine grid. */
export interface BinnedRows {
  readonly rows: number;
  /** Fine bins per feature (the stride of `counts`). */
  readonly stride: number;
  /** featureCount x stride counts; feature f's fine bin j at f * stride + j. */
  readonly counts: Uint32Array;
  /**
   * Per feature, rows below the grid reference's smallest value (2f) and above
   * its largest (2f + 1): what the grid cannot see when the reference is
   * constant (days to the next holiday is 30 all summer).
   */
  readonly outside: Uint32Array;
}

/** drift.ts's countBins(edges, values) for sorted values, by one merge walk. */
function countSorted(edges: Float64Array, sorted: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let bin = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (bin < edges.length && edges[bin] < sorted[i]) bin++;
    counts[bin]++;
  }
  return counts;
}

/**
 * Column f of a row-major matrix, sorted ascending (finite values: the order of
 * Float64Array sort), by an LSD radix sort of the float32 bit patterns, 3 passes
 * of 11 bits: about twice as fast as the typed-array sort at 14,000 rows.
 */
function sortedColumn(matrix: Float32Array, f: number, fc: number, step: number): Float64Array {
  const rows = Math.ceil(matrix.length / fc / step);
  const sorted = radixSorted(columnKeys(matrix, f, fc, step, rows));
  return keyValues(sorted);
}

/**
 * Order-preserving keys (as unsigned) of column f's float32 bit patterns:
 * negatives flipped, positives with the sign bit set. Each loop of the sort
 * sits in a function of its own: code after a loop V8 compiled on its own
 * (OSR) has no type feedback then, and gave way there on every later call.
 */
function columnKeys(
  matrix: Float32Array,
  f: number,
  fc: number,
  step: number,
  rows: number,
): Int32Array {
  const bits = new Int32Array(matrix.buffer, matrix.byteOffset, matrix.length);
  const keys = new Int32Array(rows);
  for (let i = 0, o = f; i < rows; i++, o += fc * step) {
    const u = bits[o];
    keys[i] = u < 0 ? ~u : u ^ -0x80000000;
  }
  return keys;
}

/** `keys` sorted as unsigned integers: 3 LSD passes of 11 bits. */
function radixSorted(keys: Int32Array): Int32Array {
  let a: Int32Array = keys;
  let b: Int32Array = new Int32Array(keys.length);
  const count = new Int32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    radixPass(a, b, count, shift);
    [a, b] = [b, a];
  }
  return a;
}

/** One counting-sort pass of `from` into `to` on the 11 bits at `shift`. */
function radixPass(from: Int32Array, to: Int32Array, count: Int32Array, shift: number): void {
  count.fill(0);
  for (let i = 0; i < from.length; i++) count[(from[i] >>> shift) & 0x7ff]++;
  for (let k = 0, sum = 0; k < 2048; k++) {
    const c = count[k];
    count[k] = sum;
    sum += c;
  }
  for (let i = 0; i < from.length; i++) to[count[(from[i] >>> shift) & 0x7ff]++] = from[i];
}

/** The float values of sorted keys (columnKeys undone in place), widened to float64. */
function keyValues(keys: Int32Array): Float64Array {
  for (let i = 0; i < keys.length; i++) keys[i] = keys[i] < 0 ? keys[i] ^ -0x80000000 : ~keys[i];
  return new Float64Array(new Float32Array(keys.buffer, keys.byteOffset, keys.length));
}

function buildColumn(sorted: Float64Array, bins: number): Column {
  const fine = quantileEdges(sorted, bins * KS_GRID_FACTOR);
  const coarse = quantileEdges(sorted, bins);
  const toCoarse = new Uint16Array(fine.length + 1);
  let matched = 0;
  for (let j = 1; j <= fine.length; j++) {
    const isCoarse = matched < coarse.length && fine[j - 1] === coarse[matched];
    if (isCoarse) matched++;
    toCoarse[j] = matched;
  }
  if (matched !== coarse.length) throw new Error('PSI edges are not a subset of the KS grid');
  const lo = fine.length > 0 ? fine[0] : 0;
  const hi = fine.length > 0 ? fine[fine.length - 1] : 0;
  const scale = hi > lo ? LOOKUP_BUCKETS / (hi - lo) : 1;
  const refFine = countSorted(fine, sorted);
  const refCoarse = new Float64Array(coarse.length + 1);
  for (let j = 0; j < refFine.length; j++) refCoarse[toCoarse[j]] += refFine[j];
  return {
    min: sorted.length > 0 ? sorted[0] : 0,
    max: sorted.length > 0 ? sorted[sorted.length - 1] : 0,
    fine,
    coarse,
    toCoarse,
    refCoarse,
    refFine,
    lo,
    hi,
    scale,
    start: lookupTable(fine, lo, scale),
  };
}

/** Per-feature reference histograms of one training reference. */
export class FeatureReference {
  readonly featureCount: number;
  readonly rows: number;
  readonly bins: number;
  private readonly columns: Column[];

  private constructor(
    featureCount: number,
    rows: number,
    bins: number,
    columns: Column[],
    /** True when built from rows (min and max are the reference's own). */
    private readonly exactRange = true,
  ) {
    this.featureCount = featureCount;
    this.rows = rows;
    this.bins = bins;
    this.columns = columns;
  }

  /**
   * From a row-major rows x featureCount matrix (the training rows). With
   * `maxRows`, only every k-th row is kept (k = ceil(rows / maxRows),
   * deterministic), capping the build cost; the statistics are then exact
   * with respect to those rows, and `rows` counts them.
   */
  static fromMatrix(
    matrix: Float32Array,
    featureCount: number,
    { bins = PSI_BINS, maxRows = Infinity }: { bins?: number; maxRows?: number } = {},
  ): FeatureReference {
    if (matrix.length % featureCount !== 0) {
      throw new RangeError(`matrix length ${matrix.length} is not a multiple of ${featureCount}`);
    }
    if (!Number.isInteger(bins) || bins < 1 || bins * KS_GRID_FACTOR > 65_535) {
      throw new RangeError(`bins must be an integer in [1, 6553], got ${bins}`);
    }
    if (matrix.length === 0) throw new RangeError('the reference has no rows');
    const step = Math.max(1, Math.ceil(matrix.length / featureCount / maxRows));
    const columns: Column[] = [];
    for (let f = 0; f < featureCount; f++) {
      columns.push(buildColumn(sortedColumn(matrix, f, featureCount, step), bins));
    }
    const rows = Math.ceil(matrix.length / featureCount / step);
    return new FeatureReference(featureCount, rows, bins, columns);
  }

  /**
   * A reference on this one's grid (same edges) whose counts are `binned`:
   * the dynamic model's training window, assembled from days binned on arrival
   * instead of re-sorting its rows for every version. PSI and JS against it are
   * then read over this grid's bins, not over the window's own quantiles: an
   * approximation of psi(window, current) that the engine documents.
   */
  withCounts(binned: BinnedRows): FeatureReference {
    if (binned.stride !== this.bins * KS_GRID_FACTOR || binned.rows === 0) {
      throw new RangeError('counts must be binned on this grid and not empty');
    }
    const columns: Column[] = [];
    for (let f = 0; f < this.columns.length; f++) {
      const col = this.columns[f];
      const refFine = new Float64Array(col.fine.length + 1);
      const refCoarse = new Float64Array(col.coarse.length + 1);
      const base = f * binned.stride;
      for (let j = 0; j <= col.fine.length; j++) {
        refFine[j] = binned.counts[base + j];
        refCoarse[col.toCoarse[j]] += refFine[j];
      }
      columns.push({ ...col, refFine, refCoarse });
    }
    return new FeatureReference(this.featureCount, binned.rows, this.bins, columns, false);
  }

  /** The PSI bin edges of feature f (bins are (-inf, e1], ..., (e_last, +inf)). */
  edges(f: number): Float64Array {
    return this.columns[f].coarse.slice();
  }

  /** Reference counts per PSI bin of feature f. */
  referenceCounts(f: number): Float64Array {
    return this.columns[f].refCoarse.slice();
  }

  /** Current counts per PSI bin of feature f (for the training-vs-serving histogram). */
  currentCounts(binned: BinnedRows, f: number): Float64Array {
    const col = this.columns[f];
    const out = new Float64Array(col.coarse.length + 1);
    const base = f * binned.stride;
    for (let j = 0; j <= col.fine.length; j++) out[col.toCoarse[j]] += binned.counts[base + j];
    return out;
  }

  /** Bins a row-major rows x featureCount matrix of serving rows. */
  bin(matrix: Float32Array): BinnedRows {
    const fc = this.featureCount;
    if (matrix.length % fc !== 0) {
      throw new RangeError(`matrix length ${matrix.length} is not a multiple of ${fc}`);
    }
    const rows = matrix.length / fc;
    const stride = this.bins * KS_GRID_FACTOR;
    const counts = new Uint32Array(fc * stride);
    const outside = new Uint32Array(2 * fc);
    for (let f = 0; f < fc; f++)
      binColumn(this.columns[f], matrix, f, fc, counts, f * stride, outside);
    return { rows, stride, counts, outside };
  }

  /** Per-feature drift of binned serving rows. */
  compare(binned: BinnedRows): FeatureDrift[] {
    if (binned.stride !== this.bins * KS_GRID_FACTOR) {
      throw new RangeError('rows were binned against a reference with other bins');
    }
    const n = binned.rows;
    const m = this.rows;
    // A loop, not a callback made per call (see src/sim/model/directKernels.ts on closures and V8).
    const out: FeatureDrift[] = [];
    for (let f = 0; f < this.columns.length; f++) {
      const col = this.columns[f];
      const base = f * binned.stride;
      let refCum = 0;
      let curCum = 0;
      let ks = 0;
      let ksMaxError = 0;
      for (let j = 0; j <= col.fine.length; j++) {
        const r = col.refFine[j];
        const c = binned.counts[base + j];
        const slack = Math.min(r / m, c / n);
        if (slack > ksMaxError) ksMaxError = slack;
        if (j === col.fine.length) break;
        refCum += r;
        curCum += c;
        const gap = Math.abs(refCum / m - curCum / n);
        if (gap > ks) ks = gap;
      }
      const cur = this.currentCounts(binned, f);
      out.push({
        psi: psiFromCounts(col.refCoarse, m, cur, n),
        ks: n === 0 || m === 0 ? NaN : Math.max(ks, this.outsideShare(binned, f)),
        js: jensenShannon(col.refCoarse, cur),
        ksMaxError: n === 0 || m === 0 ? NaN : ksMaxError,
      });
    }
    return out;
  }

  /**
   * Share of current rows outside the grid reference's range, on one side: a
   * lower bound of the exact KS (below the reference's minimum its CDF is 0).
   * Only for the grid reference itself; a reference built from counts
   * (withCounts) has no exact range, and reads 0.
   */
  private outsideShare(binned: BinnedRows, f: number): number {
    if (!this.exactRange || binned.rows === 0) return 0;
    return Math.max(binned.outside[2 * f], binned.outside[2 * f + 1]) / binned.rows;
  }

  /** bin + compare for one batch of serving rows. */
  measure(matrix: Float32Array): FeatureDrift[] {
    return this.compare(this.bin(matrix));
  }
}

/** Counts of several batches binned against the same reference, added up. */
export function mergeBinned(parts: readonly BinnedRows[]): BinnedRows {
  if (parts.length === 0) throw new RangeError('nothing to merge');
  const { stride } = parts[0];
  const counts = new Uint32Array(parts[0].counts.length);
  let rows = 0;
  const outside = new Uint32Array(parts[0].outside.length);
  for (const part of parts) {
    if (part.stride !== stride || part.counts.length !== counts.length) {
      throw new RangeError('batches were binned against different references');
    }
    rows += part.rows;
    for (let i = 0; i < counts.length; i++) counts[i] += part.counts[i];
    for (let i = 0; i < outside.length; i++) outside[i] += part.outside[i];
  }
  return { rows, stride, counts, outside };
}
