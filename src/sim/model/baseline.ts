/**
 * The trainer as it was before issue 15 ("training near the limit"), kept
 * unchanged so the benchmark can time it beside today's trainer in the same
 * run (bench/run.ts, `baselineTrainer`).
 *
 * Owns: nothing the app uses; only the benchmark imports this file.
 * Must not touch: anything else. Do not improve it: its whole purpose is to
 * be the fixed yardstick. The algorithm is full-batch Adam over hand-written
 * gradients (the network code of network.ts at that time is inlined below),
 * one `tf.tidy` of ~15 operations per parameter and step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import { startingPoint } from './init';
import {
  l2Masks,
  type ModelKind,
  type ModelSnapshot,
  paramShapes,
  type Scaler,
  standardize,
} from './snapshot';
import { shouldStop } from './stopping';
import type { TrainOptions, TrainResult, TrainingData } from './train';

/** One job's batch, uploaded once. `inputs` = features + 1 (the bias column). */
interface Batch {
  /** n x inputs, standardised rows with a trailing 1. */
  x: tf.Tensor2D;
  /** inputs x n, the same matrix transposed. */
  xt: tf.Tensor2D;
  /** 1 x n labels. */
  y: tf.Tensor2D;
  /** 1 x inputs, y X (fixed while the data is). */
  yx: tf.Tensor2D;
  /** 1 / n. */
  invN: tf.Scalar;
}

/** Logits (1 x n) and, for the MLP, the hidden pre-activations (hidden x n). */
function logits(
  kind: ModelKind,
  params: tf.Tensor[],
  xt: tf.Tensor2D,
): { z: tf.Tensor2D; a1: tf.Tensor2D | null; h: tf.Tensor2D | null } {
  if (kind === 'logistic') {
    return { z: tf.matMul<tf.Tensor2D>(params[0], xt), a1: null, h: null };
  }
  const [w1, w2, b2] = params as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
  const a1 = tf.matMul<tf.Tensor2D>(w1, xt);
  const h = tf.relu(a1);
  return { z: tf.add<tf.Tensor2D>(tf.matMul(w2, h), b2), a1, h };
}

/** Gradients of the mean log loss for each parameter, and the logits of the same pass. */
function gradients(
  kind: ModelKind,
  params: tf.Tensor[],
  batch: Batch,
): { grads: tf.Tensor[]; z: tf.Tensor2D } {
  const { z, a1, h } = logits(kind, params, batch.xt);
  const p = tf.sigmoid(z);
  if (kind === 'logistic' || !a1 || !h) {
    return { grads: [tf.mul(tf.sub(tf.matMul(p, batch.x), batch.yx), batch.invN)], z };
  }
  const w2 = params[1] as tf.Tensor2D;
  const r = tf.mul(tf.sub(p, batch.y), batch.invN);
  const gw2 = tf.matMul(r, h, false, true);
  const gb2 = tf.reshape(tf.sum(r), [1]);
  const da1 = tf.mul(tf.matMul(w2, r, true, false), tf.step(a1));
  const gw1 = tf.matMul(da1, batch.x);
  return { grads: [gw1, gw2, gb2], z };
}

/**
 * Mean log loss from logits: mean(softplus(z)) - (z . y) / n, the exact and
 * stable form of -mean(y log p + (1 - y) log(1 - p)).
 */
function meanLogLoss(z: tf.Tensor2D, batch: Batch): tf.Scalar {
  const zy = tf.sum(tf.mul(z, batch.y));
  return tf.sub(tf.mean(tf.softplus(z)), tf.mul(zy, batch.invN));
}

/** Probabilities (1 x n) for inputs given as X^T. */
function probabilities(kind: ModelKind, params: tf.Tensor[], xt: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(logits(kind, params, xt).z);
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** Uploads a job's batch (and its fixed products) once. */
function uploadBatch(data: TrainingData, scaler: Scaler): Batch {
  const inputs = data.features + 1;
  const { cols, rows } = standardize(data.x, data.n, scaler, true);
  return tf.tidy(() => {
    const x = tf.tensor2d(rows ?? cols, [data.n, inputs]);
    const y = tf.tensor2d(data.y, [1, data.n]);
    return {
      x,
      xt: tf.tensor2d(cols, [inputs, data.n]),
      y,
      yx: tf.matMul<tf.Tensor2D>(y, x),
      invN: tf.scalar(1 / data.n),
    };
  });
}

/**
 * Trains a model. With `parent`, training starts from its weights and scaler
 * (a warm start); otherwise a scaler is fitted on `data` and weights start
 * from the seeded initialiser.
 */
export function baselineTrain(
  data: TrainingData,
  options: TrainOptions,
  parent: ModelSnapshot | null,
  initRng: Rng,
  minScale: Float32Array,
): TrainResult {
  if (data.n === 0) throw new Error('cannot train on zero rows');
  const { kind, hidden } = options;
  const { scaler, params: start } = startingPoint(data, kind, hidden, parent, initRng, minScale);
  const shapes = paramShapes(kind, data.features, hidden);

  const batch = uploadBatch(data, scaler);
  const consts = tf.tidy(() => ({
    masks: l2Masks(kind, data.features, hidden).map((m, i) =>
      tf.mul(tf.tensor(m, shapes[i]), options.l2),
    ),
    beta1: tf.scalar(BETA1),
    oneMinusBeta1: tf.scalar(1 - BETA1),
    beta2: tf.scalar(BETA2),
    oneMinusBeta2: tf.scalar(1 - BETA2),
    epsilon: tf.scalar(EPSILON),
  }));
  let params = start.map((p, i) => tf.tensor(p, shapes[i]));
  let m = params.map((p) => tf.zerosLike(p));
  let v = params.map((p) => tf.zerosLike(p));
  const losses: { step: number; loss: number }[] = [];
  let steps = 0;

  for (let t = 1; t <= options.steps; t++) {
    const record = (t - 1) % options.lossEvery === 0;
    const lrT = (options.learningRate * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
    const next = tf.tidy(() => {
      const { grads, z } = gradients(kind, params, batch);
      const loss = record ? meanLogLoss(z, batch) : undefined;
      const lr = tf.scalar(lrT);
      const np: tf.Tensor[] = [];
      const nm: tf.Tensor[] = [];
      const nv: tf.Tensor[] = [];
      grads.forEach((g0, i) => {
        const g = tf.add(g0, tf.mul(consts.masks[i], params[i]));
        const mi = tf.add(tf.mul(m[i], consts.beta1), tf.mul(g, consts.oneMinusBeta1));
        const vi = tf.add(tf.mul(v[i], consts.beta2), tf.mul(tf.square(g), consts.oneMinusBeta2));
        np.push(tf.sub(params[i], tf.mul(tf.div(mi, tf.add(tf.sqrt(vi), consts.epsilon)), lr)));
        nm.push(mi);
        nv.push(vi);
      });
      return { np, nm, nv, loss };
    });
    tf.dispose([params, m, v]);
    params = next.np;
    m = next.nm;
    v = next.nv;
    steps = t;
    if (next.loss) {
      // A scalar read: cheap on wasm and cpu, where kernels run synchronously.
      losses.push({ step: t - 1, loss: next.loss.dataSync()[0] });
      next.loss.dispose();
      if (shouldStop(losses, options.minImprovement)) break;
    }
  }

  const finalLoss = tf.tidy(() => meanLogLoss(logits(kind, params, batch.xt).z, batch));
  losses.push({ step: steps, loss: finalLoss.dataSync()[0] });
  const outParams = params.map((p) => Float32Array.from(p.dataSync()));
  tf.dispose([Object.values(batch), Object.values(consts), consts.masks, params, m, v, finalLoss]);

  return {
    snapshot: { kind, features: data.features, hidden, scaler, params: outParams },
    losses,
    finalLoss: losses[losses.length - 1].loss,
    steps,
  };
}

/** Probabilities of buying for raw rows `x` (n x features). */
export function baselinePredict(snapshot: ModelSnapshot, x: Float32Array, n: number): Float32Array {
  if (n === 0) return new Float32Array(0);
  const shapes = paramShapes(snapshot.kind, snapshot.features, snapshot.hidden);
  const { cols } = standardize(x, n, snapshot.scaler, false);
  // Return the tensor from tidy and read it outside: a typed array returned
  // from tidy is walked element by element as a tensor container.
  const p = tf.tidy(() => {
    const params = snapshot.params.map((w, i) => tf.tensor(w, shapes[i]));
    return probabilities(snapshot.kind, params, tf.tensor2d(cols, [snapshot.features + 1, n]));
  });
  const out = Float32Array.from(p.dataSync());
  p.dispose();
  return out;
}

/** The pair the benchmark hands to the engine as its trainer. */
export const baselineTrainer = { train: baselineTrain, predict: baselinePredict };
