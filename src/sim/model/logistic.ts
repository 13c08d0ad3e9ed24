/**
 * Training the logistic model by Newton's method on TF.js.
 *
 * Owns: `trainLogistic` (same signature and result as `train`, which calls
 * it for the logistic kind) and its pass over the batch. Every tensor made
 * here is freed before it returns.
 * Must not touch: the algebra of a step (newton.ts, shared with the
 * benchmark's plain-TS twin) or the MLP (train.ts).
 *
 * A pass is one `tf.tidy` of a dozen kernels and two small reads: the logits
 * z = X w, the mean log loss and u = r^T X (r = p - y). The Hessian is
 * summed in plain code on a sample of rows (newton.ts), so no product here
 * needs a new X packed by the wasm backend (about 0.7 ms per job at 14,000
 * rows, more than both passes of a warm job's gradient).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import { startingPoint } from './init';
import { meanLogLoss, signOf, standardizeOnBackend, type Batch } from './network';
import { type NewtonPass, newtonRun } from './newton';
import { l2Masks, type ModelSnapshot } from './snapshot';
import type { TrainOptions, TrainResult, TrainingData } from './trainTypes';

/** The pass over one uploaded batch: one tidy (a dozen kernels) and two reads. */
function tensorPass(batch: Batch): NewtonPass {
  return (w) => {
    const out = tf.tidy(() => {
      const z = tf.matMul<tf.Tensor2D>(batch.x, tf.tensor2d(w, [w.length, 1]));
      // r^T X with r read transposed: a plain loop on wasm, but no packing
      // of a new X per job (about 0.7 ms at 14,000 rows) for two passes.
      const u = tf.matMul(tf.sub(tf.sigmoid(z), batch.y), batch.x, true, false);
      return [meanLogLoss(z, batch), u];
    });
    const [loss, u] = out.map((t) => t.dataSync() as Float32Array);
    tf.dispose(out);
    return { loss: loss[0], u };
  };
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
  const y = tf.tensor2d(data.y, [data.n, 1]);
  const batch: Batch = {
    x: tf.tidy(() => standardizeOnBackend(data.x, data.n, scaler)),
    y,
    sign: signOf(y),
  };
  const run = newtonRun(
    Float32Array.from(params[0]),
    options,
    data,
    scaler,
    mask,
    tensorPass(batch),
  );
  tf.dispose([batch.x, batch.y, batch.sign]);
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
