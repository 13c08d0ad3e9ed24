/**
 * The fuzz runner: each property runs RUNS generated inputs with a fixed
 * seed, must see every outcome it names come up, and leaves its counts in the
 * figures of the test file that ran it (each file records its own surfaces
 * as `fuzz` figures in its afterAll).
 *
 * Owns: the run count, `holds`, `expectMix` and the figures bookkeeping.
 * Must not touch: the generators (arbitraries.ts and friends) or what a
 * property asserts.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Generated inputs per property. */
export const RUNS = 600;

/** Inputs tried and passed for one surface. */
export type Counts = { tried: number; passed: number };

/** A test file's counts by surface, recorded in its afterAll. */
export type Figures = Record<string, Counts>;

/** Fails unless every outcome in `labels` came up in at least one run in 20. */
export function expectMix(surface: string, mix: Map<string, number>, labels: string[]): void {
  for (const label of labels) {
    expect(mix.get(label) ?? 0, `${surface}: runs ending "${label}"`).toBeGreaterThanOrEqual(
      RUNS / 20,
    );
  }
}

/**
 * Runs `check` on RUNS inputs (seeded), counts them into `figures[surface]`,
 * and fails with fast-check's report. `check` names each run's outcome;
 * every one of `labels` must come up, so a generator that drifts towards one
 * kind of input fails too.
 */
export function holds<T>(
  figures: Figures,
  surface: string,
  seed: number,
  arb: fc.Arbitrary<T>,
  labels: string[],
  check: (v: T) => string,
) {
  const count = { tried: 0, passed: 0 };
  const mix = new Map<string, number>();
  const details = fc.check(
    fc.property(arb, (v) => {
      count.tried++;
      const label = check(v);
      mix.set(label, (mix.get(label) ?? 0) + 1);
      count.passed++;
    }),
    { numRuns: RUNS, seed },
  );
  expect(details.failed, fc.defaultReportMessage(details)).toBe(false);
  expect(details.numRuns).toBe(RUNS);
  expect(count).toEqual({ tried: RUNS, passed: RUNS });
  expectMix(surface, mix, labels);
  figures[surface] = count;
}
