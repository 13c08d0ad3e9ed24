/**
 * The two network shapes as tensor maths: the forward pass, the few large
 * products a gradient needs, and the loss, on the row layout the data comes in.
 *
 * Owns: the logistic regression and the one-hidden-layer MLP in the exact
 * parameter order of `ModelSnapshot.params`, the shapes their tensors take
 * here, and turning the products read back from the backend into plain
 * gradients.
 * Must not touch: optimisation (train.ts) or memory management; every caller
 * runs the tensor functions here inside `tf.tidy`, and the `...Direct`
 * functions through the `DirectKernels` it passes, which frees what they make.
 *
 * Training the MLP on wasm reads its batch laid out units by rows instead
 * (unitPass.ts); this layout serves prediction and the logistic model (their
 * kernels called directly: the `...Direct` functions) and training the MLP
 * elsewhere (the cpu fallback, or a hidden layer the pool cannot average).
 *
 * Why this shape (measured on the wasm backend with 14,000 rows; see
 * bench/roofline.ts): a step is a handful of large operations and nothing
 * small. The wasm backend runs a product on XNNPACK only when neither operand
 * is transposed (a transposed one takes a naive loop, 5-10x slower), and it
 * packs the right-hand operand into its own layout on first use, caching that
 * by tensor: packing 14,000 rows costs about 0.6 ms, the product itself
 * 0.04-0.3 ms. So the data X (n x inputs, a trailing 1 for the bias) is the
 * left operand of the forward products (never packed; the small weight matrix
 * is) and the right operand of the one gradient product, packed once per job
 * and reused by every step. Activations and the output bias are fused into
 * the products. The MLP's backward pass is one large product, G = S X with
 * S = relu'(A) * r (hidden x inputs): the first layer's gradient is G scaled
 * by w2 per unit, and the second layer's is the row sums of G * W1, since
 * sum_i r_i h_ik = sum_j W1_kj G_kj. Those small gradients are finished in
 * plain loops (200 numbers), not in a dozen tensor operations that each cost
 * a kernel call.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DirectKernels, type Info } from './directKernels';
import type { ModelKind, Scaler } from './snapshot';
import type { TrainingData } from './trainTypes';

/** One job's batch, uploaded once. `inputs` = features + 1 (the bias column). */
export interface Batch {
  /** n x inputs, standardised rows with a trailing 1. */
  x: tf.Tensor2D;
  /** n x 1 labels. */
  y: tf.Tensor2D;
  /** n x 1, 1 - 2y: the log loss of a row is softplus(sign * z). */
  sign: tf.Tensor2D;
}

/** Rows standardised in plain code with a trailing 1 (n x inputs), as `standardize` does. */
function standardizeRows(x: Float32Array, n: number, scaler: Scaler): Float32Array {
  const f = scaler.mean.length;
  const rows = new Float32Array(n * (f + 1));
  const inv = Float32Array.from(scaler.scale, (v) => 1 / v);
  for (let i = 0, src = 0, dst = 0; i < n; i++, src += f, dst += f + 1) {
    for (let j = 0; j < f; j++) rows[dst + j] = (x[src + j] - scaler.mean[j]) * inv[j];
    rows[dst + f] = 1;
  }
  return rows;
}

/**
 * Raw rows (n x features, row-major) standardised on the backend, n x
 * inputs with a trailing column of exact ones: one product with a diagonal
 * matrix and a bias, x diag(1/scale) + [-mean/scale, 1]. It replaces a pass
 * over every value in plain code and a second upload.
 */
export function standardizeOnBackend(x: Float32Array, n: number, scaler: Scaler): tf.Tensor2D {
  const f = scaler.mean.length;
  const inputs = f + 1;
  // The cpu backend's products are plain loops: there the plain pass is faster.
  if (tf.getBackend() === 'cpu') return tf.tensor2d(standardizeRows(x, n, scaler), [n, inputs]);
  const { diagonal, shift } = standardizeOperands(scaler);
  return product(
    tf.tensor2d(x, [n, f]),
    tf.tensor2d(diagonal, [f, inputs]),
    'linear',
    tf.tensor1d(shift),
  );
}

/** `standardizeOnBackend` by kernels called directly: the same kernel and operands, n x inputs. */
export function standardizeDirect(
  k: DirectKernels,
  x: Float32Array,
  n: number,
  scaler: Scaler,
): Info {
  const f = scaler.mean.length;
  const inputs = f + 1;
  if (tf.getBackend() === 'cpu') return k.upload(standardizeRows(x, n, scaler), [n, inputs]);
  const { diagonal, shift } = standardizeOperands(scaler);
  const out = k.run(
    '_FusedMatMul',
    {
      a: k.upload(x, [1, n, f]),
      b: k.upload(diagonal, [1, f, inputs]),
      bias: k.upload(shift, [inputs]),
    },
    FUSED_LINEAR,
  );
  return DirectKernels.view(out, [n, inputs]);
}

/** The public fused product's attributes (its default leaky-ReLU slope included), activation aside. */
const FUSED_LINEAR = {
  transposeA: false,
  transposeB: false,
  activation: 'linear',
  leakyreluAlpha: 0.2,
};

/** diag(1/scale) (features x inputs) and [-mean/scale, 1]: the standardising product's operands. */
function standardizeOperands(scaler: Scaler): { diagonal: Float32Array; shift: Float32Array } {
  const f = scaler.mean.length;
  const inputs = f + 1;
  const diagonal = new Float32Array(f * inputs);
  const shift = new Float32Array(inputs);
  for (let j = 0; j < f; j++) {
    const inv = Math.fround(1 / scaler.scale[j]);
    diagonal[j * inputs + j] = inv;
    shift[j] = -scaler.mean[j] * inv;
  }
  shift[f] = 1;
  return { diagonal, shift };
}

/**
 * Probabilities (n x 1) from standardised rows `x` (n x inputs) by kernels
 * called directly: the fused products `forward` runs with 'sigmoid'.
 */
export function probabilitiesDirect(
  k: DirectKernels,
  kind: ModelKind,
  params: Float32Array[],
  x: Info,
): Info {
  const [n, inputs] = x.shape;
  const rows = DirectKernels.view(x, [1, n, inputs]);
  const fused = (a: Info, b: Info, activation: string, bias?: Info): Info =>
    k.run('_FusedMatMul', bias ? { a, b, bias } : { a, b }, { ...FUSED_LINEAR, activation });
  if (kind === 'logistic') return fused(rows, k.upload(params[0], [1, inputs, 1]), 'sigmoid');
  const [w1t, w2t, b2] = params;
  const hidden = w2t.length;
  const h = fused(rows, k.upload(w1t, [1, inputs, hidden]), 'relu');
  return fused(h, k.upload(w2t, [1, hidden, 1]), 'sigmoid', k.upload(b2, [1]));
}

/** The shapes parameters are uploaded in (weights transposed: inputs on the left). */
export function tensorShapes(kind: ModelKind, features: number, hidden: number): number[][] {
  const inputs = features + 1;
  return kind === 'logistic' ? [[inputs, 1]] : [[inputs, hidden], [hidden, 1], [1]];
}

/** The snapshot's parameters as float32 data in `tensorShapes` order (W1 transposed). */
export function tensorData(kind: ModelKind, params: ArrayLike<number>[]): Float32Array[] {
  if (kind === 'logistic') return [Float32Array.from(params[0])];
  const [w1, w2, b2] = params;
  const hidden = w2.length;
  const inputs = w1.length / hidden;
  const w1t = new Float32Array(w1.length);
  for (let k = 0; k < hidden; k++) {
    for (let j = 0; j < inputs; j++) w1t[j * hidden + k] = w1[k * inputs + j];
  }
  return [w1t, Float32Array.from(w2), Float32Array.from(b2)];
}

/** Uploads `tensorData` in `tensorShapes`. */
export function uploadParams(data: Float32Array[], shapes: number[][]): tf.Tensor[] {
  return data.map((d, i) => tf.tensor(d, shapes[i]));
}

/** a b (+ bias) through one fused kernel, then the activation; both operands untransposed. */
function product(
  a: tf.Tensor2D,
  b: tf.Tensor,
  activation: 'linear' | 'relu',
  bias?: tf.Tensor,
): tf.Tensor2D {
  // A rank-2 product of rank-2 operands is rank 2; fused.matMul is typed as Tensor.
  return tf.fused.matMul({ a, b, bias, activation }) as tf.Tensor2D;
}

/** Logits (n x 1) and the MLP's hidden layer (n x hidden); probabilities: `probabilitiesDirect`. */
export function forward(
  kind: ModelKind,
  params: tf.Tensor[],
  x: tf.Tensor2D,
): { out: tf.Tensor2D; h: tf.Tensor2D | null } {
  if (kind === 'logistic') return { out: product(x, params[0], 'linear'), h: null };
  const [w1t, w2t, b2] = params;
  const h = product(x, w1t, 'relu');
  return { out: product(h, w2t, 'linear', b2), h };
}

/**
 * 1 - 2y on the backend, from labels already uploaded: the sign a row's log
 * loss softplus(sign * z) needs. Exact for labels of 0 and 1, and no buffer
 * of n numbers per job in plain code (the garbage of every job counts: see
 * RowBuffer in src/sim/ops/jobs.ts).
 */
export function signOf<T extends tf.Tensor>(y: T): T {
  return tf.tidy(() => tf.sub(tf.scalar(1), tf.mul(tf.scalar(2), y)));
}

/** A job's batch uploaded by kernels called directly: `Batch`'s three, as records. */
export interface DirectBatch {
  /** n x inputs, standardised rows with a trailing 1. */
  x: Info;
  /** n x 1 labels. */
  y: Info;
  /** n x 1, 1 - 2y. */
  sign: Info;
}

/**
 * The batch as `standardizeOnBackend` and `signOf` make it, by the same
 * kernels called directly through `k`; it lives until `k` is released.
 */
export function uploadBatchDirect(
  k: DirectKernels,
  data: TrainingData,
  scaler: Scaler,
): DirectBatch {
  const y = k.upload(data.y, [data.n, 1]);
  const twice = k.run('Multiply', { a: k.upload(Float32Array.of(2), []), b: y });
  return {
    x: standardizeDirect(k, data.x, data.n, scaler),
    y,
    sign: k.run('Sub', { a: k.upload(Float32Array.of(1), []), b: twice }),
  };
}

/** Mean log loss from logits: mean(softplus(sign * z)), with kernels the wasm backend runs fast. */
export function meanLogLoss(z: tf.Tensor2D, batch: Batch): tf.Scalar {
  // softplus(t) = relu(t) - log(sigmoid(|t|)): exact, and sigmoid(|t|) >= 1/2
  // never underflows, so a diverged model still has a finite, huge loss.
  const t = tf.mul(z, batch.sign);
  return tf.mean(tf.sub(tf.relu(t), tf.log(tf.sigmoid(tf.abs(t)))));
}

/** `meanLogLoss` from logits `z` and signs 1 - 2y, by the same kernels called directly through `k`. */
export function meanLogLossDirect(k: DirectKernels, z: Info, sign: Info): Info {
  const t = k.run('Multiply', { a: z, b: sign });
  const logSigmoid = k.run('Log', { x: k.run('Sigmoid', { x: k.run('Abs', { x: t }) }) });
  const softplus = k.run('Sub', { a: k.run('Relu', { x: t }), b: logSigmoid });
  return k.run('Mean', { x: softplus }, { axis: null, keepDims: false });
}

/**
 * One pass over the batch: the large products of the gradient at `params`
 * (read back and finished by `finishGradients`) and, when asked, the loss
 * there. logistic: [u = r^T X]; mlp: [G = S X, sum(r)], r = p - y.
 */
export function gradientProducts(
  kind: ModelKind,
  params: tf.Tensor[],
  batch: Batch,
  withLoss: boolean,
): { products: tf.Tensor[]; loss: tf.Scalar | null } {
  const n = batch.x.shape[0];
  const { out: z, h } = forward(kind, params, batch.x);
  const loss = withLoss ? meanLogLoss(z, batch) : null;
  // n x 1 and 1 x n hold the same numbers: the reshape is free.
  const r = tf.reshape(tf.sub(tf.sigmoid(z), batch.y), [1, n]);
  if (kind === 'logistic' || !h) return { products: [tf.matMul(r, batch.x)], loss };
  return { products: [hiddenGradientProduct(h, r, batch.x), tf.sum(r)], loss };
}

/**
 * G = S X with S = relu'(A) * r (hidden x inputs). On wasm, relu'(A) is
 * transposed to hidden x n so the product keeps X as its packed right
 * operand (a transposed operand would take a naive loop). The cpu backend is
 * the other way round: it reads a transposed operand for free, while its
 * transpose and its broadcasting multiply walk index tuples element by
 * element (10x a product), so there r is spread over the hidden units by an
 * outer product and the left operand is read transposed.
 */
function hiddenGradientProduct(h: tf.Tensor2D, r: tf.Tensor, x: tf.Tensor2D): tf.Tensor {
  if (tf.getBackend() !== 'cpu') return tf.matMul(tf.mul(tf.transpose(tf.step(h)), r), x);
  const spread = tf.matMul(r, tf.ones([1, h.shape[1]]), true, false);
  return tf.matMul(tf.mul(tf.step(h), spread), x, true, false);
}

/**
 * The mean gradient of each parameter (snapshot order) from the products
 * read back, at the float32 parameter values (snapshot layout) the products
 * were computed with.
 */
export function finishGradients(
  kind: ModelKind,
  used: Float32Array[],
  products: Float32Array[],
  n: number,
  out: Float64Array[],
): void {
  if (kind === 'logistic') {
    const [u] = products;
    const [g] = out;
    for (let j = 0; j < g.length; j++) g[j] = u[j] / n;
    return;
  }
  const [w1, w2] = used;
  const [big, rSum] = products;
  const [g1, g2, gb] = out;
  const hidden = w2.length;
  const inputs = w1.length / hidden;
  for (let k = 0; k < hidden; k++) {
    let s = 0;
    for (let j = 0, o = k * inputs; j < inputs; j++, o++) {
      s += w1[o] * big[o];
      g1[o] = (w2[k] * big[o]) / n;
    }
    g2[k] = s / n;
  }
  gb[0] = rSum[0] / n;
}
