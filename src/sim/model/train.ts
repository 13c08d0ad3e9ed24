/**
 * Training and prediction: the MLP by full-batch Adam over hand-written
 * gradients; the logistic model by Newton's method (logistic.ts).
 *
 * Owns: turning plain rows and labels into a trained `ModelSnapshot`, and
 * snapshots plus rows into probabilities. Every tensor made here is freed
 * before the function returns; tensors never leave this module.
 * Must not touch: which rows a job trains on (src/sim/ops decides).
 *
 * Why this loop: each step is ~15 kernels on the whole batch (the data fits
 * easily), so TF.js pays its per-operation cost a few hundred times per job
 * instead of once per minibatch and layer as `model.fit` does; on wasm the
 * MLP's steps call the kernels directly (unitPass.ts), elsewhere each step is
 * one `tf.tidy`. The batch is uploaded once per job, the loss is computed
 * only at recorded steps (where early stopping may end the job), and each
 * step reads back only the gradient's small products: Adam runs in plain
 * code on at most a few hundred numbers.
 * Warm starts continue from the parent's weights and scaler, so a daily job
 * needs only a few steps.
 *
 * Randomness: the MLP's initial weights come from the seeded `initRng`.
 * Every step sees the whole batch, so row order cannot matter and nothing is
 * shuffled here; the seeded permutations are the 80/20 split and the sample
 * of a large window (src/sim/ops/jobs.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import { startingPoint } from './init';
import { trainLogistic } from './logistic';
import {
  type Batch,
  finishGradients,
  forward,
  gradientProducts,
  meanLogLoss,
  probabilitiesDirect,
  signOf,
  standardizeDirect,
  standardizeOnBackend,
  tensorData,
  tensorShapes,
  uploadParams,
} from './network';
import { l2Masks, type ModelKind, type ModelSnapshot, type Scaler } from './snapshot';
import type { TrainOptions, TrainResult, TrainingData } from './trainTypes';
import { shouldStop } from './stopping';
import { poolWindows, unitPasses } from './unitPass';
import { DirectKernels } from './directKernels';

export type { TrainOptions, TrainResult, TrainingData };

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/**
 * One job's passes over its batch, uploaded once: the gradient's large
 * products (and the loss when asked) at float32 weights in snapshot layout,
 * or the loss alone, read back as plain numbers (small reads: at most hidden
 * x inputs numbers, a copy on wasm and cpu, where kernels run synchronously).
 */
interface Passes {
  products(used: Float32Array[], withLoss: boolean): Float32Array[];
  loss(used: Float32Array[]): number;
  dispose(): void;
}

/**
 * The batch's rows standardised on the backend by one product
 * (x diag(1/scale) + [-mean/scale, 1], which also appends the bias column
 * of exact ones). The MLP on wasm reads them laid out units by rows
 * (unitPass.ts); the cpu backend, whose transposes and broadcasts walk index
 * tuples, in the rows by units layout of network.ts.
 */
function uploadPasses(data: TrainingData, scaler: Scaler, kind: ModelKind, hidden: number): Passes {
  const windows = poolWindows(hidden);
  if (tf.getBackend() === 'wasm' && kind === 'mlp' && windows) {
    return unitPasses(data, scaler, windows);
  }
  const x = tf.tidy(() => standardizeOnBackend(data.x, data.n, scaler));
  const y = tf.tensor2d(data.y, [data.n, 1]);
  const batch: Batch = { x, y, sign: signOf(y) };
  const shapes = tensorShapes(kind, data.features, hidden);
  const upload = (used: Float32Array[]) => uploadParams(tensorData(kind, used), shapes);
  return {
    products: (used, withLoss) => {
      const out = tf.tidy(() => {
        const { products, loss } = gradientProducts(kind, upload(used), batch, withLoss);
        return loss ? [...products, loss] : products;
      });
      const read: Float32Array[] = [];
      for (const p of out) read.push(p.dataSync() as Float32Array);
      tf.dispose(out);
      return read;
    },
    loss: (used) => {
      const loss = tf.tidy(() => meanLogLoss(forward(kind, upload(used), batch.x).out, batch));
      const value = loss.dataSync()[0];
      loss.dispose();
      return value;
    },
    dispose: () => tf.dispose([batch.x, batch.y, batch.sign]),
  };
}

/** A job's optimiser state: float32 weights and moments, float64 gradients as `finishGradients` leaves them. */
interface AdamState {
  params: Float32Array[];
  grads: Float64Array[];
  m: Float32Array[];
  v: Float32Array[];
  /** The L2 penalty of each entry, f32(l2 * mask): 0 on biases. */
  decay: Float32Array[];
}

/**
 * Full-batch Adam in place, with L2 on the masked entries, every operation
 * rounded to float32 as the baseline trainer's tensors round it: in float64
 * the same algorithm drifted far enough over a cold job's 250 steps to move
 * the static MLP's Valentine's-week accuracy 0.0023 below the baseline's.
 * Weights and moments are stored as float32, which rounds them as
 * `Math.fround` does.
 */
function adamStep(t: number, learningRate: number, state: AdamState): void {
  const f = Math.fround;
  const lrT = f((learningRate * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t));
  const keep1 = f(1 - BETA1);
  const keep2 = f(1 - BETA2);
  for (let i = 0; i < state.params.length; i++) {
    const w = state.params[i];
    const g = state.grads[i];
    const m = state.m[i];
    const v = state.v[i];
    const decay = state.decay[i];
    for (let j = 0; j < w.length; j++) {
      const gj = f(g[j] + f(decay[j] * w[j]));
      m[j] = f(BETA1 * m[j]) + f(keep1 * gj);
      v[j] = f(BETA2 * v[j]) + f(keep2 * f(gj * gj));
      w[j] = w[j] - f(f(m[j] / f(f(Math.sqrt(v[j])) + EPSILON)) * lrT);
    }
  }
}

/**
 * Trains a model. With `parent`, training starts from its weights and scaler
 * (a warm start); otherwise a scaler is fitted on `data` and weights start
 * from the seeded initialiser.
 */
export function train(
  data: TrainingData,
  options: TrainOptions,
  parent: ModelSnapshot | null,
  initRng: Rng,
  minScale: Float32Array,
): TrainResult {
  if (data.n === 0) throw new Error('cannot train on zero rows');
  if (options.kind === 'logistic') return trainLogistic(data, options, parent, initRng, minScale);
  const { kind, hidden } = options;
  const { scaler, params: start } = startingPoint(data, kind, hidden, parent, initRng, minScale);
  // The job's own copies: the products are computed at these float32
  // weights, then Adam updates them in place.
  const state: AdamState = { params: start, grads: [], m: [], v: [], decay: [] };
  for (const p of start) {
    state.grads.push(new Float64Array(p.length));
    state.m.push(new Float32Array(p.length));
    state.v.push(new Float32Array(p.length));
  }
  for (const mask of l2Masks(kind, data.features, hidden)) {
    const decay = new Float32Array(mask.length);
    for (let i = 0; i < mask.length; i++) decay[i] = options.l2 * mask[i];
    state.decay.push(decay);
  }
  const used = state.params;
  const passes = uploadPasses(data, scaler, kind, hidden);
  const losses: { step: number; loss: number }[] = [];
  let steps = 0;

  for (let t = 1; t <= options.steps; t++) {
    const record = (t - 1) % options.lossEvery === 0;
    const read = passes.products(used, record);
    if (record) losses.push({ step: t - 1, loss: (read.pop() as Float32Array)[0] });
    finishGradients(kind, used, read, data.n, state.grads);
    adamStep(t, options.learningRate, state);
    steps = t;
    if (record && shouldStop(losses, options.minImprovement)) break;
  }

  losses.push({ step: steps, loss: passes.loss(used) });
  passes.dispose();

  return {
    snapshot: { kind, features: data.features, hidden, scaler, params: used },
    losses,
    finalLoss: losses[losses.length - 1].loss,
    steps,
  };
}

/** Probabilities of buying for raw rows `x` (n x features), by kernels called directly. */
export function predict(snapshot: ModelSnapshot, x: Float32Array, n: number): Float32Array {
  if (n === 0) return new Float32Array(0);
  const k = new DirectKernels();
  try {
    const rows = standardizeDirect(k, x, n, snapshot.scaler);
    const params = tensorData(snapshot.kind, snapshot.params);
    return k.read(probabilitiesDirect(k, snapshot.kind, params, rows));
  } finally {
    k.release();
  }
}
