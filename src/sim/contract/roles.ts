/**
 * Part of the JSON contract (src/sim/contract): the small names that every
 * result carries.
 *
 * Owns: which models serve, the phases of a run and the TensorFlow.js
 * backends by name. Fields and names are added, never renamed or removed.
 * Must not touch: anything at run time (types only; src/sim/model imports
 * BackendName from here, not the other way round).
 */

/** The model trained once, and the one retrained on a schedule. */
export type ModelRole = 'static' | 'dynamic';

/** Collection: labelled days, no model serves. Serving: both models predict every day. */
export type Phase = 'collection' | 'serving';

/** The TensorFlow.js backend a run trained on (src/sim/model/backend.ts chooses it). */
export type BackendName = 'wasm' | 'cpu';

/** The TF.js backend that runs, and why it is not the preferred one when it is not. */
export interface BackendReport {
  backend: BackendName;
  /** Why the preferred backend is not the one running, if it is not. */
  fallbackReason: string | null;
}
