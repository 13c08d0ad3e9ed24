/**
 * Seeded random numbers for the simulation.
 *
 * Owns: the generator (xoshiro128**, seeded through splitmix32) and the
 * derivation of independent streams from (seed, purpose, index).
 * Must not touch: the platform's unseeded generator, the clock, or any global state. Every random
 * draw in src/sim comes from an `Rng` created here and passed in explicitly.
 *
 * Streams are split per purpose ("visitors", "split", "init", ...) and per
 * day or job, so adding draws for one purpose never reshuffles another.
 */

/** A seeded generator with the few distributions the world needs. */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Integer uniform on [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Bernoulli(p) as 0 or 1. */
  bernoulli(p: number): 0 | 1;
  /** Poisson(lambda) for small lambda (Knuth). */
  poisson(lambda: number): number;
}

/** Purposes that own a random stream. Adding one never changes the others. */
export type StreamName =
  'weather' | 'visitors' | 'labels' | 'split' | 'init' | 'shuffle' | 'sample' | 'fault';

const STREAM_IDS: Record<StreamName, number> = {
  weather: 1,
  visitors: 2,
  labels: 3,
  split: 4,
  init: 5,
  shuffle: 6,
  sample: 7,
  fault: 8,
};

/** splitmix32 step: a well-mixed 32-bit hash used for seeding. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Mixes several 32-bit integers into one seed. */
export function mixSeed(...parts: number[]): number {
  let h = 0x2545f491;
  for (const p of parts) {
    h = splitmix32(h ^ splitmix32(p >>> 0));
  }
  return h >>> 0;
}

/** Creates a generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  let s0 = splitmix32(seed >>> 0);
  let s1 = splitmix32(s0);
  let s2 = splitmix32(s1);
  let s3 = splitmix32(s2);
  if ((s0 | s1 | s2 | s3) === 0) s3 = 1;
  let spare: number | null = null;

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };

  const next = (): number => nextU32() / 4294967296;

  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      let u = next();
      while (u <= 1e-12) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    bernoulli: (p) => (next() < p ? 1 : 0),
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      let prod = next();
      while (prod > limit) {
        k++;
        prod *= next();
      }
      return k;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The generator for one purpose of one run, optionally per day or job index. */
export function stream(seed: number, name: StreamName, index = 0): Rng {
  return createRng(mixSeed(seed, STREAM_IDS[name], index));
}
