/**
 * The machine's limit for a training job, measured: how many floating-point
 * operations per second the running backend reaches on plain matrix products
 * of a job's own shapes, and how many a job's forward and backward passes
 * need.
 *
 * Owns: `matMulThroughput` (timed products, for the benchmark's roofline
 * line) and `passFlops` (the operation count of one pass of each model).
 * Must not touch: training. Only the benchmark calls this file.
 *
 * The products are timed the way the trainer runs them (both operands
 * untransposed; the right operand is the same tensor on every call, so the
 * wasm backend packs it once, as it packs a job's data once), after a
 * warm-up, with the fastest of several rounds kept: a shared machine only
 * ever adds time.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HESSIAN_ROWS } from './newton';
import type { ModelKind } from './snapshot';

export interface ProductShape {
  label: string;
  /** rows of the left operand */
  m: number;
  /** the shared dimension */
  k: number;
  /** columns of the right operand */
  n: number;
}

export interface ProductSpeed extends ProductShape {
  /** Fastest time of one product, ms. */
  ms: number;
  /** 2 m k n / time. */
  gflops: number;
}

/** A deterministic fill (no random source): values in [-1, 1). */
function filled(size: number, salt: number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = ((i * 7919 + salt * 104729) % 2003) / 1001.5 - 1;
  return out;
}

/**
 * Times `a (m x k) @ b (k x n)` for each shape on the running backend, by the
 * caller's clock (src/sim never reads one itself).
 */
export function matMulThroughput(
  shapes: ProductShape[],
  now: () => number,
  rounds = 7,
  perRound = 10,
): ProductSpeed[] {
  return shapes.map((shape) => {
    const { m, k, n } = shape;
    const a = tf.tensor2d(filled(m * k, 1), [m, k]);
    const b = tf.tensor2d(filled(k * n, 2), [k, n]);
    const once = () => tf.matMul(a, b).dispose();
    for (let i = 0; i < 3; i++) once();
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rounds; r++) {
      const t0 = now();
      for (let i = 0; i < perRound; i++) once();
      best = Math.min(best, (now() - t0) / perRound);
    }
    tf.dispose([a, b]);
    return { ...shape, ms: best, gflops: (2 * m * k * n) / (best * 1e6) };
  });
}

/**
 * Floating-point operations per row of one forward and backward pass, as the
 * model defines them (not as a trainer happens to compute them): a
 * multiply-add counts 2, an elementwise function 1. Logistic: z = w.x (2I),
 * sigmoid, r = p - y, gradient r x (2I). MLP: forward W1 x (2IH), relu (H),
 * w2.h (2H), bias and sigmoid (2); backward r (1), the gradients of w2 (2H)
 * and b2 (1), the error at the hidden layer w2 r relu'(a) (2H), the gradient
 * of W1 (2IH).
 */
export function passFlops(kind: ModelKind, inputs: number, hidden: number): number {
  if (kind === 'logistic') return 4 * inputs + 2;
  return 4 * inputs * hidden + 7 * hidden + 4;
}

/**
 * Operations of a logistic (Newton) job: every pass, the first included, is
 * a forward and backward pass over all rows, and each step sums its Hessian
 * on a sample of rows (its forward pass, then I (I + 1) / 2 multiply-adds).
 */
export function newtonJobFlops(rows: number, inputs: number, steps: number): number {
  const sample = Math.ceil(rows / Math.max(1, Math.ceil(rows / HESSIAN_ROWS)));
  return (
    rows * (steps + 1) * passFlops('logistic', inputs, 0) +
    steps * sample * (forwardFlops('logistic', inputs, 0) + inputs * (inputs + 1) + 2)
  );
}

/** Operations per row of a forward pass alone (a job's final loss). */
export function forwardFlops(kind: ModelKind, inputs: number, hidden: number): number {
  if (kind === 'logistic') return 2 * inputs + 1;
  return 2 * inputs * hidden + 3 * hidden + 2;
}

/** The products of a job's passes with `rows` rows, in the trainer's layout. */
export function jobShapes(
  kind: ModelKind,
  rows: number,
  inputs: number,
  hidden: number,
): ProductShape[] {
  if (kind === 'logistic') {
    return [
      { label: 'forward X w', m: rows, k: inputs, n: 1 },
      { label: 'gradient r X', m: 1, k: rows, n: inputs },
    ];
  }
  // The MLP's training products on wasm (unitPass.ts); its output layer is a
  // pool over the hidden units, not a product.
  return [
    { label: 'hidden W1 Xt', m: hidden, k: inputs, n: rows },
    { label: 'gradient S X', m: hidden, k: rows, n: inputs },
  ];
}
