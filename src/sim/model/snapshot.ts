/**
 * Model snapshots as plain data: the feature scaler and the weights.
 *
 * Owns: the snapshot type (what a registry stores, what crosses the worker
 * boundary, what a rollback restores), the parameters' shapes and L2 masks,
 * fitting a scaler, standardising rows, and reading a logistic model's
 * weights in the features' own units.
 * Must not touch: tensors. Everything here is plain TypeScript over typed arrays.
 */

import type { ModelKind } from '../settings';

export type { ModelKind };

/** Per-feature centre and scale, fitted on a model's own training rows. */
export interface Scaler {
  mean: Float32Array;
  scale: Float32Array;
}

/**
 * A trained model as plain typed arrays.
 * logistic: params = [w (features + 1; the last entry is the bias)]
 * mlp:      params = [W1 (hidden x (features + 1), row-major; each row's last
 *           entry is that unit's bias), w2 (hidden), b2 (1)]
 */
export interface ModelSnapshot {
  kind: ModelKind;
  features: number;
  hidden: number;
  scaler: Scaler;
  params: Float32Array[];
}

/** Fits mean and standard deviation per column; scales are floored at `minScale`. */
export function fitScaler(
  x: Float32Array,
  n: number,
  features: number,
  minScale: Float32Array,
): Scaler {
  const mean = new Float64Array(features);
  const sq = new Float64Array(features);
  for (let i = 0; i < n; i++) {
    const row = i * features;
    for (let j = 0; j < features; j++) mean[j] += x[row + j];
  }
  for (let j = 0; j < features; j++) mean[j] /= Math.max(n, 1);
  for (let i = 0; i < n; i++) {
    const row = i * features;
    for (let j = 0; j < features; j++) {
      const d = x[row + j] - mean[j];
      sq[j] += d * d;
    }
  }
  const scale = new Float32Array(features);
  for (let j = 0; j < features; j++) {
    scale[j] = Math.max(Math.sqrt(sq[j] / Math.max(n, 1)), minScale[j]);
  }
  return { mean: Float32Array.from(mean), scale };
}

/**
 * Standardises rows and appends a constant 1 (the bias input). Returns the
 * transposed matrix, (features + 1) x n, and, when `withRows` is set, the
 * row-major n x (features + 1) matrix too.
 */
export function standardize(
  x: Float32Array,
  n: number,
  scaler: Scaler,
  withRows: boolean,
): { cols: Float32Array; rows: Float32Array | null } {
  const f = scaler.mean.length;
  const inputs = f + 1;
  const cols = new Float32Array(inputs * n);
  const rows = withRows ? new Float32Array(n * inputs) : null;
  const inv = Float32Array.from(scaler.scale, (s) => 1 / s);
  for (let j = 0; j < f; j++) {
    const m = scaler.mean[j];
    const k = inv[j];
    const base = j * n;
    for (let i = 0; i < n; i++) {
      const v = (x[i * f + j] - m) * k;
      cols[base + i] = v;
      if (rows) rows[i * inputs + j] = v;
    }
  }
  cols.fill(1, f * n);
  if (rows) for (let i = 0; i < n; i++) rows[i * inputs + f] = 1;
  return { cols, rows };
}

/** A deep copy, so a registry entry can never be changed through another reference. */
export function cloneSnapshot(s: ModelSnapshot): ModelSnapshot {
  return {
    kind: s.kind,
    features: s.features,
    hidden: s.hidden,
    scaler: { mean: s.scaler.mean.slice(), scale: s.scaler.scale.slice() },
    params: s.params.map(copyOf),
  };
}

/** A copy of one parameter array (a named function: see directKernels.ts on closures and V8). */
export function copyOf(a: Float32Array): Float32Array {
  return a.slice();
}

/**
 * A logistic model's log-odds change per one unit of each raw feature (its
 * weight divided by the feature's scale); null for the MLP, which has no single
 * weight per feature.
 */
export function weightsInFeatureUnits(s: ModelSnapshot): Float32Array | null {
  if (s.kind !== 'logistic') return null;
  const w = s.params[0];
  return Float32Array.from(s.scaler.scale, (scale, j) => w[j] / scale);
}

/** True when every parameter and scaler entry is a finite number. */
export function isFiniteSnapshot(s: ModelSnapshot): boolean {
  return allFinite(s.scaler.mean) && allFinite(s.scaler.scale) && s.params.every(allFinite);
}

/** True when every entry is a finite number (a loop: see directKernels.ts on closures and V8). */
function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/** Shapes of each parameter for a kind, in snapshot order. */
export function paramShapes(kind: ModelKind, features: number, hidden: number): number[][] {
  const inputs = features + 1;
  return kind === 'logistic' ? [[1, inputs]] : [[hidden, inputs], [1, hidden], [1]];
}

/**
 * 1 where L2 regularisation applies, 0 for bias entries, per parameter
 * (flattened, snapshot order).
 */
export function l2Masks(kind: ModelKind, features: number, hidden: number): Float32Array[] {
  const inputs = features + 1;
  if (kind === 'logistic') {
    const m = new Float32Array(inputs).fill(1);
    m[features] = 0;
    return [m];
  }
  const w1 = new Float32Array(hidden * inputs).fill(1);
  for (let k = 0; k < hidden; k++) w1[k * inputs + features] = 0;
  return [w1, new Float32Array(hidden).fill(1), new Float32Array(1)];
}
