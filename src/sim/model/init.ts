/**
 * Where a training job starts.
 *
 * Owns: the seeded initial weights and the warm-or-cold starting point.
 * Plain TypeScript (no tensors), so the benchmark's reference trainer starts
 * from exactly the same numbers.
 * Must not touch: training.
 */
import type { Rng } from '../rng';
import {
  copyOf,
  fitScaler,
  type ModelKind,
  type ModelSnapshot,
  paramShapes,
  type Scaler,
} from './snapshot';

/** Seeded initial weights: zeros for the logistic model, Glorot-uniform for the MLP. */
export function initialParams(
  kind: ModelKind,
  features: number,
  hidden: number,
  rng: Rng,
): Float32Array[] {
  return paramShapes(kind, features, hidden).map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const out = new Float32Array(size);
    // The logistic loss is convex: zeros are the canonical start, and they keep
    // a feature that never varied in training at exactly zero weight.
    if (kind === 'logistic' || shape.length < 2) return out;
    const [fanOut, fanIn] = shape;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < size; i++) {
      const isBias = fanIn === features + 1 && i % fanIn === features;
      out[i] = isBias ? 0 : (2 * rng.next() - 1) * limit;
    }
    return out;
  });
}

/**
 * Where a job starts: the parent's scaler and weights (a warm start), or a
 * scaler fitted on the job's own rows and seeded initial weights.
 */
export function startingPoint(
  data: { x: Float32Array; n: number; features: number },
  kind: ModelKind,
  hidden: number,
  parent: ModelSnapshot | null,
  initRng: Rng,
  minScale: Float32Array,
): { scaler: Scaler; params: Float32Array[] } {
  if (parent) {
    return {
      scaler: { mean: parent.scaler.mean.slice(), scale: parent.scaler.scale.slice() },
      params: parent.params.map(copyOf),
    };
  }
  return {
    scaler: fitScaler(data.x, data.n, data.features, minScale),
    params: initialParams(kind, data.features, hidden, initRng),
  };
}
