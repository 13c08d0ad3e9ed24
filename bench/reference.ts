/**
 * The plain-TypeScript reference trainer: the same algorithm as
 * src/sim/model/train.ts, written as typed-array loops with no TF.js.
 *
 * Owns: `referenceTrain` and `referencePredict` (same signatures and return
 * shapes as `train` and `predict`), and `referenceTrainer`, the pair the
 * benchmark hands to the engine to measure what TF.js costs over plain loops.
 * Must not touch: src/ (only its plain-TS pieces are reused: the scaler,
 * initialiser, L2 masks, early-stopping rule, Newton step and types).
 *
 * Algorithm, step for step as in train.ts: scaler fitted on the job's rows
 * (or the parent's), standardised rows with a trailing bias 1. The logistic
 * model starts from zeros and takes Newton steps (src/sim/model/newton.ts,
 * shared with the TF.js trainer: the step, the sampled Hessian and the
 * stopping rule; only the pass over the rows is written here). The MLP
 * starts Glorot-uniform from the same seeded draws and takes full-batch Adam (beta1 .9, beta2 .999, eps 1e-8, lrT = lr sqrt(1-b2^t) /
 * (1-b1^t)), L2 on weights only, and the mean log loss recorded at step
 * t - 1 every `lossEvery` steps and for the final weights. Sums run in
 * float64; parameters are returned as float32, like the TF.js snapshot.
 */
import type { Trainer } from '../src/sim/model';
import { startingPoint } from '../src/sim/model/init';
import { type NewtonPass, newtonRun } from '../src/sim/model/newton';
import { shouldStop } from '../src/sim/model/stopping';
import {
  l2Masks,
  type ModelKind,
  type ModelSnapshot,
  standardize,
} from '../src/sim/model/snapshot';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** 1 where L2 applies, 0 on biases: the TF.js trainer's own masks, widened. */
function masks(kind: ModelKind, features: number, hidden: number): Float64Array[] {
  return l2Masks(kind, features, hidden).map((m) => Float64Array.from(m));
}

/** sigmoid(z) - y: one row's residual, stable for any z. */
function residual(z: number, y: number): number {
  const e = Math.exp(-Math.abs(z));
  return (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - y;
}

/** softplus(z) - z y: one row's log loss (TF.js computes the mean of the same form). */
const rowLoss = (z: number, y: number): number =>
  Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - z * y;

/** One job's fixed inputs: standardised rows (n x inputs, trailing 1) and labels. */
interface Batch {
  rows: Float32Array;
  y: Float32Array;
  n: number;
  inputs: number;
}

/**
 * One full pass over the batch: fills `grads` with the mean log-loss gradient
 * at `params`; returns the mean log loss there when `withLoss`, else NaN.
 */
type Pass = (params: Float64Array[], grads: Float64Array[], b: Batch, withLoss: boolean) => number;

const logisticPass: Pass = ([w], [g], { rows, y, n, inputs }, withLoss) => {
  g.fill(0);
  let loss = 0;
  for (let i = 0, o = 0; i < n; i++, o += inputs) {
    let z = 0;
    for (let j = 0; j < inputs; j++) z += w[j] * rows[o + j];
    if (withLoss) loss += rowLoss(z, y[i]);
    const r = residual(z, y[i]);
    for (let j = 0; j < inputs; j++) g[j] += r * rows[o + j];
  }
  for (let j = 0; j < inputs; j++) g[j] /= n;
  return withLoss ? loss / n : NaN;
};

const mlpPass: Pass = ([w1, w2, b2], grads, { rows, y, n, inputs }, withLoss) => {
  const [g1, g2, gb] = grads;
  for (const g of grads) g.fill(0);
  const hidden = w2.length;
  const a1 = new Float64Array(hidden);
  let loss = 0;
  for (let i = 0, o = 0; i < n; i++, o += inputs) {
    let z = b2[0];
    for (let k = 0; k < hidden; k++) {
      let s = 0;
      const base = k * inputs;
      for (let j = 0; j < inputs; j++) s += w1[base + j] * rows[o + j];
      a1[k] = s;
      if (s > 0) z += w2[k] * s;
    }
    if (withLoss) loss += rowLoss(z, y[i]);
    const r = residual(z, y[i]);
    gb[0] += r;
    for (let k = 0; k < hidden; k++) {
      if (a1[k] <= 0) continue;
      g2[k] += r * a1[k];
      const d = r * w2[k];
      const base = k * inputs;
      for (let j = 0; j < inputs; j++) g1[base + j] += d * rows[o + j];
    }
  }
  for (const g of grads) for (let j = 0; j < g.length; j++) g[j] /= n;
  return withLoss ? loss / n : NaN;
};

/** The logistic model's Newton pass over the batch at float32 weights: the mean loss and r^T X. */
const newtonPass =
  (batch: Batch): NewtonPass =>
  (w) => {
    const params = [Float64Array.from(w)];
    const grads = [new Float64Array(w.length)];
    const loss = logisticPass(params, grads, batch, true);
    // logisticPass returns the mean gradient; Newton takes the sum r^T X.
    return { loss, u: grads[0].map((g) => g * batch.n) };
  };

/** `train` from src/sim/model/train.ts, in plain loops (its type, so the signatures cannot drift). */
export const referenceTrain: Trainer['train'] = (data, options, parent, initRng, minScale) => {
  if (data.n === 0) throw new Error('cannot train on zero rows');
  const { kind, hidden, l2 } = options;
  const { n, features } = data;
  const start = startingPoint(data, kind, hidden, parent, initRng, minScale);
  const { scaler } = start;
  const { rows } = standardize(data.x, n, scaler, true);
  if (!rows) throw new Error('standardize returned no rows');
  const batch: Batch = { rows, y: data.y, n, inputs: features + 1 };
  if (kind === 'logistic') {
    const [mask] = l2Masks(kind, features, hidden);
    const run = newtonRun(start.params[0], options, data, scaler, mask, newtonPass(batch));
    return {
      snapshot: { kind, features, hidden, scaler, params: [run.weights] },
      losses: run.losses,
      finalLoss: run.losses[run.losses.length - 1].loss,
      steps: run.steps,
    };
  }
  const params = start.params.map((p) => Float64Array.from(p));
  const pass = mlpPass;
  const mask = masks(kind, features, hidden);
  const grads = params.map((p) => new Float64Array(p.length));
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const losses: { step: number; loss: number }[] = [];
  let steps = 0;

  for (let t = 1; t <= options.steps; t++) {
    const record = (t - 1) % options.lossEvery === 0;
    const loss = pass(params, grads, batch, record);
    if (record) losses.push({ step: t - 1, loss });
    steps = t;
    const lrT = (options.learningRate * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
    params.forEach((w, i) => {
      const [g, mi, vi, mk] = [grads[i], m[i], v[i], mask[i]];
      for (let j = 0; j < w.length; j++) {
        const gj = g[j] + l2 * mk[j] * w[j];
        mi[j] = BETA1 * mi[j] + (1 - BETA1) * gj;
        vi[j] = BETA2 * vi[j] + (1 - BETA2) * gj * gj;
        w[j] -= (lrT * mi[j]) / (Math.sqrt(vi[j]) + EPSILON);
      }
    });
    if (record && shouldStop(losses, options.minImprovement)) break;
  }
  const last = pass(params, grads, batch, true);
  losses.push({ step: steps, loss: last });
  return {
    snapshot: { kind, features, hidden, scaler, params: params.map((p) => Float32Array.from(p)) },
    losses,
    finalLoss: losses[losses.length - 1].loss,
    steps,
  };
};

/** `predict` from src/sim/model/train.ts, in plain loops. */
export function referencePredict(
  snapshot: ModelSnapshot,
  x: Float32Array,
  n: number,
): Float32Array {
  const out = new Float32Array(n);
  if (n === 0) return out;
  const { cols } = standardize(x, n, snapshot.scaler, false);
  const inputs = snapshot.features + 1;
  const z = new Float64Array(n);
  if (snapshot.kind === 'logistic') {
    const w = snapshot.params[0];
    for (let j = 0; j < inputs; j++) {
      const wj = w[j];
      const base = j * n;
      for (let i = 0; i < n; i++) z[i] += wj * cols[base + i];
    }
  } else {
    const [w1, w2, b2] = snapshot.params;
    const a = new Float64Array(n);
    z.fill(b2[0]);
    for (let k = 0; k < snapshot.hidden; k++) {
      a.fill(0);
      for (let j = 0; j < inputs; j++) {
        const wj = w1[k * inputs + j];
        const base = j * n;
        for (let i = 0; i < n; i++) a[i] += wj * cols[base + i];
      }
      for (let i = 0; i < n; i++) if (a[i] > 0) z[i] += w2[k] * a[i];
    }
  }
  for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-z[i]));
  return out;
}

/** The pair the engine takes as its `trainer`. */
export const referenceTrainer: Trainer = { train: referenceTrain, predict: referencePredict };
