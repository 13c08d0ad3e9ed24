/**
 * What the drift monitor reads off a comparison: each feature's readings
 * with a status above the sampling noise and the calibrated floors, the
 * floors' arithmetic, and counts as shares.
 *
 * Owns: those small pure functions (monitoring.ts calls them every serving
 * day, for both models). Must not touch: binning or the statistics
 * themselves (monitor.ts, drift.ts) or the monitor's state (monitoring.ts).
 *
 * Loops and module functions, not callbacks made per call: V8 compiled such
 * callbacks again after every full collection (see
 * src/sim/model/directKernels.ts; HOT_CALLBACK in eslint.config.js).
 */
import type { DriftStatus, FeatureReading } from '../contract';
import { classifyCalibrated, type DriftStats, noiseFloors } from './drift';
import type { BinnedRows, FeatureReference } from './monitor';

/** The three statistics alone (a copy). */
export const stats = (r: { psi: number; ks: number; js: number }): DriftStats => ({
  psi: r.psi,
  ks: r.ks,
  js: r.js,
});

/** Each statistic's larger value. */
export const maxStats = (a: DriftStats, b: DriftStats): DriftStats => ({
  psi: Math.max(a.psi, b.psi),
  ks: Math.max(a.ks, b.ks),
  js: Math.max(a.js, b.js),
});

/** Each statistic times `k`. */
export const scaled = (a: DriftStats, k: number): DriftStats => ({
  psi: a.psi * k,
  ks: a.ks * k,
  js: a.js * k,
});

/** Raises each feature's floor to the readings where they are higher. */
export function raiseFloors(floors: DriftStats[], drift: readonly DriftStats[]): void {
  for (let f = 0; f < drift.length; f++) floors[f] = maxStats(floors[f], stats(drift[f]));
}

/**
 * One model's readings of `binned` against its reference, with each
 * feature's status above the larger of the sampling noise and `floors`.
 */
export function readings(
  reference: FeatureReference,
  binned: BinnedRows,
  floors: readonly DriftStats[],
): FeatureReading[] {
  const noise = noiseFloors({ reference: reference.rows, current: binned.rows });
  const drift = reference.compare(binned);
  const out: FeatureReading[] = [];
  for (let f = 0; f < drift.length; f++) {
    const r = drift[f];
    out.push({
      psi: r.psi,
      ks: r.ks,
      js: r.js,
      status: classifyCalibrated(r, maxStats(noise, floors[f])),
    });
  }
  return out;
}

/** The features' statuses, in order. */
export function statusesOf(readings: readonly FeatureReading[]): DriftStatus[] {
  const out: DriftStatus[] = [];
  for (const r of readings) out.push(r.status);
  return out;
}

/** Counts as shares of `rows` (of at least one row). */
export function shares(counts: Float64Array, rows: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < counts.length; i++) out.push(counts[i] / Math.max(1, rows));
  return out;
}
