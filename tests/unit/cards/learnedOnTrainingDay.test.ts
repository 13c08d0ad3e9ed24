/**
 * "What it learned" on the last day of the collection period: version 1 is
 * trained at the end of that day, so the day's results carry what it learned
 * (the cards showed "–" for every weight there, because the effects were
 * measured before training, when no model existed yet).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/sim/contract';
import { COLLECTION_DAYS } from '../../../src/sim/ops/schedule';
import { FEATURE_COUNT } from '../../../src/sim/world/features';
import { modelFacts } from '../../../src/ui/cards/modelFacts';
import { run } from '../helpers';

describe('the day version 1 is trained', () => {
  let out: RunOutput;
  beforeAll(async () => {
    out = await run({ days: COLLECTION_DAYS + 3, visitorsPerDay: 200 });
  });

  it('carries version 1’s effects for both models; the days before carry none', () => {
    const last = out.days[COLLECTION_DAYS - 1];
    expect(last.phase).toBe('collection');
    expect(modelFacts(out.days, COLLECTION_DAYS, 'static').trained).toBe(true);
    for (const role of ['static', 'dynamic'] as const) {
      const learned = last.effects[role];
      expect(learned).toHaveLength(FEATURE_COUNT);
      expect(learned!.every(Number.isFinite)).toBe(true);
      expect(out.days[COLLECTION_DAYS - 2].effects[role]).toBeNull();
    }
    // A logistic model's effect is its weight per unit, the same on every day:
    // the weights shown on the training day are the ones that serve the next day.
    const next = out.days[COLLECTION_DAYS].effects.static!;
    last.effects.static!.forEach((w, j) => expect(w).toBeCloseTo(next[j], 10));
    expect(last.effects.dynamic).toEqual(last.effects.static);
  });
});
