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

/**
 * xoshiro128** as a class: the state in four int32 fields. The same
 * arithmetic as closures over four variables (and the same numbers, bit for
 * bit), but one shape and one set of methods for every stream: a run makes
 * three streams a day, and closures made anew each day left V8 optimising the
 * same generator again and again on its helper threads.
 */
class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Box-Muller's second value, kept for the next normal(); NaN when there is none. */
  private spare = Number.NaN;

  constructor(seed: number) {
    this.s0 = splitmix32(seed >>> 0);
    this.s1 = splitmix32(this.s0);
    this.s2 = splitmix32(this.s1);
    this.s3 = splitmix32(this.s2);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s3 = 1;
  }

  private nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  next(): number {
    return this.nextU32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = Number.NaN;
      return v;
    }
    let u = this.next();
    while (u <= 1e-12) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  bernoulli(p: number): 0 | 1 {
    return this.next() < p ? 1 : 0;
  }

  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let prod = this.next();
    while (prod > limit) {
      k++;
      prod *= this.next();
    }
    return k;
  }
}

/** Creates a generator from a 32-bit seed. */
export function createRng(seed: number): Rng {
  return new Xoshiro128(seed);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The generator for one purpose of one run, optionally per day or job index. */
export function stream(seed: number, name: StreamName, index = 0): Rng {
  return createRng(mixSeed(seed, STREAM_IDS[name], index));
}
