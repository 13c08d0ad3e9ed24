/**
 * The link rule (issue 16): a link written under settings S, opened where
 * storage holds any other settings T, yields exactly S (and its day and
 * interventions); and equal settings give equal results, so the opener sees
 * the author's numbers.
 *
 * Owns: these two claims. Must not touch: the URL's field-by-field reading
 * (tests/unit/fuzz/url.fuzz.test.ts) or storage faults (storageFaults.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../src/sim/model';
import { Engine } from '../../src/sim/engine';
import type { DayResult, Intervention } from '../../src/sim/contract';
import {
  SETTINGS_TABLE,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from '../../src/sim/settings';
import { initialState } from '../../src/store/boot';
import { STORAGE_KEY } from '../../src/store/persist';
import { formatUrlState } from '../../src/store/url';
import { validDate } from './fuzz/arbitraries';
import { storageFor } from './fuzz/storage';
import { settingsWith, withoutTimings } from './helpers';

/** Any valid value of one setting, from its table entry. */
function valueOf(key: SettingKey): fc.Arbitrary<unknown> {
  const spec = SETTINGS_TABLE[key];
  switch (spec.kind) {
    case 'int':
      return fc.oneof(
        fc.integer({ min: spec.min, max: spec.max }),
        fc.constantFrom(spec.min, spec.max, spec.default),
      );
    case 'number':
      return fc.oneof(
        fc.double({ min: spec.min, max: spec.max, noNaN: true }),
        fc.constant(spec.default),
      );
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.oneof(validDate, fc.constant(spec.default));
    case 'knob':
      return fc.oneof(
        fc.constant(null),
        spec.integer
          ? fc.integer({ min: spec.min, max: spec.max })
          : fc.double({ min: spec.min, max: spec.max, noNaN: true }),
      );
  }
}

/** Whole valid settings: every field drawn, often at its default. */
const anySettings: fc.Arbitrary<Settings> = fc.record(
  Object.fromEntries(SETTING_KEYS.map((key) => [key, valueOf(key)])) as Record<
    SettingKey,
    fc.Arbitrary<unknown>
  >,
) as fc.Arbitrary<Settings>;

/** Stored settings: some fields of other settings. */
const anyStored = fc
  .tuple(anySettings, fc.subarray([...SETTING_KEYS]))
  .map(([t, keys]) => Object.fromEntries(keys.map((k) => [k, t[k]])));

describe('a link opened over any stored settings', () => {
  it('yields exactly the settings, day and interventions it was written under', () => {
    fc.assert(
      fc.property(
        anySettings,
        anyStored,
        fc.integer({ min: 0, max: 3650 }),
        fc.boolean(),
        (s, t, dayWish, intervene) => {
          const day = Math.min(dayWish, s.days);
          const interventions: Intervention[] =
            intervene && s.days >= 70 ? [{ day: 70, kind: 'rollback', version: 1 }] : [];
          const link = formatUrlState(s, day, interventions, '0.1.0');
          const storage = storageFor('memory', JSON.stringify({ version: 1, settings: t }));
          const opened = initialState(link, storage, '0.1.0');
          expect(opened.settings).toEqual(s);
          expect(opened.day).toBe(day);
          expect(opened.interventions).toEqual(interventions);
          expect(opened.notices).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });

  it('stored settings are read at all only on a bare visit', () => {
    const storage = storageFor(
      'memory',
      JSON.stringify({ version: 1, settings: { model: 'mlp', days: 100 } }),
    );
    expect(STORAGE_KEY).toBe('bloomcast.settings');
    expect(initialState('', storage, '0.1.0').settings).toMatchObject({ model: 'mlp', days: 100 });
    expect(initialState('?day=300', storage, '0.1.0')).toMatchObject({
      settings: { model: 'logistic', days: 365 },
      day: 300,
    });
  });
});

/** The first `days` days of a run (cpu backend), timing fields aside. */
async function firstDays(
  settings: Settings,
  days: number,
  interventions: Intervention[] = [],
): Promise<unknown> {
  const { backend } = await initBackend({ prefer: 'cpu' });
  const engine = new Engine(settings, { backend, interventions });
  const out: DayResult[] = [];
  while (out.length < days && !engine.done) out.push(engine.step());
  return withoutTimings(out);
}

describe('equal settings, equal results', () => {
  const stored = storageFor(
    'memory',
    JSON.stringify({
      version: 1,
      settings: { model: 'mlp', cadence: 'weekly', windowDays: 7, visitorsPerDay: 400 },
    }),
  );

  it.each([
    ['the issue’s Valentine link', { seed: 3, visitorsPerDay: 120 }, []],
    [
      'a weekly MLP with a rollback',
      { seed: 5, visitorsPerDay: 100, model: 'mlp' as const, cadence: 'weekly' as const },
      [{ day: 80, kind: 'rollback' as const, version: 2 }],
    ],
  ])(
    '%s: the opened link runs the first 120 days exactly as its author',
    async (_name, overrides, interventions: Intervention[]) => {
      const author = settingsWith(overrides);
      const link = formatUrlState(author, 120, interventions, '0.1.0');
      const opened = initialState(link, stored, '0.1.0');
      expect(opened.interventions).toEqual(interventions);
      const [a, b] = [
        await firstDays(author, 120, interventions),
        await firstDays(opened.settings, 120, opened.interventions),
      ];
      expect(b).toEqual(a);
    },
    // Two MLP runs on the cpu backend: a minute or more when the machine is busy.
    180_000,
  );
});
