/**
 * The MLP's training pass on the wasm backend, laid out hidden units by rows.
 *
 * Owns: the batch in that layout (uploaded once per job), the logits and
 * the gradient products of one step, and the mean log loss there.
 * Must not touch: optimisation (train.ts), the snapshot layout or the
 * prediction path (network.ts); every caller runs the tensor functions here
 * inside `tf.tidy`.
 *
 * Why this layout (measured on the wasm backend, 14,000 rows): in the rows
 * by units layout of network.ts, a step spends as much on the output
 * product (a matrix-vector product XNNPACK pads to eight columns) and on
 * transposing relu'(A) for the gradient product as on all three large
 * products. Here the hidden layer comes out as H^T = relu(W1 X^T) (units x
 * rows): the data X^T is the product's right operand, packed once per job
 * like X is for the gradient, and the weights W1 go in as they are stored.
 * The logits are then the weighted sum of H^T's rows, w2 scaled by the
 * unit count times H^T (a broadcast along rows), averaged by a pooling
 * window over the units (a channels-last pool with the rows as channels
 * reads H^T's memory as it lies; see `poolWindows`), plus b2; and S = relu'(H^T) * r is
 * already in the layout the gradient product G = S X needs. A step is
 * about a fifth cheaper than in the rows by units layout, at the price
 * of one more packing per job.
 */
import * as tf from '@tensorflow/tfjs-core';

/** One job's batch in the units by rows layout. `inputs` = features + 1 (the bias column). */
export interface UnitBatch {
  /** n x inputs, standardised rows with a trailing 1: the gradient product's right operand. */
  x: tf.Tensor2D;
  /** inputs x n, the same numbers transposed: the hidden layer's right operand. */
  xt: tf.Tensor2D;
  /** 1 x n labels. */
  y: tf.Tensor2D;
  /** 1 x n, 1 - 2y: the log loss of a row is softplus(sign * z). */
  sign: tf.Tensor2D;
}

/** The batch from standardised rows `x` (kept, not copied) and labels. */
export function unitBatch(x: tf.Tensor2D, y: Float32Array): UnitBatch {
  const n = y.length;
  const sign = new Float32Array(n);
  for (let i = 0; i < n; i++) sign[i] = 1 - 2 * y[i];
  return {
    x,
    xt: tf.transpose(x),
    y: tf.tensor2d(y, [1, n]),
    sign: tf.tensor2d(sign, [1, n]),
  };
}

/** The snapshot's MLP parameters as this pass uploads them: W1 as stored, w2 times the unit count, b2. */
export function unitParams(params: Float32Array[]): tf.Tensor[] {
  const [w1, w2, b2] = params;
  const hidden = w2.length;
  // Times the unit count, which the pool divides by again (exactly, for a power of two).
  const scaled = Float32Array.from(w2, (v) => v * hidden);
  return [
    tf.tensor2d(w1, [hidden, w1.length / hidden]),
    tf.tensor2d(scaled, [hidden, 1]),
    tf.scalar(b2[0]),
  ];
}

/**
 * The pooling windows that average `hidden` rows, each at most 9 rows
 * (16: [8, 2]), or null when `hidden` has a prime factor above 9. A larger
 * window takes XNNPACK's multipass pool, whose per-call buffer of one float
 * per channel (here per row of the batch) overflowed the wasm stack at
 * 24,000 rows; a window of at most 9 takes the single pass.
 */
export function poolWindows(hidden: number): number[] | null {
  const windows: number[] = [];
  let left = hidden;
  while (left > 1) {
    let w = 9;
    while (w > 1 && left % w !== 0) w--;
    if (w === 1) return null;
    windows.push(w);
    left /= w;
  }
  return windows;
}

/** Logits (1 x n) and the hidden layer H^T (hidden x n) at `unitParams`. */
export function unitLogits(
  params: tf.Tensor[],
  batch: UnitBatch,
  windows: number[],
): { z: tf.Tensor2D; ht: tf.Tensor2D } {
  const [w1, w2Scaled, b2] = params;
  const [hidden] = w1.shape;
  const n = batch.xt.shape[1];
  const ht = tf.fused.matMul({ a: w1, b: batch.xt, activation: 'relu' }) as tf.Tensor2D;
  let mean = tf.reshape<tf.Rank.R4>(tf.mul(ht, w2Scaled), [1, hidden, 1, n]);
  for (const w of windows) mean = tf.avgPool(mean, [w, 1], [w, 1], 'valid');
  return { z: tf.reshape(tf.add(mean, b2), [1, n]), ht };
}

/** Mean log loss from logits (1 x n): mean(softplus(sign * z)), as `meanLogLoss` in network.ts. */
export function unitLoss(z: tf.Tensor2D, batch: UnitBatch): tf.Scalar {
  const t = tf.mul(z, batch.sign);
  return tf.mean(tf.sub(tf.relu(t), tf.log(tf.sigmoid(tf.abs(t)))));
}

/** The gradient's large products at the logits `z` and hidden layer `ht`: [G = S X, sum(r)], r = p - y. */
export function unitGradientProducts(
  z: tf.Tensor2D,
  ht: tf.Tensor2D,
  batch: UnitBatch,
): tf.Tensor[] {
  const r = tf.sub(tf.sigmoid(z), batch.y);
  return [tf.matMul(tf.mul(tf.step(ht), r), batch.x), tf.sum(r)];
}
