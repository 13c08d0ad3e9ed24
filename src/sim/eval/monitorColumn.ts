/**
 * One feature's column of the drift monitor's reference (monitor.ts): its
 * edges and counts, finding a value's fine bin through a lookup table, and
 * counting one column of serving rows.
 *
 * Owns: `Column`, `fineBin`, `binColumn` and the lookup table.
 * Must not touch: building a reference or comparing counts (monitor.ts).
 */

/** Equal-width buckets of the lookup table that finds a value's fine bin. */
export const LOOKUP_BUCKETS = 1024;

/** One feature of the reference: fine (KS) and coarse (PSI) edges, counts, lookup table. */
export interface Column {
  fine: Float64Array; // reference quantiles k / (bins * KS_GRID_FACTOR), merged
  coarse: Float64Array; // reference quantiles k / bins, merged (a subset of `fine`)
  toCoarse: Uint16Array; // PSI bin of each fine bin
  refCoarse: Float64Array; // reference counts per PSI bin
  refFine: Float64Array; // reference counts per fine bin
  min: number; // smallest reference value
  max: number; // largest reference value
  lo: number; // first fine edge
  hi: number; // last fine edge
  scale: number; // lookup buckets per unit between them
  start: Uint16Array; // per bucket, the number of fine edges below its start
}

/** The fine bin of x (the number of fine edges strictly below x), as binIndex would give. */
function fineBin(col: Column, x: number): number {
  const edges = col.fine;
  if (!(x > col.lo)) return 0;
  if (x > col.hi) return edges.length;
  let j = col.start[Math.min(LOOKUP_BUCKETS, Math.floor((x - col.lo) * col.scale))];
  while (j > 0 && !(edges[j - 1] < x)) j--;
  while (j < edges.length && edges[j] < x) j++;
  return j;
}

/**
 * Counts column `f` of a row-major matrix with `fc` columns into `counts`
 * (from `base`) and its values outside the reference's range into
 * `outside`. One loop in a function of its own: nested inside the loop over
 * features, Chromium compiled the inner loop alone (OSR) and threw it away at
 * each feature's end, again every day.
 */
export function binColumn(
  col: Column,
  matrix: Float32Array,
  f: number,
  fc: number,
  counts: Uint32Array,
  base: number,
  outside: Uint32Array,
): void {
  for (let o = f; o < matrix.length; o += fc) {
    const x = matrix[o];
    counts[base + fineBin(col, x)]++;
    if (x < col.min) outside[2 * f]++;
    else if (x > col.max) outside[2 * f + 1]++;
  }
}

/** Per lookup bucket, the number of fine edges below its start. */
export function lookupTable(fine: Float64Array, lo: number, scale: number): Uint16Array {
  const start = new Uint16Array(LOOKUP_BUCKETS + 1);
  for (let k = 0, j = 0; k <= LOOKUP_BUCKETS; k++) {
    const v = lo + k / scale;
    while (j < fine.length && fine[j] < v) j++;
    start[k] = j;
  }
  return start;
}
