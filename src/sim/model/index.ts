/**
 * The model layer's public face: the only TensorFlow.js code in Bloomcast
 * lives under this folder, and everything it hands out is plain data.
 */
export { initBackend, liveTensorCount, tensorMemory } from './backend';
export type { BackendOptions, WasmPaths } from './backend';
export { train, predict } from './train';
export { initialParams } from './init';
import { predict, train } from './train';

/** How models are trained and asked: TF.js here; the benchmark passes a plain-TS twin. */
export interface Trainer {
  train: typeof train;
  predict: typeof predict;
}

/** The TF.js trainer every run uses unless told otherwise. */
export const tfjsTrainer: Trainer = { train, predict };
export type { TrainOptions, TrainResult, TrainingData } from './train';
export {
  cloneSnapshot,
  fitScaler,
  isFiniteSnapshot,
  l2Masks,
  paramShapes,
  standardize,
  weightsInFeatureUnits,
} from './snapshot';
export type { ModelKind, ModelSnapshot, Scaler } from './snapshot';
export { logOdds, meanPrediction, modelEffects, predictPlain } from './explain';
