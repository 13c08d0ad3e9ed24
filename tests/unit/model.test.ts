/** The model layer: backends, scaling, snapshots as plain data, and both network kinds. */
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy } from '../../src/sim/eval/metrics';
import {
  cloneSnapshot,
  fitScaler,
  initBackend,
  isFiniteSnapshot,
  liveTensorCount,
  predict,
  train,
  type TrainOptions,
  weightsInFeatureUnits,
} from '../../src/sim/model';
import { createRng } from '../../src/sim/rng';

const F = 3;
/** y = 1 when 2*x0 - x1 + noise > 0; x2 is constant (as days-to-holiday in summer). */
function dataset(n: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float32Array(n * F);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = 10 + 5 * rng.normal();
    x.set([a, b, 30], i * F);
    y[i] = 2 * a - (b - 10) / 5 + 0.5 * rng.normal() > 0 ? 1 : 0;
  }
  return { x, y, n, features: F };
}
const MIN_SCALE = Float32Array.from([0.1, 0.1, 5]);
const options = (kind: 'logistic' | 'mlp', steps: number): TrainOptions => ({
  kind,
  hidden: 8,
  steps,
  learningRate: 0.05,
  l2: 1e-3,
  lossEvery: 10,
  minImprovement: 0,
});

beforeAll(async () => {
  const report = await initBackend();
  expect(report.backend).toBe('wasm');
});

describe('model layer', () => {
  it('falls back to the cpu backend when asked and says so', async () => {
    expect((await initBackend({ prefer: 'cpu' })).backend).toBe('cpu');
    expect((await initBackend({ prefer: 'wasm' })).backend).toBe('wasm');
  });

  it('floors the scale of a feature that never varied', () => {
    const { x, n } = dataset(500, 1);
    const scaler = fitScaler(x, n, F, MIN_SCALE);
    expect(scaler.mean[2]).toBeCloseTo(30, 5);
    expect(scaler.scale[2]).toBe(5);
    expect(scaler.scale[1]).toBeGreaterThan(4);
  });

  it.each(['logistic', 'mlp'] as const)('%s learns the rule, and the loss falls', (kind) => {
    const data = dataset(3000, 2);
    const result = train(data, options(kind, 200), null, createRng(3), MIN_SCALE);
    expect(result.losses[0].step).toBe(0);
    expect(result.finalLoss).toBeLessThan(result.losses[0].loss - 0.3);
    const test = dataset(2000, 99);
    expect(accuracy(predict(result.snapshot, test.x, test.n), test.y)).toBeGreaterThan(0.85);
  });

  it('gives a feature that never varied in training no weight at all (logistic)', () => {
    const data = dataset(2000, 4);
    const { snapshot } = train(data, options('logistic', 100), null, createRng(1), MIN_SCALE);
    const perUnit = weightsInFeatureUnits(snapshot);
    expect(perUnit?.[2]).toBe(0);
    expect(perUnit?.[0]).toBeGreaterThan(0.5);
    expect(perUnit?.[1]).toBeLessThan(0);
  });

  it('restores a model from its plain snapshot: same predictions', () => {
    const data = dataset(1000, 5);
    const { snapshot } = train(data, options('mlp', 50), null, createRng(6), MIN_SCALE);
    const copy = cloneSnapshot(structuredClone(snapshot));
    expect(copy.params[0]).toBeInstanceOf(Float32Array);
    expect(predict(copy, data.x, data.n)).toEqual(predict(snapshot, data.x, data.n));
  });

  it('warm starts from the parent: a few steps continue where it stopped', () => {
    const data = dataset(2000, 7);
    const parent = train(data, options('logistic', 200), null, createRng(1), MIN_SCALE);
    const child = train(data, options('logistic', 10), parent.snapshot, createRng(1), MIN_SCALE);
    expect(child.snapshot.scaler.mean).toEqual(parent.snapshot.scaler.mean);
    expect(child.losses[0].loss).toBeCloseTo(parent.finalLoss, 4);
  });

  it('stops early once five more steps barely improve the loss, and says how many it took (mlp)', () => {
    const data = dataset(2000, 10);
    const parent = train(data, options('mlp', 300), null, createRng(1), MIN_SCALE);
    const again = { ...options('mlp', 100), lossEvery: 5, minImprovement: 1e-3 };
    const child = train(data, again, parent.snapshot, createRng(1), MIN_SCALE);
    expect(child.steps).toBeLessThan(100);
    expect(child.losses[child.losses.length - 1].step).toBe(child.steps);
    const full = train(data, options('mlp', 100), parent.snapshot, createRng(1), MIN_SCALE);
    expect(full.steps).toBe(100);
  });

  it('logistic: Newton stops at the minimum long before its step budget, and says how many it took', () => {
    const data = dataset(2000, 10);
    const cold = train(data, options('logistic', 250), null, createRng(1), MIN_SCALE);
    expect(cold.steps).toBeGreaterThan(1);
    expect(cold.steps).toBeLessThan(12);
    expect(cold.losses.map((l) => l.step)).toEqual([...Array(cold.steps + 1).keys()]);
    const again = train(data, options('logistic', 20), cold.snapshot, createRng(1), MIN_SCALE);
    // Already at the minimum: one step (a job always takes one), nothing left to gain.
    expect(again.steps).toBe(1);
    expect(Math.abs(again.finalLoss - cold.finalLoss)).toBeLessThan(1e-4);
  });

  it('reports a diverged run as non-finite weights', () => {
    const data = dataset(500, 8);
    const wild = { ...options('logistic', 20), learningRate: Number.POSITIVE_INFINITY };
    const result = train(data, wild, null, createRng(1), MIN_SCALE);
    expect(isFiniteSnapshot(result.snapshot)).toBe(false);
    expect(Number.isFinite(result.finalLoss)).toBe(false);
  });

  it('leaves no tensor behind after training and predicting', () => {
    const data = dataset(800, 9);
    const before = liveTensorCount();
    for (const kind of ['logistic', 'mlp'] as const) {
      const { snapshot } = train(data, options(kind, 30), null, createRng(1), MIN_SCALE);
      predict(snapshot, data.x, data.n);
    }
    expect(liveTensorCount()).toBe(before);
  });
});
