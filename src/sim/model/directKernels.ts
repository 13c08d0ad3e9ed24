/**
 * The backend's kernels called directly, for loops that run the same dozen
 * kernels thousands of times: the MLP's training steps (unitPass.ts), the
 * logistic model's passes (logistic.ts) and every prediction (train.ts).
 *
 * Owns: looking the kernels up once, running them on plain tensor records
 * ({ dataId, shape, dtype }), uploading and reading float32 data, and freeing
 * every buffer it made when asked.
 * Must not touch: the maths (unitPass.ts says what to run) or tensors it did
 * not make: inputs made by TF.js (the job's batch) stay TF.js's to free.
 *
 * Why: through `tf.engine().runKernel` a kernel call also passes the engine's
 * bookkeeping (scopes, tensor objects, the kernel registry's lookup by a
 * composed key, `tf.tidy`'s walk of what it returns, a gradient closure
 * around every fused product): about 2-3% of an MLP year and a tenth of a
 * logistic one in Node, and half of what a run allocates (about 50 MB a
 * year), which V8's collector then sweeps on the helper threads a pool of
 * workers shares. The kernels and their arguments are the same, so the
 * numbers are bit for bit those of the public ops (the scenario digests and
 * tests/fixtures/mlpDigest.json hold them). Buffers made here are not
 * counted by `tf.memory()`; `tensorMemory` (backend.ts) reports the
 * backend's own count of buffers beside it, which the long-run tests hold
 * flat.
 *
 * Loops that run per job or per day here and in the trainers are written as
 * plain loops and class methods, not callbacks made per call
 * (`xs.map((x) => ...)`, or a pass handed to a helper as `() => ...`): V8
 * keeps optimised code for a function that lives, but a closure made per
 * call lost its code at each full collection (about one a seed) and was
 * compiled again. Traced in Chromium over ten seeds on one worker, each such
 * callback was compiled 7-10 times, on the helper threads a pool of workers
 * shares. ESLint holds the files that run every day or job to it
 * (HOT_CALLBACK in eslint.config.js).
 */
import * as tf from '@tensorflow/tfjs-core';

/** A tensor as a kernel sees it: its data's handle, shape and type. */
export interface Info {
  dataId: object;
  shape: number[];
  dtype: tf.DataType;
}

type KernelRun = (args: { inputs: object; backend: unknown; attrs: object }) => Info;

/** Kernels run on the current backend, each output kept until `release`. */
export class DirectKernels {
  private readonly backend = tf.backend();
  private readonly funcs = new Map<string, KernelRun>();
  private made: Info[] = [];

  /** Runs kernel `name`; its output lives until the next `release`. */
  run(name: string, inputs: Record<string, Info>, attrs: object = {}): Info {
    let func = this.funcs.get(name);
    if (!func) {
      const config = tf.getKernel(name, tf.getBackend());
      if (!config) throw new Error(`no ${name} kernel on the ${tf.getBackend()} backend`);
      func = config.kernelFunc as unknown as KernelRun;
      this.funcs.set(name, func);
    }
    const out = func({ inputs, backend: this.backend, attrs });
    this.made.push(out);
    return out;
  }

  /** Uploads float32 data in `shape`; it lives until the next `release`. */
  upload(data: Float32Array, shape: number[]): Info {
    const info: Info = {
      dataId: this.backend.write(data, shape, 'float32'),
      shape,
      dtype: 'float32',
    };
    this.made.push(info);
    return info;
  }

  /** The same data in another shape of the same size (a free reshape). */
  static view(info: Info, shape: number[]): Info {
    return { dataId: info.dataId, shape, dtype: info.dtype };
  }

  /** A copy of `info`'s data. */
  read(info: Info): Float32Array {
    return this.backend.readSync(info.dataId) as Float32Array;
  }

  /**
   * Frees every buffer made since the last release. Callers run a pass in
   * `try` and release in `finally` (not through a helper taking a callback:
   * see the header), so a kernel that throws leaks nothing.
   */
  release(): void {
    const made = this.made;
    this.made = [];
    for (const info of made) this.backend.disposeData(info.dataId);
  }
}
