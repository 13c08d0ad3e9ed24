/**
 * A running sum of binned days, moved from one set of days to the next by
 * adding and subtracting only the days that differ.
 *
 * Owns: `BinnedSum`, which the drift monitor keeps for its rolling window, for
 * each model's training reference and for the calibration windows.
 * Must not touch: binning or the statistics (monitor.ts, drift.ts).
 *
 * Why it is exact: counts are integers (Uint32), so adding a day and later
 * subtracting it restores the same numbers, and the sum of a set of days is
 * the same in any order: `of(days)` always equals `mergeBinned` of the same
 * days. A daily window or a daily version's 28 training days differ from
 * the previous ones by a day or two, so a move costs two days' counts
 * instead of 7 or 28.
 */
import { type BinnedRows, mergeBinned } from './monitor';

export class BinnedSum {
  private readonly members = new Map<number, BinnedRows>();
  private counts: Uint32Array | null = null;
  private outside: Uint32Array | null = null;
  private rows = 0;
  private stride = 0;

  /**
   * The sum of `parts` (each a day's binned rows, keyed by day), as a fresh
   * object the caller may keep. A day's counts must not change while it is a
   * member (the monitor bins a day once, on arrival).
   */
  of(parts: readonly (readonly [number, BinnedRows])[]): BinnedRows {
    if (parts.length === 0) throw new RangeError('nothing to merge');
    const wanted = new Map(parts);
    let shared = 0;
    for (const day of wanted.keys()) if (this.members.get(day) === wanted.get(day)) shared++;
    const changes = wanted.size - shared + (this.members.size - shared);
    if (!this.counts || changes >= wanted.size || parts[0][1].stride !== this.stride) {
      this.rebuild(wanted);
    } else {
      for (const [day, part] of this.members) {
        if (wanted.get(day) !== part) this.move(day, part, -1);
      }
      for (const [day, part] of wanted) {
        if (this.members.get(day) !== part) this.move(day, part, 1);
      }
    }
    return {
      rows: this.rows,
      stride: this.stride,
      counts: (this.counts as Uint32Array).slice(),
      outside: (this.outside as Uint32Array).slice(),
    };
  }

  private rebuild(wanted: Map<number, BinnedRows>): void {
    const sum = mergeBinned([...wanted.values()]);
    this.counts = sum.counts;
    this.outside = sum.outside;
    this.rows = sum.rows;
    this.stride = sum.stride;
    this.members.clear();
    for (const [day, part] of wanted) this.members.set(day, part);
  }

  /** Adds (sign 1) or removes (sign -1) one day. */
  private move(day: number, part: BinnedRows, sign: 1 | -1): void {
    const counts = this.counts as Uint32Array;
    const outside = this.outside as Uint32Array;
    if (part.counts.length !== counts.length || part.stride !== this.stride) {
      throw new RangeError('batches were binned against different references');
    }
    const c = part.counts;
    const o = part.outside;
    if (sign > 0) {
      for (let i = 0; i < counts.length; i++) counts[i] += c[i];
      for (let i = 0; i < outside.length; i++) outside[i] += o[i];
      this.rows += part.rows;
      this.members.set(day, part);
    } else {
      for (let i = 0; i < counts.length; i++) counts[i] -= c[i];
      for (let i = 0; i < outside.length; i++) outside[i] -= o[i];
      this.rows -= part.rows;
      this.members.delete(day);
    }
  }
}
