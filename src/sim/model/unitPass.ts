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
import { signOf } from './network';

/** One job's batch in the units by rows layout, each tensor with a leading batch dimension of 1. */
export interface UnitBatch {
  /** 1 x n x inputs, standardised rows with a trailing 1: the gradient product's right operand. */
  x: tf.Tensor3D;
  /** 1 x inputs x n, the same numbers transposed: the hidden layer's right operand. */
  xt: tf.Tensor3D;
  /** 1 x 1 x n labels. */
  y: tf.Tensor3D;
  /** 1 x 1 x n, 1 - 2y: the log loss of a row is softplus(sign * z). */
  sign: tf.Tensor3D;
}

/**
 * Runs one kernel. The steps below call the backend's kernels directly on
 * tensors already in the kernels' rank-3 shapes: the public ops would
 * reshape, check and wrap around each call, about 5% of a step.
 */
function run(kernel: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}): tf.Tensor {
  return tf.engine().runKernel<tf.Tensor>(kernel, inputs, attrs);
}

const PLAIN = { transposeA: false, transposeB: false };

/** The batch from standardised rows `x` (n x inputs; the batch takes it over and frees it) and labels. */
export function unitBatch(x: tf.Tensor2D, y: Float32Array): UnitBatch {
  const n = y.length;
  const x3 = tf.expandDims<tf.Tensor3D>(x, 0);
  x.dispose();
  const y3 = tf.tensor3d(y, [1, 1, n]);
  return {
    x: x3,
    xt: tf.tidy(() => tf.transpose<tf.Tensor3D>(x3, [0, 2, 1])),
    y: y3,
    sign: signOf(y3),
  };
}

/** The snapshot's MLP parameters as this pass uploads them: W1 as stored, w2 times the unit count, b2. */
export function unitParams(params: Float32Array[]): tf.Tensor[] {
  const [w1, w2, b2] = params;
  const hidden = w2.length;
  // Times the unit count, which the pool divides by again (exactly, for a power of two).
  const scaled = Float32Array.from(w2, (v) => v * hidden);
  return [
    tf.tensor3d(w1, [1, hidden, w1.length / hidden]),
    tf.tensor3d(scaled, [1, hidden, 1]),
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

/** Logits (1 x 1 x n) and the hidden layer H^T (1 x hidden x n) at `unitParams`. */
export function unitLogits(
  params: tf.Tensor[],
  batch: UnitBatch,
  windows: number[],
): { z: tf.Tensor; ht: tf.Tensor } {
  const [w1, w2Scaled, b2] = params;
  const hidden = windows.reduce((a, b) => a * b, 1);
  const n = batch.xt.shape[2];
  const ht = run('_FusedMatMul', { a: w1, b: batch.xt }, { ...PLAIN, activation: 'relu' });
  let mean = run(
    'Reshape',
    { x: run('Multiply', { a: ht, b: w2Scaled }) },
    { shape: [1, hidden, 1, n] },
  );
  for (const w of windows) {
    mean = run('AvgPool', { x: mean }, { filterSize: [w, 1], strides: [w, 1], pad: 'valid' });
  }
  return { z: run('Reshape', { x: run('Add', { a: mean, b: b2 }) }, { shape: [1, 1, n] }), ht };
}

/** Mean log loss from logits (1 x 1 x n): mean(softplus(sign * z)), as `meanLogLoss` in network.ts. */
export function unitLoss(z: tf.Tensor, batch: UnitBatch): tf.Scalar {
  const t = tf.mul(z, batch.sign);
  return tf.mean(tf.sub(tf.relu(t), tf.log(tf.sigmoid(tf.abs(t)))));
}

/** The gradient's large products at the logits `z` and hidden layer `ht`: [G = S X, sum(r)], r = p - y. */
export function unitGradientProducts(z: tf.Tensor, ht: tf.Tensor, batch: UnitBatch): tf.Tensor[] {
  const r = run('Sub', { a: run('Sigmoid', { x: z }), b: batch.y });
  const s = run('Multiply', { a: run('Step', { x: ht }, { alpha: 0 }), b: r });
  return [run('BatchMatMul', { a: s, b: batch.x }, PLAIN), tf.sum(r)];
}
