/**
 * Property-based tests of the settings schema: the whole-object parser (any
 * JS value, valid or not, and each field at its limits), the lenient reader
 * that keeps what it can, and prototype keys in settings, scenario files,
 * links and storage. Counts are recorded as the `fuzz` figures
 * settingsSchema, settingsLenient and prototypeKeys.
 */
import fc from 'fast-check';
import { echo } from '../../../src/sim/echo';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LIMITS,
  SETTING_KEYS,
  parseSettings,
  parseSettingsLenient,
  type SettingKey,
} from '../../../src/sim/settings';
import { initialState } from '../../../src/store/boot';
import { readScenario } from '../../../src/ui/settings/readScenario';
import { recordFigures } from '../../support/figures';
import { INT_FIELDS, anyString, entriesObject, settingsEntries, unknownKey } from './arbitraries';
import { DEFAULTS, badKeys, intended, isSetting, namesExactly, revalidates } from './oracles';
import { holds, type Figures } from './runner';
import { storageFor } from './storage';
import { encodePair } from './urlCases';

const figures: Figures = {};

afterAll(() => {
  recordFigures('fuzz', figures);
});

/** JS-only values no JSON can hold: each is wrong for every field. */
const jsOnly: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    10n,
    () => 1,
    Symbol('seed'),
    new Date(0),
    new Map([['seed', 1]]),
    [Number.NaN],
  ),
  fc.bigInt(),
);

/** A JS object with the entries plus, sometimes, JS-only values in place of some. */
const jsObjects = fc
  .tuple(
    settingsEntries,
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as [SettingKey, unknown][]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.tuple(fc.constantFrom(...SETTING_KEYS), jsOnly), {
          minLength: 1,
          maxLength: 2,
        }),
      },
    ),
  )
  .map(([entries, extras]) => {
    const object = entriesObject(entries);
    const tags = new Map(entries.map((e) => [e.key, e]));
    for (const [key, value] of extras) {
      object[key] = value;
      tags.set(key, { key, json: 'null', valid: false, known: true });
    }
    return { object, entries: [...tags.values()] };
  });

/** Nested `depth` deep as a JS value (built without recursion). */
function deepValue(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

const notObjects: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308),
  anyString,
  fc.double(),
  fc.bigInt(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 10 }),
  fc.integer({ min: 1, max: 3000 }).map((n) => deepValue(n, 'array')),
  fc.constant(() => ({ seed: 1 })),
);

const objectsOrNot = fc.oneof(
  { weight: 3, arbitrary: jsObjects },
  { weight: 1, arbitrary: notObjects.map((v) => ({ v })) },
);

describe('the settings schema', () => {
  it('accepts a whole valid object exactly, and names every bad field of any other', () => {
    holds(
      figures,
      'settingsSchema',
      7,
      objectsOrNot,
      ['not an object', 'accepted', 'rejected'],
      (input) => {
        if (!('object' in input)) {
          const r = parseSettings(input.v);
          expect(r).toEqual({
            ok: false,
            issues: [{ field: '(all)', message: 'settings must be an object' }],
          });
          return 'not an object';
        }
        const { object, entries } = input;
        const r = parseSettings(object);
        if (badKeys(entries).length === 0) {
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.settings).toEqual(intended(entries));
            revalidates(r.settings);
          }
          return 'accepted';
        }
        expect(r.ok).toBe(false);
        if (r.ok) return 'accepted';
        const known = new Set(r.issues.map((i) => i.field).filter(isSetting));
        expect([...known].sort()).toEqual(
          entries
            .filter((e) => e.known && !e.valid)
            .map((e) => e.key)
            .sort(),
        );
        for (const issue of r.issues) {
          if (isSetting(issue.field))
            expect(issue.message.startsWith(`${issue.field} must`)).toBe(true);
          else expect(issue.message.startsWith('unknown setting')).toBe(true);
        }
        namesExactly(r.issues.map((i) => i.message).join('; '), entries);
        return 'rejected';
      },
    );
  });

  it('deep nesting inside a field is rejected at that field', () => {
    for (const kind of ['array', 'object'] as const) {
      const r = parseSettings({ seed: deepValue(1000, kind), scenario: deepValue(1000, kind) });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['scenario', 'seed']);
    }
  });

  it('each field at its limits: min and max pass, min-1, max+1 and the rest fail', () => {
    const cases: [SettingKey, unknown, boolean][] = [];
    for (const key of INT_FIELDS) {
      const { min, max } = LIMITS[key];
      cases.push([key, min, true], [key, max, true], [key, min - 1, false], [key, max + 1, false]);
      cases.push([key, min + 0.5, false], [key, Number.NaN, false], [key, 1e308, false]);
      cases.push([key, Number.POSITIVE_INFINITY, false], [key, Number.NEGATIVE_INFINITY, false]);
      cases.push([key, -0, min === 0]);
    }
    const lr = LIMITS.learningRate;
    cases.push(['learningRate', lr.min, true], ['learningRate', lr.max, true]);
    cases.push(['learningRate', lr.min / 2, false], ['learningRate', lr.max * 2, false]);
    cases.push(['learningRate', Number.NaN, false], ['learningRate', -0, false]);
    cases.push(['startDate', `${LIMITS.startYear.min}-01-01`, true]);
    cases.push(['startDate', `${LIMITS.startYear.max}-12-31`, true]);
    cases.push(['startDate', `${LIMITS.startYear.min - 1}-12-31`, false]);
    cases.push(['startDate', `${LIMITS.startYear.max + 1}-01-01`, false]);
    for (const [key, value, ok] of cases) {
      const r = parseSettings({ [key]: value });
      expect({ key, value, ok: r.ok }).toEqual({ key, value, ok });
      if (!r.ok) expect(r.issues.map((i) => i.field)).toContain(key);
    }
  });

  it('the lenient reader keeps each valid field, drops and names each bad one, never throws', () => {
    holds(
      figures,
      'settingsLenient',
      8,
      objectsOrNot,
      ['not an object', 'all kept', 'some dropped'],
      (input) => {
        if (!('object' in input)) {
          expect(parseSettingsLenient(input.v)).toEqual({
            settings: DEFAULTS,
            dropped: [{ field: '(all)', message: 'settings must be an object' }],
          });
          return 'not an object';
        }
        const { object, entries } = input;
        const { settings, dropped } = parseSettingsLenient(object);
        revalidates(settings);
        const want = intended(entries.filter((e) => e.valid));
        expect(settings).toEqual(want);
        // Unknown keys are named as echoed (cut, control characters shown: src/sim/echo.ts).
        expect(dropped.map((d) => d.field).sort()).toEqual(
          badKeys(entries)
            .map((k) => echo(k))
            .sort(),
        );
        for (const d of dropped) {
          expect(d.message).toContain(isSetting(d.field) ? `${d.field} must` : `"${d.field}"`);
        }
        return dropped.length === 0 ? 'all kept' : 'some dropped';
      },
    );
  });
});

describe('unknown keys', () => {
  it('prototype keys never reach an object prototype', () => {
    holds(figures, 'prototypeKeys', 13, unknownKey, ['clean'], (key) => {
      const text = `{${JSON.stringify(key)}: {"polluted": true}}`;
      parseSettingsLenient(JSON.parse(text));
      readScenario(text);
      initialState(`?${encodePair(key, 'x')}`, storageFor('memory', text), '0.1.0');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      return 'clean';
    });
  });
});
