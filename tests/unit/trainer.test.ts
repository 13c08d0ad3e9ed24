/**
 * Today's trainer (src/sim/model/train.ts) against the trainer it replaced
 * (src/sim/model/baseline.ts), which the benchmark times beside it.
 *
 * Owns: the proof that the speed-up kept the algorithm (same recorded losses
 * within 1e-3, same weights within 1e-2, the same early stop, cold and warm,
 * both model kinds), that a job is deterministic (same inputs, the same bits),
 * that neither leaves a tensor behind, that the cpu fallback trains the same
 * model, and the roofline's operation count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, liveTensorCount, predict, train } from '../../src/sim/model';
import type { ModelKind, TrainOptions, TrainResult, TrainingData } from '../../src/sim/model';
import { baselinePredict, baselineTrain } from '../../src/sim/model/baseline';
import { forwardFlops, passFlops } from '../../src/sim/model/roofline';
import { createRng } from '../../src/sim/rng';

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

describe.each(['logistic', 'mlp'] as const)(
  "today's trainer keeps the baseline's algorithm (%s)",
  (kind) => {
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

    it('is deterministic and leaves no tensor behind', () => {
      const before = liveTensorCount();
      const a = train(later, options(kind, 25), null, createRng(5), MIN_SCALE);
      const b = train(later, options(kind, 25), null, createRng(5), MIN_SCALE);
      expect(b.losses).toEqual(a.losses);
      expect(b.snapshot.params).toEqual(a.snapshot.params);
      predict(a.snapshot, data.x, data.n);
      baselineTrain(later, options(kind, 5), null, createRng(5), MIN_SCALE);
      expect(liveTensorCount()).toBe(before);
    });

    it('trains the same model on the cpu fallback', async () => {
      const onWasm = train(data, options(kind, 30), null, createRng(2), MIN_SCALE);
      expect((await initBackend({ prefer: 'cpu' })).backend).toBe('cpu');
      const onCpu = train(data, options(kind, 30), null, createRng(2), MIN_SCALE);
      await initBackend({ prefer: 'wasm' });
      expectSame(onCpu, onWasm);
    });
  },
);

describe('roofline operation count', () => {
  it('counts a logistic pass as 4 per input plus 2 per row, and a forward pass as about half', () => {
    expect(passFlops('logistic', 11, 16)).toBe(46);
    expect(forwardFlops('logistic', 11, 16)).toBe(23);
  });

  it('counts an MLP pass as two products each way plus the per-unit work', () => {
    // forward 2*11*16 + 16 + 2*16 + 2, backward 1 + 2*16 + 1 + 2*16 + 2*11*16
    expect(passFlops('mlp', 11, 16)).toBe(
      2 * 11 * 16 + 16 + 32 + 2 + 1 + 32 + 1 + 32 + 2 * 11 * 16,
    );
    expect(forwardFlops('mlp', 11, 16)).toBe(2 * 11 * 16 + 16 + 32 + 2);
  });
});
