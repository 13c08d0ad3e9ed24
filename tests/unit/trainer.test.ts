/**
 * Today's trainer (src/sim/model/train.ts) against the trainer it replaced
 * (src/sim/model/baseline.ts), which the benchmark times beside it.
 *
 * Owns: the proof that the MLP's speed-up kept the algorithm (same recorded
 * losses within 1e-3, same weights within 1e-2, the same early stop, cold and
 * warm) and that the logistic model's new one (Newton, newton.ts) reaches at
 * least the baseline's minimum in a few steps and still blows up at a wild
 * learning rate; that a job is deterministic (same inputs, the same bits),
 * that neither leaves a tensor behind, that the cpu fallback and the wasm
 * units-by-rows pass (its pooling windows, or its fallback) train the same
 * model, and the roofline's operation count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, liveTensorCount, predict, tensorMemory, train } from '../../src/sim/model';
import type { ModelKind, TrainOptions, TrainResult, TrainingData } from '../../src/sim/model';
import { baselinePredict, baselineTrain } from '../../src/sim/model/baseline';
import { forwardFlops, newtonJobFlops, passFlops } from '../../src/sim/model/roofline';
import { createRng } from '../../src/sim/rng';
import { poolWindows } from '../../src/sim/model/unitPass';

const FEATURES = 5;
const MIN_SCALE = new Float32Array(FEATURES).fill(0.1);

/** n rows on different scales and offsets, labels from a known non-linear truth. */
function dataset(seed: number, n: number, shift = 0): TrainingData {
  const rng = createRng(seed);
  const x = new Float32Array(n * FEATURES);
  const y = new Float32Array(n);
  const scales = [1, 12, 0.3, 40, 1];
  for (let i = 0; i < n; i++) {
    const raw = scales.map((s, j) => (j === 4 ? rng.bernoulli(0.4) : (rng.normal() + shift) * s));
    raw.forEach((v, j) => (x[i * FEATURES + j] = v + 7 * j));
    const z = -0.3 + 0.9 * raw[0] - 0.04 * raw[1] + Math.abs(raw[2]) * 3 - 1.1 * raw[4];
    y[i] = rng.bernoulli(1 / (1 + Math.exp(-z)));
  }
  return { x, y, n, features: FEATURES };
}

function options(kind: ModelKind, steps: number, minImprovement = 0): TrainOptions {
  return { kind, hidden: 8, steps, learningRate: 0.05, l2: 1e-3, lossEvery: 5, minImprovement };
}

function expectSame(today: TrainResult, before: TrainResult): void {
  expect(today.steps).toBe(before.steps);
  expect(today.losses.map((l) => l.step)).toEqual(before.losses.map((l) => l.step));
  today.losses.forEach((l, i) =>
    expect(Math.abs(l.loss - before.losses[i].loss)).toBeLessThan(1e-3),
  );
  expect(today.snapshot.scaler).toEqual(before.snapshot.scaler);
  today.snapshot.params.forEach((p, i) => {
    const q = before.snapshot.params[i];
    expect(p.reduce((w, v, j) => Math.max(w, Math.abs(v - q[j])), 0)).toBeLessThan(1e-2);
  });
}

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});
afterAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

/** The penalised objective the logistic model minimises, in float64: mean log loss + l2/2 |w|^2 (weights only). */
function objective(result: TrainResult, data: TrainingData): number {
  const w = result.snapshot.params[0];
  const p = baselinePredict(result.snapshot, data.x, data.n);
  let loss = 0;
  for (let i = 0; i < data.n; i++) {
    const q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
    loss -= data.y[i] ? Math.log(q) : Math.log(1 - q);
  }
  let penalty = 0;
  for (let j = 0; j < w.length - 1; j++) penalty += w[j] * w[j];
  return loss / data.n + (1e-3 / 2) * penalty;
}

describe("today's logistic trainer (Newton) reaches the baseline's minimum in a few steps", () => {
  const data = dataset(3, 2500);
  const later = dataset(4, 2000, 0.3);

  it('cold: no worse than 250 baseline Adam steps, in under a dozen', () => {
    const today = train(data, options('logistic', 250), null, createRng(9), MIN_SCALE);
    const before = baselineTrain(data, options('logistic', 250), null, createRng(9), MIN_SCALE);
    expect(today.steps).toBeLessThan(12);
    expect(today.losses.map((l) => l.step)).toEqual([...Array(today.steps + 1).keys()]);
    expect(objective(today, data)).toBeLessThan(objective(before, data) + 1e-5);
    const p = predict(today.snapshot, later.x, later.n);
    const q = baselinePredict(before.snapshot, later.x, later.n);
    expect(p.reduce((w, v, i) => Math.max(w, Math.abs(v - q[i])), 0)).toBeLessThan(0.02);
  });

  it('warm, on shifted data: no worse than the baseline warm job, in one or two steps', () => {
    const parent = train(data, options('logistic', 250), null, createRng(9), MIN_SCALE).snapshot;
    const warm = options('logistic', 20, 1e-3);
    const today = train(later, warm, parent, createRng(10), MIN_SCALE);
    const before = baselineTrain(later, warm, parent, createRng(10), MIN_SCALE);
    expect(today.steps).toBeGreaterThanOrEqual(1);
    expect(today.steps).toBeLessThanOrEqual(3);
    expect(today.losses[0].loss).toBeCloseTo(before.losses[0].loss, 4);
    expect(objective(today, later)).toBeLessThan(objective(before, later) + 1e-6);
  });

  it('at a learning rate far too high, the loss blows up in one step and the job stops', () => {
    const parent = train(data, options('logistic', 250), null, createRng(9), MIN_SCALE).snapshot;
    const wild = { ...options('logistic', 20, 1e-3), learningRate: 100 };
    const today = train(later, wild, parent, createRng(10), MIN_SCALE);
    expect(today.steps).toBe(1);
    expect(today.finalLoss).toBeGreaterThan(2 * today.losses[0].loss);
  });

  it('is deterministic, trains the same model on the cpu fallback, and leaves no tensor behind', async () => {
    const before = liveTensorCount();
    const a = train(later, options('logistic', 250), null, createRng(5), MIN_SCALE);
    const b = train(later, options('logistic', 250), null, createRng(5), MIN_SCALE);
    expect(b.losses).toEqual(a.losses);
    expect(b.snapshot.params).toEqual(a.snapshot.params);
    expect(liveTensorCount()).toBe(before);
    expect((await initBackend({ prefer: 'cpu' })).backend).toBe('cpu');
    const onCpu = train(later, options('logistic', 250), null, createRng(5), MIN_SCALE);
    await initBackend({ prefer: 'wasm' });
    expect(onCpu.steps).toBe(a.steps);
    onCpu.losses.forEach((l, i) => expect(Math.abs(l.loss - a.losses[i].loss)).toBeLessThan(1e-4));
    const worst = onCpu.snapshot.params[0].reduce(
      (w, v, j) => Math.max(w, Math.abs(v - a.snapshot.params[0][j])),
      0,
    );
    expect(worst).toBeLessThan(1e-3);
  });
});

describe.each(['mlp'] as const)("today's trainer keeps the baseline's algorithm (%s)", (kind) => {
  const data = dataset(3, 2500);
  const later = dataset(4, 2000, 0.3);

  it('cold: the same losses, weights and predictions after 60 steps', () => {
    const today = train(data, options(kind, 60), null, createRng(9), MIN_SCALE);
    const before = baselineTrain(data, options(kind, 60), null, createRng(9), MIN_SCALE);
    expect(today.finalLoss).toBeLessThan(today.losses[0].loss - 0.05);
    expectSame(today, before);
    const p = predict(today.snapshot, later.x, later.n);
    const q = baselinePredict(today.snapshot, later.x, later.n);
    expect(p.reduce((w, v, i) => Math.max(w, Math.abs(v - q[i])), 0)).toBeLessThan(1e-5);
  });

  it('warm, with early stopping: stops at the same step with the same weights', () => {
    const parent = train(data, options(kind, 60), null, createRng(9), MIN_SCALE).snapshot;
    const today = train(data, options(kind, 40, 1e-3), parent, createRng(10), MIN_SCALE);
    const before = baselineTrain(data, options(kind, 40, 1e-3), parent, createRng(10), MIN_SCALE);
    expect(today.steps).toBeLessThan(40);
    expectSame(today, before);
  });

  it('is deterministic and leaves no tensor or backend buffer behind', () => {
    const before = tensorMemory();
    const a = train(later, options(kind, 25), null, createRng(5), MIN_SCALE);
    const b = train(later, options(kind, 25), null, createRng(5), MIN_SCALE);
    expect(b.losses).toEqual(a.losses);
    expect(b.snapshot.params).toEqual(a.snapshot.params);
    predict(a.snapshot, data.x, data.n);
    baselineTrain(later, options(kind, 5), null, createRng(5), MIN_SCALE);
    expect(liveTensorCount()).toBe(before.numTensors);
    expect(tensorMemory().backendBuffers).toBe(before.backendBuffers);
  });

  it('trains the same model on the cpu fallback, and frees its buffers there too', async () => {
    const onWasm = train(data, options(kind, 30), null, createRng(2), MIN_SCALE);
    expect((await initBackend({ prefer: 'cpu' })).backend).toBe('cpu');
    const buffers = tensorMemory().backendBuffers;
    const onCpu = train(data, options(kind, 30), null, createRng(2), MIN_SCALE);
    predict(onCpu.snapshot, data.x, data.n);
    expect(tensorMemory().backendBuffers).toBe(buffers);
    await initBackend({ prefer: 'wasm' });
    expectSame(onCpu, onWasm);
  });
});

describe('the MLP on wasm, laid out units by rows (unitPass.ts)', () => {
  it('averages the hidden units with pooling windows of at most 9 rows, or falls back', () => {
    expect(poolWindows(16)).toEqual([8, 2]);
    expect(poolWindows(8)).toEqual([8]);
    expect(poolWindows(12)).toEqual([6, 2]);
    expect(poolWindows(1)).toEqual([]);
    expect(poolWindows(11)).toBeNull();
  });

  it.each([16, 12, 11])("%i hidden units: the baseline's losses and weights", (hidden) => {
    const data = dataset(3, 2500);
    const opts = { ...options('mlp', 30), hidden };
    const today = train(data, opts, null, createRng(9), MIN_SCALE);
    const before = baselineTrain(data, opts, null, createRng(9), MIN_SCALE);
    expectSame(today, before);
  });
});

describe('roofline operation count', () => {
  it('counts a logistic pass as 4 per input plus 2 per row, and a forward pass as about half', () => {
    expect(passFlops('logistic', 11, 16)).toBe(46);
    expect(forwardFlops('logistic', 11, 16)).toBe(23);
  });

  it('counts a Newton job as a full pass per step and the first, plus the sampled Hessian of each step', () => {
    expect(newtonJobFlops(1000, 11, 2)).toBe(1000 * 3 * 46 + 2 * 1000 * (23 + 11 * 12 + 2));
    // 14,000 rows: every 14th row, 1,000 of them.
    expect(newtonJobFlops(14_000, 11, 1)).toBe(14_000 * 2 * 46 + 1000 * (23 + 132 + 2));
  });

  it('counts an MLP pass as two products each way plus the per-unit work', () => {
    // forward 2*11*16 + 16 + 2*16 + 2, backward 1 + 2*16 + 1 + 2*16 + 2*11*16
    expect(passFlops('mlp', 11, 16)).toBe(
      2 * 11 * 16 + 16 + 32 + 2 + 1 + 32 + 1 + 32 + 2 * 11 * 16,
    );
    expect(forwardFlops('mlp', 11, 16)).toBe(2 * 11 * 16 + 16 + 32 + 2);
  });
});
