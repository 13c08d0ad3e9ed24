/**
 * Newton's method for the logistic model (src/sim/model/newton.ts): the
 * 11 x 11 solve, the sampled Hessian, the stopping rule and the step scale.
 *
 * Owns: the proof that the plain algebra both logistic trainers share is
 * right on its own: the solve against its system, the sampled sums against
 * the full ones, the minimum reached (the exact gradient is zero there), and
 * the learning rate's meaning (whole steps at the jobs' default).
 */
import { describe, expect, it } from 'vitest';
import {
  HESSIAN_ROWS,
  newtonRun,
  sampledHessianSums,
  solveSymmetric,
  WHOLE_STEP_RATE,
} from '../../src/sim/model/newton';
import { fitScaler, standardize } from '../../src/sim/model/snapshot';
import { TRAINING } from '../../src/sim/ops/jobs';
import { createRng } from '../../src/sim/rng';

const F = 4;

function dataset(n: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float32Array(n * F);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.normal() + 0.6 * a;
    x.set([3 + 2 * a, 40 + 10 * b, rng.bernoulli(0.3), 7], i * F);
    y[i] = rng.bernoulli(1 / (1 + Math.exp(-(0.5 + 1.5 * a - b))));
  }
  const scaler = fitScaler(x, n, F, new Float32Array(F).fill(0.1));
  return { data: { x, y, n, features: F }, scaler };
}

/** A plain float64 pass: mean log loss and r^T X over every standardised row. */
function plainPass(data: ReturnType<typeof dataset>['data'], rows: Float32Array) {
  const m = F + 1;
  return (w: Float32Array) => {
    const u = new Float64Array(m);
    let loss = 0;
    for (let i = 0; i < data.n; i++) {
      let z = 0;
      for (let j = 0; j < m; j++) z += w[j] * rows[i * m + j];
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - z * data.y[i];
      const r = 1 / (1 + Math.exp(-z)) - data.y[i];
      for (let j = 0; j < m; j++) u[j] += r * rows[i * m + j];
    }
    return { loss: loss / data.n, u };
  };
}

const MASK = Float32Array.from([1, 1, 1, 1, 0]);

describe('newton', () => {
  it('solves a symmetric positive definite system', () => {
    const h = Float64Array.from([4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2]);
    const g = Float64Array.from([1, -2, 0.5]);
    const d = solveSymmetric(h, g);
    for (let i = 0; i < 3; i++) {
      const hd = h[i * 3] * d[0] + h[i * 3 + 1] * d[1] + h[i * 3 + 2] * d[2];
      expect(hd).toBeCloseTo(g[i], 12);
    }
  });

  it('sums the Hessian over every row of a small batch, and over an even sample of a large one', () => {
    const small = dataset(HESSIAN_ROWS, 1);
    const w = Float32Array.from([0.3, -0.2, 0.1, 0, 0.4]);
    const { rows } = standardize(small.data.x, small.data.n, small.scaler, true);
    const full = new Float64Array(25);
    for (let i = 0; i < small.data.n; i++) {
      let z = 0;
      for (let j = 0; j < 5; j++) z += w[j] * rows![i * 5 + j];
      const p = 1 / (1 + Math.exp(-z));
      for (let j = 0; j < 5; j++) {
        for (let k = 0; k < 5; k++)
          full[j * 5 + k] += p * (1 - p) * rows![i * 5 + j] * rows![i * 5 + k];
      }
    }
    const sums = sampledHessianSums(small.data, small.scaler, w);
    sums.forEach((v, i) => expect(v).toBeCloseTo(full[i], 2));
    // Four times the rows: a quarter of them, scaled up, near the same per-row average.
    const large = dataset(4 * HESSIAN_ROWS, 1);
    const sampled = sampledHessianSums(large.data, large.scaler, w);
    expect(sampled[0] / large.data.n).toBeCloseTo(full[0] / small.data.n, 1);
    expect(sampled[24] / large.data.n).toBeCloseTo(full[24] / small.data.n, 1);
  });

  it('reaches the penalised minimum from zeros in a few steps: the exact gradient is ~0 there', () => {
    const { data, scaler } = dataset(5000, 2);
    const { rows } = standardize(data.x, data.n, scaler, true);
    const pass = plainPass(data, rows!);
    const options = { steps: 250, learningRate: WHOLE_STEP_RATE, l2: 1e-3 };
    const run = newtonRun(new Float32Array(5), options, data, scaler, MASK, pass);
    expect(run.steps).toBeGreaterThan(2);
    expect(run.steps).toBeLessThan(10);
    const { u } = pass(run.weights);
    run.weights.forEach((w, j) => {
      expect(Math.abs(u[j] / data.n + 1e-3 * MASK[j] * w)).toBeLessThan(2e-3);
    });
    // The constant feature keeps exactly zero weight.
    expect(run.weights[3]).toBe(0);
    // Each recorded loss fell.
    run.losses.slice(1).forEach((l, i) => expect(l.loss).toBeLessThan(run.losses[i].loss));
  });

  it('scales the step by the learning rate: whole steps at the jobs default, a blow-up far above it', () => {
    expect(WHOLE_STEP_RATE).toBe(TRAINING.learningRate);
    const { data, scaler } = dataset(3000, 3);
    const { rows } = standardize(data.x, data.n, scaler, true);
    const pass = plainPass(data, rows!);
    const run = (learningRate: number, steps = 250) =>
      newtonRun(new Float32Array(5), { steps, learningRate, l2: 1e-3 }, data, scaler, MASK, pass);
    const slow = run(WHOLE_STEP_RATE / 4);
    expect(slow.steps).toBeGreaterThan(run(WHOLE_STEP_RATE).steps);
    const wild = run(100);
    expect(wild.steps).toBe(1);
    expect(wild.losses[1].loss).toBeGreaterThan(2 * wild.losses[0].loss);
    expect(run(WHOLE_STEP_RATE, 2).steps).toBe(2);
  });

  it('halves a step that would raise the objective: far from the minimum a whole step overshoots', () => {
    const { data, scaler } = dataset(3000, 4);
    const { rows } = standardize(data.x, data.n, scaler, true);
    const pass = plainPass(data, rows!);
    // Far from the minimum: large weights of the wrong sign.
    const start = Float32Array.from([-6, 6, 3, 0, -4]);
    let passes = 0;
    const counted = (w: Float32Array) => (passes++, pass(w));
    const options = { steps: 250, learningRate: WHOLE_STEP_RATE, l2: 1e-3 };
    const run = newtonRun(start, options, data, scaler, MASK, counted);
    // Some step was searched (more passes than steps + 1), and every recorded loss fell.
    expect(passes).toBeGreaterThan(run.steps + 1);
    run.losses.slice(1).forEach((l, i) => expect(l.loss).toBeLessThan(run.losses[i].loss));
    const fromZeros = newtonRun(new Float32Array(5), options, data, scaler, MASK, pass);
    expect(run.losses[run.losses.length - 1].loss).toBeCloseTo(fromZeros.losses.at(-1)!.loss, 4);
  });
});
