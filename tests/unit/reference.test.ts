/**
 * The benchmark's reference trainer (bench/reference.ts) against the TF.js
 * trainer (src/sim/model/train.ts) on the same seeded data.
 *
 * Owns: the proof that `npm run bench` compares the same algorithm: equal
 * recorded losses within 1e-3 and equal weights within 1e-2, cold and warm,
 * and equal predictions.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { referencePredict, referenceTrain } from '../../bench/reference';
import { initBackend, predict, train } from '../../src/sim/model';
import type { ModelKind, TrainOptions, TrainResult, TrainingData } from '../../src/sim/model';
import { createRng } from '../../src/sim/rng';

const FEATURES = 6;
const MIN_SCALE = new Float32Array(FEATURES).fill(0.1);
const LOSS_TOLERANCE = 1e-3;
const WEIGHT_TOLERANCE = 1e-2;

/** n rows of correlated features on different scales, labels from a known logistic truth. */
function dataset(seed: number, n: number, shift = 0): TrainingData {
  const rng = createRng(seed);
  const x = new Float32Array(n * FEATURES);
  const y = new Float32Array(n);
  const scales = [1, 10, 0.2, 3, 50, 1];
  const truth = [0.8, -0.05, 2, 0.3, 0.01, -1.2];
  for (let i = 0; i < n; i++) {
    const common = rng.normal();
    let z = -0.4 + shift;
    for (let j = 0; j < FEATURES; j++) {
      const raw = j === 5 ? rng.bernoulli(0.3) : (rng.normal() + 0.5 * common + shift) * scales[j];
      x[i * FEATURES + j] = raw + 5 * j;
      z += truth[j] * raw;
    }
    y[i] = rng.bernoulli(1 / (1 + Math.exp(-z)));
  }
  return { x, y, n, features: FEATURES };
}

function options(kind: ModelKind, steps: number): TrainOptions {
  return { kind, hidden: 8, steps, learningRate: 0.05, l2: 1e-3, lossEvery: 10, minImprovement: 0 };
}

function expectSameResult(tfjs: TrainResult, ref: TrainResult): void {
  expect(ref.losses.map((l) => l.step)).toEqual(tfjs.losses.map((l) => l.step));
  ref.losses.forEach((l, i) =>
    expect(Math.abs(l.loss - tfjs.losses[i].loss)).toBeLessThan(LOSS_TOLERANCE),
  );
  expect(Math.abs(ref.finalLoss - tfjs.finalLoss)).toBeLessThan(LOSS_TOLERANCE);
  expect(ref.snapshot.scaler).toEqual(tfjs.snapshot.scaler);
  expect(ref.snapshot.params.length).toBe(tfjs.snapshot.params.length);
  ref.snapshot.params.forEach((p, i) => {
    const q = tfjs.snapshot.params[i];
    expect(p.length).toBe(q.length);
    const worst = p.reduce((w, v, j) => Math.max(w, Math.abs(v - q[j])), 0);
    expect(worst).toBeLessThan(WEIGHT_TOLERANCE);
  });
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((w, v, i) => Math.max(w, Math.abs(v - b[i])), 0);
}

beforeAll(async () => {
  await initBackend();
});

describe.each(['logistic', 'mlp'] as const)('reference trainer (%s) matches TF.js', (kind) => {
  const data = dataset(7, 3000);
  const later = dataset(8, 2500, 0.4);

  it('after 50 cold steps', () => {
    const tfjs = train(data, options(kind, 50), null, createRng(11), MIN_SCALE);
    const ref = referenceTrain(data, options(kind, 50), null, createRng(11), MIN_SCALE);
    // The run must have learnt something, or equal weights would prove little.
    expect(tfjs.finalLoss).toBeLessThan(tfjs.losses[0].loss - 0.05);
    expectSameResult(tfjs, ref);
  });

  it('after 10 warm steps from a parent, on shifted data', () => {
    const parent = train(data, options(kind, 50), null, createRng(11), MIN_SCALE).snapshot;
    const tfjs = train(later, options(kind, 10), parent, createRng(12), MIN_SCALE);
    const ref = referenceTrain(later, options(kind, 10), parent, createRng(12), MIN_SCALE);
    expect(tfjs.finalLoss).toBeLessThan(tfjs.losses[0].loss);
    expectSameResult(tfjs, ref);
  });

  it('stops early at the same step under the same rule', () => {
    const parent = train(data, options(kind, 50), null, createRng(11), MIN_SCALE).snapshot;
    const early = { ...options(kind, 200), lossEvery: 5, minImprovement: 1e-3 };
    const tfjs = train(data, early, parent, createRng(12), MIN_SCALE);
    const ref = referenceTrain(data, early, parent, createRng(12), MIN_SCALE);
    expect(tfjs.steps).toBeLessThan(200);
    expect(ref.steps).toBe(tfjs.steps);
    expectSameResult(tfjs, ref);
  });

  it('predicts the same probabilities', () => {
    const model = train(data, options(kind, 50), null, createRng(11), MIN_SCALE).snapshot;
    const p = predict(model, later.x, later.n);
    expect(maxDiff(referencePredict(model, later.x, later.n), p)).toBeLessThan(1e-5);
    expect(referencePredict(model, later.x, 0)).toHaveLength(0);
  });
});
