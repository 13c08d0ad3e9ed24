/**
 * What the models learned beside what is true: the effect measurements agree
 * with the models' own arithmetic and with the world's known coefficients,
 * and over a run the dynamic model's weights move in February while the
 * static model's stand still.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  initBackend,
  logOdds,
  modelEffects,
  predict,
  type ModelSnapshot,
  weightsInFeatureUnits,
} from '../../src/sim/model';
import { initialParams } from '../../src/sim/model/init';
import type { DayResult } from '../../src/sim/contract';
import { stream } from '../../src/sim/rng';
import { effectProbe, trueEffects } from '../../src/sim/world/effects';
import { COL, FEATURE_COUNT } from '../../src/sim/world/features';
import { SCENARIOS } from '../../src/sim/world/scenarios';
import { dayContext } from '../../src/sim/world/truth';
import { generateDay } from '../../src/sim/world/visitors';
import { run } from './helpers';

beforeAll(async () => {
  await initBackend();
});

function randomSnapshot(kind: 'logistic' | 'mlp'): ModelSnapshot {
  const rng = stream(7, 'init', 1);
  const scaler = {
    mean: Float32Array.from({ length: FEATURE_COUNT }, (_, j) => j * 2),
    scale: Float32Array.from({ length: FEATURE_COUNT }, (_, j) => 1 + j),
  };
  const params = initialParams(kind, FEATURE_COUNT, 16, rng).map((p) =>
    Float32Array.from(p, (v, i) => v + 0.3 * Math.sin(i + 1)),
  );
  return { kind, features: FEATURE_COUNT, hidden: 16, scaler, params };
}

const valentine = SCENARIOS.valentine;

describe('a model’s effects are measured on its own arithmetic', () => {
  const data = generateDay(3, valentine, 200, dayContext('2026-01-15', valentine), 300);

  it.each(['logistic', 'mlp'] as const)('%s: logOdds matches the TF.js prediction', (kind) => {
    const s = randomSnapshot(kind);
    const p = predict(s, data.features, data.n);
    for (const i of [0, 17, 299]) {
      const z = logOdds(s, data.features.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT));
      expect(1 / (1 + Math.exp(-z))).toBeCloseTo(p[i], 5);
    }
  });

  it('logistic: the effect of each feature is its weight in the feature’s own units', () => {
    const s = randomSnapshot('logistic');
    const effects = modelEffects(s, data.features, data.n);
    const weights = weightsInFeatureUnits(s);
    expect(weights).not.toBeNull();
    effects.forEach((e, j) => expect(e).toBeCloseTo(weights![j], 4));
    // The same number a finite difference of the model's log-odds gives, row by row.
    const row = Float64Array.from(data.features.subarray(0, FEATURE_COUNT));
    for (let j = 0; j < FEATURE_COUNT; j++) {
      const { from, to, step } = effectProbe(j, row[j]);
      const probe = Float64Array.from(row);
      probe[j] = from;
      const low = logOdds(s, probe);
      probe[j] = to;
      expect((logOdds(s, probe) - low) / step).toBeCloseTo(effects[j], 4);
    }
  });
});

describe('the true effects follow the world’s coefficients', () => {
  it('on an ordinary stable day: partner +1.5, weekend +0.5, price -0.09 per dollar', () => {
    const stable = SCENARIOS.stable;
    const context = dayContext('2025-10-08', stable);
    const data = generateDay(1, stable, 100, context, 500);
    const t = trueEffects(data.features, data.n, context, stable, []);
    expect(t[COL.hasPartner]).toBeCloseTo(1.5, 6);
    expect(t[COL.weekend]).toBeCloseTo(0.5, 6);
    expect(t[COL.price]).toBeCloseTo(-0.09, 6);
    expect(t[COL.daysToHoliday]).toBeCloseTo(0, 6);
  });

  it('a week before Valentine’s Day a partner is worth far more, and price far less', () => {
    const context = dayContext('2026-02-07', valentine);
    const data = generateDay(1, valentine, 222, context, 500);
    const t = trueEffects(data.features, data.n, context, valentine, []);
    expect(t[COL.hasPartner]!).toBeGreaterThan(5);
    expect(Math.abs(t[COL.price]!)).toBeLessThan(0.03);
    // Moving away from the holiday loses its boost: a negative slope per day.
    expect(t[COL.daysToHoliday]!).toBeLessThan(-0.05);
  });

  it('a dark feature has no true effect to show', () => {
    const context = dayContext('2025-11-10', valentine);
    const data = generateDay(1, SCENARIOS.outage, 133, context, 200);
    const t = trueEffects(data.features, data.n, context, SCENARIOS.outage, data.darkFeatures);
    expect(data.darkFeatures).toEqual(['minutesOnSite']);
    expect(t[COL.minutesOnSite]).toBeNull();
    expect(t[COL.age]).not.toBeNull();
  });
});

describe('over a run: dynamic weights move in February, static weights stand still', () => {
  let days: DayResult[];
  beforeAll(async () => {
    ({ days } = await run({ scenario: 'valentine', seed: 2 }));
  });
  const on = (date: string) => days.find((d) => d.date === date)!;

  it('no model effects during collection, truth every day', () => {
    expect(on('2025-07-10').effects.static).toBeNull();
    expect(on('2025-07-10').effects.truth.every((v) => v !== null)).toBe(true);
  });

  it('static: the same weights in January and February (logistic)', () => {
    const jan = on('2026-01-20').effects.static!;
    const feb = on('2026-02-10').effects.static!;
    jan.forEach((w, j) => expect(feb[j]).toBeCloseTo(w, 5));
  });

  it('dynamic: the partner weight climbs toward the truth before 14 February', () => {
    const jan = on('2026-01-20').effects;
    const feb = on('2026-02-12').effects;
    const partner = COL.hasPartner;
    expect(feb.dynamic![partner] - jan.dynamic![partner]).toBeGreaterThan(0.5);
    const truth = feb.truth[partner]!;
    expect(Math.abs(truth - feb.dynamic![partner])).toBeLessThan(
      Math.abs(truth - feb.static![partner]),
    );
  });
});
