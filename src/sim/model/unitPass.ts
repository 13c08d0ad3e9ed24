/**
 * The MLP's training pass on the wasm backend, laid out hidden units by rows.
 *
 * Owns: the batch in that layout (uploaded once per job and freed by
 * `dispose`), the logits and the gradient products of one step, and the mean
 * log loss there, read back as plain numbers; every buffer a step makes is
 * freed before it returns.
 * Must not touch: optimisation (train.ts), the snapshot layout or the
 * prediction path (network.ts).
 *
 * Why this layout (measured on the wasm backend, 14,000 rows): in the rows
 * by units layout of network.ts, a step spends as much on the output
 * product (a matrix-vector product XNNPACK pads to eight columns) and on
 * transposing relu'(A) for the gradient product as on all three large
 * products. Here the hidden layer comes out as H^T = relu(W1 X^T) (units x
 * rows): the data X^T is the product's right operand, packed once per job
 * like X is for the gradient, and the weights W1 go in as they are stored.
 * The logits are then the weighted sum of H^T's rows, w2 scaled by the
 * unit count times H^T (a broadcast along rows), averaged by a pooling
 * window over the units (a channels-last pool with the rows as channels
 * reads H^T's memory as it lies; see `poolWindows`), plus b2; and S = relu'(H^T) * r is
 * already in the layout the gradient product G = S X needs. A step is
 * about a fifth cheaper than in the rows by units layout, at the price
 * of one more packing per job.
 *
 * The steps call the backend's kernels directly (directKernels.ts) on
 * records already in the kernels' rank-3 shapes: the public ops would
 * reshape, check and wrap around each call, and the engine would keep books
 * on every output.
 */
import { DirectKernels, type Info } from './directKernels';
import { meanLogLossDirect, uploadBatchDirect } from './network';
import type { Scaler } from './snapshot';
import type { TrainingData } from './trainTypes';

/** One job's batch in the units by rows layout, each with a leading batch dimension of 1. */
interface UnitBatch {
  /** 1 x n x inputs, standardised rows with a trailing 1: the gradient product's right operand. */
  x: Info;
  /** 1 x inputs x n, the same numbers transposed: the hidden layer's right operand. */
  xt: Info;
  /** 1 x 1 x n labels. */
  y: Info;
  /** 1 x 1 x n, 1 - 2y: the log loss of a row is softplus(sign * z). */
  sign: Info;
}

/** One job's passes over its batch at float32 weights in snapshot layout ([w1, w2, b2]). */
export interface UnitPasses {
  /** [G = S X, sum(r)] at `used` (r = p - y), and the mean log loss there when asked. */
  products(used: Float32Array[], withLoss: boolean): Float32Array[];
  /** The mean log loss at `used`. */
  loss(used: Float32Array[]): number;
  /** Frees the batch. */
  dispose(): void;
}

const PLAIN = { transposeA: false, transposeB: false };

/** The batch (uploadBatchDirect) in this layout, through `k`, which holds it until released. */
function unitBatch(k: DirectKernels, data: TrainingData, scaler: Scaler): UnitBatch {
  const n = data.n;
  const { x, y, sign } = uploadBatchDirect(k, data, scaler);
  const x3 = DirectKernels.view(x, [1, n, x.shape[1]]);
  return {
    x: x3,
    xt: k.run('Transpose', { x: x3 }, { perm: [0, 2, 1] }),
    y: DirectKernels.view(y, [1, 1, n]),
    sign: DirectKernels.view(sign, [1, 1, n]),
  };
}

/**
 * The pooling windows that average `hidden` rows, each at most 9 rows
 * (16: [8, 2]), or null when `hidden` has a prime factor above 9. A larger
 * window takes XNNPACK's multipass pool, whose per-call buffer of one float
 * per channel (here per row of the batch) overflowed the wasm stack at
 * 24,000 rows; a window of at most 9 takes the single pass.
 */
export function poolWindows(hidden: number): number[] | null {
  const windows: number[] = [];
  let left = hidden;
  while (left > 1) {
    let w = 9;
    while (w > 1 && left % w !== 0) w--;
    if (w === 1) return null;
    windows.push(w);
    left /= w;
  }
  return windows;
}

/**
 * The passes of one job on the wasm backend over `data`, standardised by
 * `scaler`, for an MLP whose hidden units `windows` average (see
 * `poolWindows`).
 */
export function unitPasses(data: TrainingData, scaler: Scaler, windows: number[]): UnitPasses {
  const uploaded = new DirectKernels();
  let batch: UnitBatch;
  try {
    batch = unitBatch(uploaded, data, scaler);
  } catch (error) {
    uploaded.release();
    throw error;
  }
  return new JobPasses(uploaded, batch, windows, data.n);
}

/**
 * One job's passes as a class, not closures made per job: V8 keeps a
 * method's optimised code for the life of the worker, while closures made
 * per job lost theirs at each full collection (see directKernels.ts).
 */
class JobPasses implements UnitPasses {
  private readonly k = new DirectKernels();
  private readonly hidden: number;

  constructor(
    private readonly uploaded: DirectKernels,
    private readonly batch: UnitBatch,
    private readonly windows: number[],
    private readonly n: number,
  ) {
    let hidden = 1;
    for (const w of windows) hidden *= w;
    this.hidden = hidden;
  }

  /** Logits (1 x 1 x n) and the hidden layer H^T (1 x hidden x n). */
  private logits(used: Float32Array[]): { z: Info; ht: Info } {
    const { k, batch, hidden, n } = this;
    const [w1, w2, b2] = used;
    // w2 times the unit count, which the pool divides by again (exactly, for a power of two).
    const scaled = new Float32Array(w2.length);
    for (let i = 0; i < w2.length; i++) scaled[i] = w2[i] * hidden;
    const ht = k.run(
      '_FusedMatMul',
      { a: k.upload(w1, [1, hidden, w1.length / hidden]), b: batch.xt },
      { ...PLAIN, activation: 'relu' },
    );
    const weighted = k.run('Multiply', { a: ht, b: k.upload(scaled, [1, hidden, 1]) });
    let mean = DirectKernels.view(weighted, [1, hidden, 1, n]);
    for (const w of this.windows) {
      mean = k.run('AvgPool', { x: mean }, { filterSize: [w, 1], strides: [w, 1], pad: 'valid' });
    }
    const z = k.run('Add', { a: mean, b: k.upload(Float32Array.of(b2[0]), []) });
    return { z: DirectKernels.view(z, [1, 1, n]), ht };
  }

  products(used: Float32Array[], withLoss: boolean): Float32Array[] {
    const { k, batch } = this;
    try {
      const { z, ht } = this.logits(used);
      const r = k.run('Sub', { a: k.run('Sigmoid', { x: z }), b: batch.y });
      const s = k.run('Multiply', { a: k.run('Step', { x: ht }, { alpha: 0 }), b: r });
      const out = [
        k.read(k.run('BatchMatMul', { a: s, b: batch.x }, PLAIN)),
        k.read(k.run('Sum', { x: r }, { axis: null, keepDims: false })),
      ];
      if (withLoss) out.push(k.read(meanLogLossDirect(k, z, batch.sign)));
      return out;
    } finally {
      k.release();
    }
  }

  loss(used: Float32Array[]): number {
    const { k } = this;
    try {
      return k.read(meanLogLossDirect(k, this.logits(used).z, this.batch.sign))[0];
    } finally {
      k.release();
    }
  }

  dispose(): void {
    this.uploaded.release();
  }
}
