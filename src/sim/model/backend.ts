/**
 * TensorFlow.js backend set-up, in one place.
 *
 * Owns: choosing and initialising the backend (wasm first, cpu as the
 * fallback) and reporting which one runs and why.
 * Must not touch: the network or training code; file locations are given by
 * the caller (the browser worker passes the app's own asset URLs), so nothing
 * is ever fetched from outside the app.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName, BackendReport } from '../contract';

/** Where the wasm binaries live (file names as the wasm backend expects them). */
export interface WasmPaths {
  'tfjs-backend-wasm.wasm': string;
  'tfjs-backend-wasm-simd.wasm': string;
  'tfjs-backend-wasm-threaded-simd.wasm'?: string;
}

export interface BackendOptions {
  /** The backend to try first (default wasm). */
  prefer?: BackendName;
  /** Locations of the wasm binaries; omit in Node, where the package finds its own files. */
  wasmPaths?: WasmPaths;
}

let pathsSet = false;
/** The set-up in progress, if any: two overlapping set-ups would swap the backend under live tensors. */
let inflight: Promise<BackendReport> | null = null;

/**
 * Initialises TF.js; resolves with the backend actually running. A call made
 * while another is still starting waits for it and starts again afterwards
 * (cheap when the backend is already the one asked for).
 */
export function initBackend(options: BackendOptions = {}): Promise<BackendReport> {
  const previous = inflight ?? Promise.resolve(null);
  const next = previous.then(
    () => start(options),
    () => start(options),
  );
  inflight = next;
  void next
    .finally(() => {
      if (inflight === next) inflight = null;
    })
    .catch(() => {});
  return next;
}

async function start(options: BackendOptions): Promise<BackendReport> {
  const prefer = options.prefer ?? 'wasm';
  let fallbackReason: string | null = null;
  if (prefer === 'wasm') {
    try {
      if (options.wasmPaths && !pathsSet) {
        const simd = options.wasmPaths['tfjs-backend-wasm-simd.wasm'];
        // The map must name all three binaries. The threaded one loads only in a
        // cross-origin-isolated page, which the lab never is (COOP/COEP headers
        // make the threaded build hang), so the SIMD file stands in for it.
        setWasmPaths({
          'tfjs-backend-wasm-threaded-simd.wasm': simd,
          ...options.wasmPaths,
        });
        pathsSet = true;
      }
      // Already running: switching again would re-create the backend under live tensors.
      if (tf.getBackend() === 'wasm') return { backend: 'wasm', fallbackReason: null };
      // setBackend resolves false (it does not throw) when wasm cannot start.
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return { backend: 'wasm', fallbackReason: null };
      }
      fallbackReason = 'the wasm backend did not initialise';
    } catch (error) {
      fallbackReason = `the wasm backend failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('TensorFlow.js could not start any backend');
  await tf.ready();
  return { backend: 'cpu', fallbackReason };
}

/** Number of live tensors (the leak check). */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}

/**
 * Live tensors, the bytes their data holds on the backend, and the buffers
 * the backend holds in all (the long-run check). The last also counts
 * buffers made without the engine's books (directKernels.ts), which
 * `tf.memory()` does not see.
 */
export function tensorMemory(): { numTensors: number; numBytes: number; backendBuffers: number } {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes, backendBuffers: tf.engine().backend.numDataIds() };
}
