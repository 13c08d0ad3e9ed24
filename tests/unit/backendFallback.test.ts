/**
 * When the wasm binaries cannot be loaded (in a browser: a wrong asset URL,
 * answered with index.html), TF.js silently stays on another backend unless
 * someone checks. initBackend checks, falls back to cpu, and says why.
 * (A file of its own: TF.js keeps one global backend registry per process.)
 */
import { expect, it } from 'vitest';
import { initBackend, predict } from '../../src/sim/model';

it('falls back to cpu with a reason when the wasm files are missing, and still predicts', async () => {
  const report = await initBackend({
    wasmPaths: {
      'tfjs-backend-wasm.wasm': '/nowhere/tfjs-backend-wasm.wasm',
      'tfjs-backend-wasm-simd.wasm': '/nowhere/tfjs-backend-wasm-simd.wasm',
    },
  });
  expect(report.backend).toBe('cpu');
  expect(report.fallbackReason).toMatch(/wasm/);
  const p = predict(
    {
      kind: 'logistic',
      features: 1,
      hidden: 0,
      scaler: { mean: Float32Array.of(0), scale: Float32Array.of(1) },
      params: [Float32Array.of(2, 0)],
    },
    Float32Array.of(-1, 0, 1),
    3,
  );
  expect(Array.from(p)).toEqual([
    expect.closeTo(1 / (1 + Math.exp(2)), 6),
    0.5,
    expect.closeTo(1 / (1 + Math.exp(-2)), 6),
  ]);
});
