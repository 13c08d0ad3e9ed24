/**
 * Newton's method for the logistic model, as plain numbers: the ridge
 * system of one pass, its solution, the step and the stopping rule.
 *
 * Owns: the algorithm both logistic trainers run (the TF.js one in
 * logistic.ts and the benchmark's plain-TS twin in bench/reference.ts), so
 * they take the same steps and stop at the same one.
 * Must not touch: tensors; a trainer hands in its own pass over the batch.
 *
 * Why Newton: the logistic loss with an L2 penalty is convex and smooth in
 * 11 parameters, so a step that solves the 11 x 11 system of its second
 * derivatives (the Hessian X^T diag(p (1 - p)) X / n + l2 diag(mask))
 * reaches the minimum in a handful of steps where Adam took hundreds from a
 * cold start, and a warm job (yesterday's weights, a window one day newer)
 * is done after one or two. The system costs one extra product per pass.
 *
 * The learning rate scales the step: at `WHOLE_STEP_RATE` (the shared
 * default of src/sim/ops/jobs.ts) a job takes whole Newton steps; a rate of
 * 100 takes steps 2,000 times too long, and the loss blows up as it did
 * under Adam, so the lab's "watch a job blow up" still works.
 */

import type { Scaler } from './snapshot';

/** The learning rate at which a job takes whole Newton steps. */
export const WHOLE_STEP_RATE = 0.05;

/**
 * A job is done when the loss Newton's method still expects to shed (half
 * the Newton decrement, g^T H^-1 g / 2) is below this share of the loss: a
 * weight is then within about a thousandth of the minimum.
 */
export const NEWTON_TOLERANCE = 1e-5;

/** A trainer's pass at float32 weights `w`: the mean log loss and u = r^T X (r = p - y). */
export type NewtonPass = (w: Float32Array) => { loss: number; u: ArrayLike<number> };

export interface NewtonRun {
  /** The weights of the last pass (float32, as the trainer used them). */
  weights: Float32Array;
  /** The mean loss at every pass, step 0 = the start. */
  losses: { step: number; loss: number }[];
  /** Newton steps taken. */
  steps: number;
}

/** Rows the Hessian is summed over: at most this many, evenly spaced through the batch. */
export const HESSIAN_ROWS = 1024;

/**
 * The Hessian's sums X^T diag(p (1 - p)) X over every `stride`-th row
 * (standardised here in plain code, with the trailing 1), scaled up to the
 * whole batch; m x m, row-major.
 */
export function sampledHessianSums(
  data: { x: Float32Array; n: number; features: number },
  scaler: Scaler,
  w: ArrayLike<number>,
): Float64Array {
  const { x, n, features: f } = data;
  const m = f + 1;
  const stride = Math.max(1, Math.ceil(n / HESSIAN_ROWS));
  const mean = Float64Array.from(scaler.mean);
  const inv = new Float64Array(f);
  for (let j = 0; j < f; j++) inv[j] = 1 / scaler.scale[j];
  const weights = Float64Array.from(w);
  const row = new Float64Array(m);
  row[f] = 1;
  // The lower triangle, packed row by row (m (m + 1) / 2 entries).
  const tri = new Float64Array((m * (m + 1)) / 2);
  let rows = 0;
  for (let i = 0; i < n; i += stride, rows++) {
    let z = weights[f];
    for (let j = 0, o = i * f; j < f; j++) {
      const v = (x[o + j] - mean[j]) * inv[j];
      row[j] = v;
      z += weights[j] * v;
    }
    const p = 1 / (1 + Math.exp(-z));
    const d = p * (1 - p);
    for (let j = 0, t = 0; j < m; j++) {
      const dj = d * row[j];
      for (let k = 0; k <= j; k++, t++) tri[t] += dj * row[k];
    }
  }
  const up = n / rows;
  const sums = new Float64Array(m * m);
  for (let j = 0, t = 0; j < m; j++) {
    for (let k = 0; k <= j; k++, t++) {
      sums[j * m + k] = tri[t] * up;
      sums[k * m + j] = tri[t] * up;
    }
  }
  return sums;
}

/** The penalised gradient u / n + l2 mask w. */
function gradientOf(
  u: ArrayLike<number>,
  w: ArrayLike<number>,
  n: number,
  l2: number,
  mask: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) out[j] = u[j] / n + l2 * mask[j] * w[j];
  return out;
}

/** The penalised Hessian S / n + l2 diag(mask) (m x m, row-major). */
function hessianOf(
  s: ArrayLike<number>,
  n: number,
  l2: number,
  mask: ArrayLike<number>,
): Float64Array {
  const m = mask.length;
  const out = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) out[i] = s[i] / n;
  for (let j = 0; j < m; j++) out[j * m + j] += l2 * mask[j];
  return out;
}
/**
 * Solves H d = g by Cholesky (H symmetric positive definite, m x m). A
 * pivot that is not positive (a column of the batch that never varies and no
 * penalty on it) is held at a tiny positive value, so that direction gets
 * no step instead of an infinite one.
 */
export function solveSymmetric(h: Float64Array, g: Float64Array): Float64Array {
  const m = g.length;
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let diag = h[j * m + j];
    for (let k = 0; k < j; k++) diag -= l[j * m + k] * l[j * m + k];
    const pivot = Math.sqrt(diag > 1e-12 ? diag : 1e-12);
    l[j * m + j] = pivot;
    for (let i = j + 1; i < m; i++) {
      let v = h[i * m + j];
      for (let k = 0; k < j; k++) v -= l[i * m + k] * l[j * m + k];
      l[i * m + j] = v / pivot;
    }
  }
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let v = g[i];
    for (let k = 0; k < i; k++) v -= l[i * m + k] * out[k];
    out[i] = v / l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let v = out[i];
    for (let k = i + 1; k < m; k++) v -= l[k * m + i] * out[k];
    out[i] = v / l[i * m + i];
  }
  return out;
}

/** The Newton direction H^-1 g and whether the loss left to gain (half g^T H^-1 g) is negligible. */
function direction(
  gradient: Float64Array,
  hessian: Float64Array,
  loss: number,
): { d: Float64Array; done: boolean } {
  const d = solveSymmetric(hessian, gradient);
  let decrement = 0;
  for (let j = 0; j < d.length; j++) decrement += gradient[j] * d[j];
  return { d, done: decrement / 2 <= NEWTON_TOLERANCE * Math.abs(loss) };
}

/** Halvings of a step whose objective rose before it is taken anyway (and ends the job). */
export const MAX_HALVINGS = 5;

/** The L2 penalty l2/2 |mask w|^2: the objective is the mean log loss plus this. */
function penalty(w: ArrayLike<number>, l2: number, mask: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < w.length; j++) sum += mask[j] * w[j] * w[j];
  return (l2 / 2) * sum;
}

/**
 * Newton's method from `start` on `data` (raw rows; `pass` runs on the
 * trainer's own standardised copy). Each step goes to
 * w - t (learningRate / WHOLE_STEP_RATE) H^-1 g, with t = 1 halved (at most
 * `MAX_HALVINGS` times) while the objective (mean log loss + L2 penalty)
 * would rise: far from the minimum (labels gone bad, a new season) a whole
 * step overshoots. A step still worse after the halvings is taken and ends
 * the job, so a learning rate far too high still blows the loss up. The job
 * also stops when the loss is not finite, the step budget is spent, or the
 * decrement says the minimum is reached. A job takes at least one step.
 *
 * The gradient is exact (every row); the Hessian is summed over at most
 * `HESSIAN_ROWS` evenly spaced rows, in plain code (a sub-sampled Newton
 * step: the minimum it finds is the same, since only the gradient defines
 * it, and a 1,024-row Hessian is close enough that a warm job still lands
 * in one step). Whether to stop is first asked of the previous Hessian, so
 * a warm job's closing pass sums none.
 */
export function newtonRun(
  start: Float32Array,
  options: { steps: number; learningRate: number; l2: number },
  data: { x: Float32Array; n: number; features: number },
  scaler: Scaler,
  mask: ArrayLike<number>,
  pass: NewtonPass,
): NewtonRun {
  const { l2 } = options;
  const scale = options.learningRate / WHOLE_STEP_RATE;
  let used = start;
  let current = pass(used);
  const losses = [{ step: 0, loss: current.loss }];
  let steps = 0;
  let hessian: Float64Array | null = null;
  while (Number.isFinite(current.loss) && steps < options.steps) {
    const objective = current.loss + penalty(used, l2, mask);
    const gradient = gradientOf(current.u, used, data.n, l2, mask);
    if (hessian && direction(gradient, hessian, objective).done) break;
    hessian = hessianOf(sampledHessianSums(data, scaler, used), data.n, l2, mask);
    const { d, done } = direction(gradient, hessian, objective);
    if (done && steps > 0) break;
    let t = 1;
    let next: Float32Array;
    let after: ReturnType<NewtonPass>;
    let rose: boolean;
    for (let halvings = 0; ; halvings++, t /= 2) {
      next = new Float32Array(used.length);
      for (let j = 0; j < used.length; j++) next[j] = used[j] - t * scale * d[j];
      after = pass(next);
      rose = !(after.loss + penalty(next, l2, mask) <= objective);
      // A step at the minimum already (`done`: the one every job takes) is not searched.
      if (!rose || done || halvings === MAX_HALVINGS) break;
    }
    used = next;
    current = after;
    steps++;
    losses.push({ step: steps, loss: current.loss });
    if (rose) break;
  }
  return { weights: used, losses, steps };
}
