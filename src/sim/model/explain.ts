/**
 * What a model learned, in the features' own units, measured the same way as
 * the truth's effects (world/effects.ts): the average change in the model's
 * log-odds when one feature moves by one unit, over a sample of the day's rows.
 *
 * Owns: a plain-TypeScript forward pass of a snapshot (log-odds only).
 * Must not touch: tensors; this runs on a few hundred rows a day, where a
 * loop is faster than a TF.js call.
 */
import { EFFECT_SAMPLE, effectProbe } from '../world/effects';
import type { ModelSnapshot } from './snapshot';

/** The model's log-odds for one raw (unstandardised) row. */
export function logOdds(s: ModelSnapshot, row: ArrayLike<number>): number {
  return logOddsAt(s, row, 0);
}

/** logOdds of the row starting at `at` in a row-major matrix (no subarray per row). */
function logOddsAt(s: ModelSnapshot, x: ArrayLike<number>, at: number): number {
  const f = s.features;
  const { mean, scale } = s.scaler;
  if (s.kind === 'logistic') {
    const w = s.params[0];
    let z = w[f];
    for (let j = 0; j < f; j++) z += (w[j] * (x[at + j] - mean[j])) / scale[j];
    return z;
  }
  const [w1, w2, b2] = s.params;
  const inputs = f + 1;
  let z = b2[0];
  for (let k = 0; k < s.hidden; k++) {
    const o = k * inputs;
    let h = w1[o + f];
    for (let j = 0; j < f; j++) h += (w1[o + j] * (x[at + j] - mean[j])) / scale[j];
    if (h > 0) z += w2[k] * h;
  }
  return z;
}

/** Per feature, the model's average change in log-odds per unit over the day's first rows. */
export function modelEffects(s: ModelSnapshot, x: Float32Array, n: number): number[] {
  const f = s.features;
  // A logistic model's effect is the same for every row: its weight per unit.
  if (s.kind === 'logistic')
    return Array.from(s.scaler.scale, (scale, j) => s.params[0][j] / scale);
  const m = Math.min(n, EFFECT_SAMPLE);
  const sums = new Float64Array(f);
  const row = new RowTerms(s);
  for (let i = 0; i < m; i++) {
    row.load(x, i * f);
    for (let j = 0; j < f; j++) {
      const { from, to, step } = effectProbe(j, x[i * f + j]);
      const low = row.probed(j, from);
      sums[j] += (row.probed(j, to) - low) / step;
    }
  }
  return Array.from(sums, (v) => (m === 0 ? 0 : v / m));
}

/**
 * One row of an MLP's hidden layer, kept so that the row's log-odds with one
 * feature moved (the effects' probes, two per feature and row: a third of an
 * MLP year when each was a whole forward pass) costs a few additions: for
 * unit k, each feature's term `(w1[k][j] * (x_j - mean_j)) / scale_j` and the
 * running sums of the bias and the terms before feature j. A probe adds the
 * same terms in the same order as logOddsAt does (the running sum up to the
 * probed feature, its new term, then the terms after it), so its result is
 * logOddsAt's to the last bit (the MLP digest holds it).
 */
class RowTerms {
  private readonly f: number;
  private readonly terms: Float64Array;
  /** Unit k's sum of its bias and terms 0..j-1, at k * f + j. */
  private readonly before: Float64Array;

  constructor(private readonly s: ModelSnapshot) {
    this.f = s.features;
    this.terms = new Float64Array(s.hidden * this.f);
    this.before = new Float64Array(s.hidden * this.f);
  }

  /** Takes the row at `at` of the row-major matrix `x`. */
  load(x: ArrayLike<number>, at: number): void {
    const { f, terms, before } = this;
    const { mean, scale } = this.s.scaler;
    const w1 = this.s.params[0];
    for (let k = 0; k < this.s.hidden; k++) {
      const o = k * (f + 1);
      let h = w1[o + f];
      for (let j = 0; j < f; j++) {
        before[k * f + j] = h;
        const term = (w1[o + j] * (x[at + j] - mean[j])) / scale[j];
        terms[k * f + j] = term;
        h += term;
      }
    }
  }

  /** The log-odds of the loaded row with feature `probe` set to `value`. */
  probed(probe: number, value: number): number {
    const { f, terms, before } = this;
    const { mean, scale } = this.s.scaler;
    const [w1, w2, b2] = this.s.params;
    const shift = value - mean[probe];
    let z = b2[0];
    for (let k = 0; k < this.s.hidden; k++) {
      const t = k * f;
      let h = before[t + probe] + (w1[k * (f + 1) + probe] * shift) / scale[probe];
      for (let j = probe + 1; j < f; j++) h += terms[t + j];
      if (h > 0) z += w2[k] * h;
    }
    return z;
  }
}

/** Training rows the mean prediction is estimated on (evenly spaced through the rows). */
export const MEAN_PREDICTION_ROWS = 1000;

/**
 * The model's mean predicted probability over its training rows, estimated on
 * up to MEAN_PREDICTION_ROWS evenly spaced rows (standard error about 0.01):
 * a plain loop, far cheaper than a TF.js call on every job's rows.
 */
export function meanPrediction(s: ModelSnapshot, x: Float32Array, n: number): number {
  const f = s.features;
  const step = Math.max(1, Math.floor(n / MEAN_PREDICTION_ROWS));
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i += step) {
    sum += 1 / (1 + Math.exp(-logOddsAt(s, x, i * f)));
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/** Predicted probabilities for rows, by the plain forward pass (for quick checks such as the gate). */
export function predictPlain(s: ModelSnapshot, x: Float32Array, n: number): Float32Array {
  const f = s.features;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-logOddsAt(s, x, i * f)));
  return out;
}
