/**
 * Quantiles of a sample, as numpy computes them by default (`np.quantile`,
 * method "linear", Hyndman and Fan's type 7): sort, then interpolate between
 * the two order statistics around position q * (n - 1).
 *
 * Owns: that rule. Must not touch: what the values are (seeds.ts gathers them).
 */

/** The q-quantile (0 <= q <= 1) of `values`; NaN for an empty sample. Does not change `values`. */
export function quantile(values: readonly number[], q: number): number {
  return (
    quantilesOf(
      [...values].sort((a, b) => a - b),
      [q],
    )[0] ?? Number.NaN
  );
}

/** Several quantiles of one sample, sorting it once. */
export function quantiles(values: readonly number[], qs: readonly number[]): number[] {
  return quantilesOf(
    [...values].sort((a, b) => a - b),
    qs,
  );
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

function quantilesOf(sorted: readonly number[], qs: readonly number[]): number[] {
  const n = sorted.length;
  return qs.map((q) => {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`a quantile lies between 0 and 1 (got ${q})`);
    if (n === 0) return Number.NaN;
    const position = q * (n - 1);
    const below = Math.floor(position);
    const above = Math.min(below + 1, n - 1);
    const low = sorted[below];
    const high = sorted[above];
    // numpy's lerp: exact at the ends, no 0 * Infinity.
    const t = position - below;
    return t === 0 ? low : low + (high - low) * t;
  });
}
