/**
 * The drawn lines as the callouts' placement sees them: polylines in px of
 * the chart's SVG, the y of a line at an x, and whether a label's box comes
 * near any line over its width, answered for hundreds of candidate places per
 * frame from an index of each line's lowest and highest y per px column
 * (a line is continuous, so over a span of x it covers every y between its
 * lowest and highest: the box is clear of it exactly when that range misses
 * the box's height).
 *
 * Owns: that geometry. Must not touch: React, Recharts, placement order.
 */
import type { Box } from './annotations';

export interface Point {
  x: number;
  y: number;
}

/** A drawn line as points in x order (a gap in the data starts a new polyline). */
export type Polyline = readonly Point[];

/** The first index of a polyline (sorted by x) whose x is at least `x`. */
function firstAtOrAfter(line: Polyline, x: number): number {
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (line[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lowest and highest y a polyline (sorted by x) reaches over x in [left, right], or null if it is not there. */
export function lineSpan(line: Polyline, left: number, right: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (y: number) => {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  };
  // From the segment that enters [left, right] to the one that leaves it.
  const first = Math.max(0, firstAtOrAfter(line, left) - 1);
  for (let i = first; i < line.length && line[i].x <= right; i++) {
    const p = line[i];
    if (p.x >= left) take(p.y);
    const q = line[i + 1];
    if (!q || q.x === p.x) continue;
    const a = Math.max(left, p.x);
    const b = Math.min(right, q.x);
    if (a > b) continue;
    const at = (x: number) => p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x);
    take(at(a));
    take(at(b));
  }
  return lo === Infinity ? null : [lo, hi];
}

/** The y of a polyline at x (interpolated), or null outside it. */
export function yAt(line: Polyline, x: number): number | null {
  for (let i = 0; i < line.length; i++) {
    const p = line[i];
    if (p.x === x) return p.y;
    const q = line[i + 1];
    if (q && p.x < x && x < q.x) return p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x);
  }
  return null;
}

/** Whether a box comes within `pad` px of any of the lines (a vertical line counts over its height). */
export function crossesLines(box: Box, lines: readonly Polyline[], pad: number): boolean {
  return lines.some((line) => {
    const span = lineSpan(line, box.left - pad, box.right + pad);
    return span !== null && span[0] < box.bottom + pad && span[1] > box.top - pad;
  });
}

/**
 * One line's lowest and highest y over any run of whole px columns, in
 * constant time (sparse tables over the columns it crosses). Column c holds
 * the line over x in [c, c + 1].
 */
class ColumnSpans {
  private readonly first: number;
  private readonly lo: Float64Array[] = [];
  private readonly hi: Float64Array[] = [];

  constructor(line: Polyline) {
    this.first = Math.floor(line[0].x);
    const n = Math.max(1, Math.ceil(line[line.length - 1].x) - this.first + 1);
    const lo = new Float64Array(n).fill(Infinity);
    const hi = new Float64Array(n).fill(-Infinity);
    const take = (c: number, y: number) => {
      if (c < 0 || c >= n) return;
      lo[c] = Math.min(lo[c], y);
      hi[c] = Math.max(hi[c], y);
    };
    // One sweep: each point to the columns on both sides of it, each segment to the columns it crosses.
    for (let i = 0; i < line.length; i++) {
      const p = line[i];
      const c = Math.floor(p.x) - this.first;
      take(c, p.y);
      if (p.x === Math.floor(p.x)) take(c - 1, p.y);
      const q = line[i + 1];
      if (!q || q.x === p.x) {
        if (q) take(Math.floor(q.x) - this.first, q.y);
        continue;
      }
      const at = (x: number) => p.y + ((q.y - p.y) * (x - p.x)) / (q.x - p.x);
      // The column edges strictly between p and q: the segment's y there belongs to both columns.
      for (let x = Math.floor(p.x) + 1; x < q.x; x++) {
        const y = at(x);
        take(x - 1 - this.first, y);
        take(x - this.first, y);
      }
    }
    this.lo.push(lo);
    this.hi.push(hi);
    for (let k = 1; 1 << k <= n; k++) {
      const half = 1 << (k - 1);
      const [pl, ph] = [this.lo[k - 1], this.hi[k - 1]];
      const size = n - (1 << k) + 1;
      const l = new Float64Array(size);
      const h = new Float64Array(size);
      for (let i = 0; i < size; i++) {
        l[i] = Math.min(pl[i], pl[i + half]);
        h[i] = Math.max(ph[i], ph[i + half]);
      }
      this.lo.push(l);
      this.hi.push(h);
    }
  }

  /** [lowest, highest] y over x in [left, right] (whole columns, so at most 1 px wider), or null. */
  span(left: number, right: number): [number, number] | null {
    const n = this.lo[0].length;
    const a = Math.max(0, Math.floor(left) - this.first);
    const b = Math.min(n - 1, Math.floor(right) - this.first);
    if (a > b) return null;
    const k = Math.floor(Math.log2(b - a + 1));
    const lo = Math.min(this.lo[k][a], this.lo[k][b - (1 << k) + 1]);
    const hi = Math.max(this.hi[k][a], this.hi[k][b - (1 << k) + 1]);
    return lo === Infinity ? null : [lo, hi];
  }
}

/** crossesLines, for many boxes against the same lines: the lines indexed once. */
export function lineTest(lines: readonly Polyline[], pad: number): (box: Box) => boolean {
  const index = lines.filter((l) => l.length > 0).map((l) => new ColumnSpans(l));
  return (box) =>
    index.some((line) => {
      const span = line.span(box.left - pad, box.right + pad);
      return span !== null && span[0] < box.bottom + pad && span[1] > box.top - pad;
    });
}
