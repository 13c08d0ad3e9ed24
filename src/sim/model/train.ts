/**
 * Training and prediction: full-batch Adam over hand-written gradients.
 *
 * Owns: turning plain rows and labels into a trained `ModelSnapshot`, and
 * snapshots plus rows into probabilities. Every tensor made here is freed
 * before the function returns; tensors never leave this module.
 * Must not touch: which rows a job trains on (src/sim/ops decides).
 *
 * Why this loop: each step is one `tf.tidy` of ~15 operations on the whole
 * batch (the data fits easily), so TF.js pays its per-operation cost a few
 * hundred times per job instead of once per minibatch and layer as
 * `model.fit` does. Constants are uploaded once per job, the loss is
 * computed only at recorded steps (where early stopping may end the job),
 * and the weights are read back once, at the end.
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
import { type Batch, gradients, logits, meanLogLoss, probabilities } from './network';
import {
  l2Masks,
  type ModelKind,
  type ModelSnapshot,
  paramShapes,
  type Scaler,
  standardize,
} from './snapshot';
import { shouldStop } from './stopping';

export interface TrainOptions {
  kind: ModelKind;
  /** Hidden units of the MLP (ignored by the logistic model). */
  hidden: number;
  steps: number;
  learningRate: number;
  /** L2 penalty on weights (not biases). */
  l2: number;
  /** Record the loss every this many steps (and after the last one). */
  lossEvery: number;
  /**
   * Stop early when a recorded loss improves on the previous one by less than
   * this share of it (0: always run every step). See stopping.ts.
   */
  minImprovement: number;
}

export interface TrainingData {
  /** Row-major n x features, raw feature values. */
  x: Float32Array;
  /** Labels 0/1, length n. */
  y: Float32Array;
  n: number;
  features: number;
}

export interface TrainResult {
  snapshot: ModelSnapshot;
  /** Mean training log loss at each recorded step (step 0 = before training). */
  losses: { step: number; loss: number }[];
  /** Mean training log loss of the returned weights (NaN when training diverged). */
  finalLoss: number;
  /** Full-batch steps actually taken (early stopping may end before options.steps). */
  steps: number;
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
export function train(
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
export function predict(snapshot: ModelSnapshot, x: Float32Array, n: number): Float32Array {
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
