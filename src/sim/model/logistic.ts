/**
 * Training the logistic model by Newton's method on TF.js.
 *
 * Owns: `trainLogistic` (same signature and result as `train`, which calls
 * it for the logistic kind) and its pass over the batch. Every tensor made
 * here is freed before it returns.
 * Must not touch: the algebra of a step (newton.ts, shared with the
 * benchmark's plain-TS twin) or the MLP (train.ts).
 *
 * A pass is a dozen kernels, called directly (directKernels.ts), and two
 * small reads: the logits
 * z = X w, the mean log loss and u = r^T X (r = p - y). The Hessian is
 * summed in plain code on a sample of rows (newton.ts), so no product here
 * needs a new X packed by the wasm backend (about 0.7 ms per job at 14,000
 * rows, more than both passes of a warm job's gradient).
 */
import type { Rng } from '../rng';
import { startingPoint } from './init';
import { DirectKernels } from './directKernels';
import { type DirectBatch, meanLogLossDirect, uploadBatchDirect } from './network';
import { type NewtonPass, type NewtonRun, newtonRun } from './newton';
import { l2Masks, type ModelSnapshot } from './snapshot';
import type { TrainOptions, TrainResult, TrainingData } from './trainTypes';

const PLAIN = { transposeA: false, transposeB: false };

/**
 * The pass over one uploaded batch: a dozen kernels, called directly, and
 * two small reads. A class rather than a closure made per job: V8 keeps a
 * method's optimised code for the life of the worker, while a job's
 * short-lived closure lost its code at the next full collection and was
 * compiled again (measured in Chromium: see directKernels.ts).
 */
class TensorPass {
  private readonly k = new DirectKernels();
  constructor(private readonly batch: DirectBatch) {}

  run(w: Float32Array): ReturnType<NewtonPass> {
    const { k, batch } = this;
    try {
      const z = k.run('BatchMatMul', { a: batch.x, b: k.upload(w, [batch.x.shape[1], 1]) }, PLAIN);
      // r^T X with r read transposed: a plain loop on wasm, but no packing
      // of a new X per job (about 0.7 ms at 14,000 rows) for two passes.
      const r = k.run('Sub', { a: k.run('Sigmoid', { x: z }), b: batch.y });
      const u = k.run('BatchMatMul', { a: r, b: batch.x }, { transposeA: true, transposeB: false });
      const loss = k.read(meanLogLossDirect(k, z, batch.sign));
      return { loss: loss[0], u: k.read(u) };
    } finally {
      k.release();
    }
  }
}

/** `train` for the logistic model: Newton steps from the parent's weights or from zeros. */
export function trainLogistic(
  data: TrainingData,
  options: TrainOptions,
  parent: ModelSnapshot | null,
  initRng: Rng,
  minScale: Float32Array,
): TrainResult {
  const { scaler, params } = startingPoint(
    data,
    'logistic',
    options.hidden,
    parent,
    initRng,
    minScale,
  );
  const [mask] = l2Masks('logistic', data.features, options.hidden);
  // The batch lives until the job ends; each pass frees its own buffers.
  const uploaded = new DirectKernels();
  let run: NewtonRun;
  try {
    const pass = new TensorPass(uploadBatchDirect(uploaded, data, scaler));
    run = newtonRun(Float32Array.from(params[0]), options, data, scaler, mask, (w) => pass.run(w));
  } finally {
    uploaded.release();
  }
  return {
    snapshot: {
      kind: 'logistic',
      features: data.features,
      hidden: options.hidden,
      scaler,
      params: [run.weights],
    },
    losses: run.losses,
    finalLoss: run.losses[run.losses.length - 1].loss,
    steps: run.steps,
  };
}
