/**
 * The training rows a pipeline's jobs share (src/sim/ops/jobs.ts RowBuffer):
 * a window copied into the buffer holds the same rows as a fresh copy, in the
 * full window and in a sampled one; later takes reuse the same memory and
 * grow it only for a larger window. That whole runs, whose every job now
 * shares the buffer, give the same numbers as before is held by the digests
 * of every scenario (knobs/defaults.test.ts).
 *
 * Owns: these checks.
 */
import { describe, expect, it } from 'vitest';
import { RowBuffer, windowRows } from '../../src/sim/ops/jobs';
import { stream } from '../../src/sim/rng';
import { dateOfDay } from '../../src/sim/world/calendar';
import { dayContext } from '../../src/sim/world/truth';
import { FEATURE_COUNT } from '../../src/sim/world/features';
import { SCENARIOS } from '../../src/sim/world/scenarios';
import { generateDay } from '../../src/sim/world/visitors';

const scenario = SCENARIOS.valentine;

function days(count: number, n: number) {
  return Array.from({ length: count }, (_, i) =>
    generateDay(3, scenario, i + 1, dayContext(dateOfDay('2025-07-01', i + 1), scenario), n),
  );
}

describe('the row buffer of a pipeline', () => {
  it('holds the same rows as a fresh copy, whole or sampled', () => {
    const window = days(6, 40);
    const buffer = new RowBuffer();
    for (const maxRows of [10_000, 100]) {
      const fresh = windowRows(window, stream(9, 'sample', 1), maxRows);
      const shared = windowRows(window, stream(9, 'sample', 1), maxRows, buffer);
      expect(shared.n).toBe(fresh.n);
      expect(shared.x.length).toBe(fresh.n * FEATURE_COUNT);
      expect(Array.from(shared.x)).toEqual(Array.from(fresh.x));
      expect(Array.from(shared.y)).toEqual(Array.from(fresh.y));
      // Copied into the buffer, not into new arrays.
      expect(buffer.take(1).x.buffer).toBe(shared.x.buffer);
    }
  });

  it('reuses its memory, and grows only for a larger window', () => {
    const buffer = new RowBuffer();
    const first = buffer.take(100);
    const smaller = buffer.take(60);
    expect(smaller.x.buffer).toBe(first.x.buffer);
    expect(smaller.y.buffer).toBe(first.y.buffer);
    expect(smaller.y.length).toBe(60);
    // A little larger than the first still fits the headroom.
    expect(buffer.take(120).x.buffer).toBe(first.x.buffer);
    const larger = buffer.take(1_000);
    expect(larger.x.buffer).not.toBe(first.x.buffer);
    expect(larger.x.length).toBe(1_000 * FEATURE_COUNT);
  });
});
