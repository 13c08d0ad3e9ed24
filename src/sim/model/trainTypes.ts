/**
 * The trainer's inputs and result, shared by both model kinds' training
 * code (train.ts, logistic.ts) and the benchmark's trainers.
 *
 * Owns: the types only. Must not touch: anything that runs.
 */
import type { ModelKind, ModelSnapshot } from './snapshot';

export interface TrainOptions {
  kind: ModelKind;
  /** Hidden units of the MLP (ignored by the logistic model). */
  hidden: number;
  steps: number;
  learningRate: number;
  /** L2 penalty on weights (not biases). */
  l2: number;
  /** Record the loss every this many steps (and after the last one). */
  lossEvery: number;
  /**
   * Stop early when a recorded loss improves on the previous one by less than
   * this share of it (0: always run every step). See stopping.ts.
   */
  minImprovement: number;
}

export interface TrainingData {
  /** Row-major n x features, raw feature values. */
  x: Float32Array;
  /** Labels 0/1, length n. */
  y: Float32Array;
  n: number;
  features: number;
}

export interface TrainResult {
  snapshot: ModelSnapshot;
  /** Mean training log loss at each recorded step (step 0 = before training). */
  losses: { step: number; loss: number }[];
  /** Mean training log loss of the returned weights (NaN when training diverged). */
  finalLoss: number;
  /** Full-batch steps actually taken (early stopping may end before options.steps). */
  steps: number;
}
