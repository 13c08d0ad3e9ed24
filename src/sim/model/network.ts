/**
 * The two network shapes as tensor maths: forward pass, hand-written
 * gradients and the loss, on a "rows as columns" layout.
 *
 * Owns: the logistic regression and the one-hidden-layer MLP, in the exact
 * parameter order of `ModelSnapshot.params`.
 * Must not touch: optimisation (train.ts) or memory management; every caller
 * runs these inside `tf.tidy`.
 *
 * Why this layout: TF.js pays a fixed cost per operation and the wasm
 * kernels are fastest when a product's long dimension is the last one, so the
 * batch is kept both as X (n x inputs) and X^T (inputs x n), logits are a
 * 1 x n row, and the logistic gradient X^T (p - y) is computed as p X - y X,
 * with y X fixed for the whole job. A hand-written gradient is ~3x fewer
 * operations than `tf.grads`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelKind } from './snapshot';

/** One job's batch, uploaded once. `inputs` = features + 1 (the bias column). */
export interface Batch {
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
export function logits(
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
export function gradients(
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
export function meanLogLoss(z: tf.Tensor2D, batch: Batch): tf.Scalar {
  const zy = tf.sum(tf.mul(z, batch.y));
  return tf.sub(tf.mean(tf.softplus(z)), tf.mul(zy, batch.invN));
}

/** Probabilities (1 x n) for inputs given as X^T. */
export function probabilities(kind: ModelKind, params: tf.Tensor[], xt: tf.Tensor2D): tf.Tensor2D {
  return tf.sigmoid(logits(kind, params, xt).z);
}
