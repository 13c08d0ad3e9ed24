/**
 * Training jobs: turning a window of logged days into training rows and a
 * trained model.
 *
 * Owns: the shared hyper-parameters (one set for both strategies, so the
 * comparison is fair), the seeded sample of a large window, the reusable
 * buffer a pipeline's jobs copy their rows into, the seeded 80/20 split of
 * the collection period, and the buggy-job label corruption.
 * Must not touch: when jobs run (schedule.ts) or what the engine reports.
 */
import { type ModelKind, type ModelSnapshot, type Trainer, type TrainResult } from '../model';
import type { Rng } from '../rng';
import { FEATURE_COUNT, MIN_SCALES } from '../world/features';
import type { DayData } from '../world/visitors';

/** Hyper-parameters shared by the static and the dynamic model. */
export const TRAINING = {
  learningRate: 0.05,
  l2: 1e-3,
  /** Full-batch Adam steps from a fresh start (version 1, or warm start off). */
  coldSteps: 250,
  /** Full-batch Adam steps continuing from the parent's weights and scaler. */
  warmSteps: 20,
  hidden: 16,
  /** Record the training loss every this many steps; early stopping looks only there. */
  lossEvery: 5,
  /**
   * A warm job stops when five more steps improve its loss by less than this
   * share: it starts near the optimum of yesterday's window. A cold job runs
   * all its steps, since Adam from a fresh start has plateaus that are not
   * convergence (early stopping there cost the MLP half a point of accuracy).
   */
  minImprovementWarm: 1e-3,
  /**
   * A job trains on at most this many rows. Larger windows (many visitors per
   * day) are sampled: each day gives rows in proportion to its size, chosen
   * by a seeded shuffle of that day.
   */
  maxRows: 30_000,
  /** Share of the collection period's rows held out to validate version 1. */
  validationShare: 0.2,
} as const;

export interface Rows {
  x: Float32Array;
  y: Float32Array;
  n: number;
}

/** Picks `k` distinct indices of `n` with a partial Fisher-Yates shuffle, in ascending order. */
export function sampleIndices(n: number, k: number, rng: Rng): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (k >= n) return idx;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, k).sort();
}

/** Copies the chosen rows of one day into `out` at row `at`; returns the next free row. */
function copyRows(day: DayData, rows: ArrayLike<number>, out: Rows, at: number): number {
  const src = day.features;
  const dst = out.x;
  for (let r = 0; r < rows.length; r++, at++) {
    const from = rows[r] * FEATURE_COUNT;
    const to = at * FEATURE_COUNT;
    for (let j = 0; j < FEATURE_COUNT; j++) dst[to + j] = src[from + j];
    out.y[at] = day.labels[rows[r]];
  }
  return at;
}

function allocate(n: number): Rows {
  return { x: new Float32Array(n * FEATURE_COUNT), y: new Float32Array(n), n };
}

/**
 * Room for one job's rows, reused by every job of a pipeline: `take(n)`
 * hands out the first n rows (views, no copy; their old contents are to be
 * overwritten), growing the buffer when n is larger than any before.
 *
 * Why: a daily job's window is 14,000 rows, 0.6 MB; a fresh copy per job
 * made 190 MB of short-lived buffers per year, and the garbage collector's
 * threads that freed them took about 15% of a run's CPU (measured in Node:
 * 1.25 s beside 8.5 s for ten seeds), on the cores the worker pool's runs
 * need. The rows are valid until the next `take`: a trainer uploads them and
 * frees every tensor before it returns, and nothing keeps them after the job.
 */
export class RowBuffer {
  private x = new Float32Array(0);
  private y = new Float32Array(0);

  take(n: number): Rows {
    if (n > this.y.length) {
      // Some headroom, so a window a few rows larger than the last does not reallocate.
      const rows = Math.ceil(n * 1.25);
      this.x = new Float32Array(rows * FEATURE_COUNT);
      this.y = new Float32Array(rows);
    }
    return { x: this.x.subarray(0, n * FEATURE_COUNT), y: this.y.subarray(0, n), n };
  }
}

/**
 * All rows of a window, or a seeded sample of `maxRows` when it is larger;
 * copied into `into` when given (valid until its next take), else into new arrays.
 */
export function windowRows(
  days: DayData[],
  rng: Rng,
  maxRows: number = TRAINING.maxRows,
  into?: RowBuffer,
): Rows {
  // Loops, not callbacks made per job (see directKernels.ts on closures and V8).
  let total = 0;
  for (const d of days) total += d.n;
  if (total <= maxRows) {
    const out = into ? into.take(total) : allocate(total);
    let at = 0;
    for (const d of days) {
      out.x.set(d.features, at * FEATURE_COUNT);
      out.y.set(d.labels, at);
      at += d.n;
    }
    return out;
  }
  const quotas: number[] = [];
  let sampled = 0;
  for (const d of days) {
    const quota = Math.floor((d.n * maxRows) / total);
    quotas.push(quota);
    sampled += quota;
  }
  const out = into ? into.take(sampled) : allocate(sampled);
  let at = 0;
  for (let i = 0; i < days.length; i++) {
    at = copyRows(days[i], sampleIndices(days[i].n, quotas[i], rng), out, at);
  }
  return out;
}

/** Splits rows into a training and a held-out set with a seeded shuffle. */
export function splitRows(
  rows: Rows,
  holdoutShare: number,
  rng: Rng,
): { train: Rows; holdout: Rows } {
  const holdoutN = Math.round(rows.n * holdoutShare);
  const holdoutIdx = sampleIndices(rows.n, holdoutN, rng);
  const isHoldout = new Uint8Array(rows.n);
  for (const i of holdoutIdx) isHoldout[i] = 1;
  const trainSet = allocate(rows.n - holdoutN);
  const holdout = allocate(holdoutN);
  let a = 0;
  let b = 0;
  for (let i = 0; i < rows.n; i++) {
    const target = isHoldout[i] ? holdout : trainSet;
    const at = isHoldout[i] ? b++ : a++;
    const from = i * FEATURE_COUNT;
    const to = at * FEATURE_COUNT;
    for (let j = 0; j < FEATURE_COUNT; j++) target.x[to + j] = rows.x[from + j];
    target.y[at] = rows.y[i];
  }
  return { train: trainSet, holdout };
}

/** Flips a seeded share of labels in place (the buggy pipeline's damage to its own copy). */
export function corruptLabels(rows: Rows, flipShare: number, rng: Rng): void {
  for (let i = 0; i < rows.n; i++) if (rng.next() < flipShare) rows.y[i] = 1 - rows.y[i];
}

/** Trains one version on `rows`, cold or continuing from `parent` (the dynamic jobs pass the run's learning rate). */
export function runJob(
  kind: ModelKind,
  rows: Rows,
  parent: ModelSnapshot | null,
  initRng: Rng,
  trainer: Trainer,
  learningRate: number = TRAINING.learningRate,
): TrainResult {
  const steps = parent ? TRAINING.warmSteps : TRAINING.coldSteps;
  return trainer.train(
    { x: rows.x, y: rows.y, n: rows.n, features: FEATURE_COUNT },
    {
      kind,
      hidden: TRAINING.hidden,
      steps,
      learningRate,
      l2: TRAINING.l2,
      lossEvery: TRAINING.lossEvery,
      minImprovement: parent ? TRAINING.minImprovementWarm : 0,
    },
    parent,
    initRng,
    MIN_SCALES,
  );
}
