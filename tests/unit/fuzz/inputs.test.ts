/**
 * Property-based tests of every way bad input reaches the lab: the settings
 * schema (whole and lenient), the URL parser and the page's start-up state,
 * the scenario-file reader and the store that applies an imported file.
 * Each property runs at least 500 generated inputs with a fixed seed, and
 * the counts are reported as the `fuzz` figures.
 *
 * One test file on purpose: the figures helper merges into one JSON file per
 * section, and files run in parallel processes.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LIMITS,
  SETTING_KEYS,
  defaultSettings,
  parseSettings,
  parseSettingsLenient,
  type SettingKey,
  type Settings,
} from '../../../src/sim/settings';
import type { Intervention } from '../../../src/sim/results';
import { initialState } from '../../../src/store/boot';
import { createLabStore, type LabStore } from '../../../src/store/labStore';
import { STORAGE_KEY, type SettingsStorage } from '../../../src/store/persist';
import {
  URL_PARAMS,
  formatInterventions,
  formatUrlState,
  parseUrlState,
  type UrlState,
} from '../../../src/store/url';
import { MAX_BYTES, readScenario } from '../../../src/ui/settings/readScenario';
import { recordFigures } from '../../support/figures';
import { inProcessClient } from '../../support/inProcessClient';
import {
  BOOL_FIELDS,
  ENUM_FIELDS,
  INJECTIONS,
  INT_FIELDS,
  anyString,
  deepArrayJson,
  deepObjectJson,
  entriesJson,
  entriesObject,
  invalidDate,
  longString,
  notAnObjectJson,
  randomText,
  settingsEntries,
  truncated,
  unknownKey,
  validDate,
  type Entry,
} from './arbitraries';

/** Generated inputs per property. */
const RUNS = 600;
const figures: Record<string, { tried: number; passed: number }> = {};

/** Fails unless every outcome in `labels` came up in at least one run in 20. */
function expectMix(surface: string, mix: Map<string, number>, labels: string[]): void {
  for (const label of labels) {
    expect(mix.get(label) ?? 0, `${surface}: runs ending "${label}"`).toBeGreaterThanOrEqual(
      RUNS / 20,
    );
  }
}

/**
 * Runs `check` on RUNS inputs (seeded), counts them, and fails with
 * fast-check's report. `check` names each run's outcome; every one of
 * `labels` must come up, so a generator that drifts towards one kind of
 * input fails too.
 */
function holds<T>(
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

afterAll(() => {
  recordFigures('fuzz', figures);
});

const DEFAULTS = defaultSettings();
const isSetting = (k: string): k is SettingKey => (SETTING_KEYS as readonly string[]).includes(k);

/** The settings a whole, valid object asks for: its values over the defaults. */
function intended(entries: Entry[]): Settings {
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const e of entries) out[e.key] = JSON.parse(e.json) as unknown;
  return out as Settings;
}

/** Fields that must be rejected: invalid settings and unknown keys. */
const badKeys = (entries: Entry[]) => entries.filter((e) => !e.valid).map((e) => e.key);

/** Checks that a whole-object message names exactly the bad entries. */
function namesExactly(message: string, entries: Entry[]): void {
  for (const e of entries) {
    if (e.known && !e.valid) expect(message).toContain(`${e.key} must`);
    if (e.known && e.valid) expect(message).not.toContain(`${e.key} must`);
    if (!e.known) {
      expect(message).toContain('unknown setting');
      expect(message).toContain(`"${e.key}"`);
    }
  }
}

/** Settings pass the whole-object schema unchanged. */
function revalidates(settings: Settings): void {
  const again = parseSettings(settings);
  expect(again.ok).toBe(true);
  if (again.ok) {
    expect(again.settings).toEqual(settings);
    expect(Object.keys(again.settings).sort()).toEqual([...SETTING_KEYS].sort());
  }
}

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
    holds('settingsSchema', 7, objectsOrNot, ['not an object', 'accepted', 'rejected'], (input) => {
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
    });
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
        expect(dropped.map((d) => d.field).sort()).toEqual(badKeys(entries).sort());
        for (const d of dropped) {
          expect(d.message).toContain(isSetting(d.field) ? `${d.field} must` : `"${d.field}"`);
        }
        return dropped.length === 0 ? 'all kept' : 'some dropped';
      },
    );
  });
});

// ---------------------------------------------------------------------------
// The URL

const PRESENT_PANELS = ['none', 'cards', 'drift', 'jobs'];
/** Dropped-field name for each non-setting parameter. */
const OTHER_PARAMS: Record<string, string> = {
  day: 'day',
  iv: 'interventions',
  v: 'version',
  show: 'show',
  roll: 'roll',
  present: 'present',
  inputs: 'inputs',
};
const PARAM_FIELD: Record<string, string> = {
  ...Object.fromEntries(Object.entries(URL_PARAMS).map(([key, param]) => [param, key])),
  ...OTHER_PARAMS,
};
const ALL_PARAMS = Object.keys(PARAM_FIELD);

/** A parameter's value (decoded), and whether the parser must accept it (null: either). */
interface UrlCase {
  param: string;
  value: string;
  valid: boolean | null;
  /** The value the state must then hold (settings, day, interventions). */
  want?: unknown;
  /** Inserted into the query as is (broken percent-encoding), instead of encoded. */
  raw?: string;
}

const ok = (value: string, want?: unknown) => ({ value, valid: true, want });
const no = (value: string) => ({ value, valid: false });
const noDigits = anyString.filter((s) => !/\d/.test(s));

function urlSettingValue(key: SettingKey): fc.Arbitrary<Omit<UrlCase, 'param'>> {
  const tooLong = fc.constantFrom('1'.repeat(65), 'valentine'.padEnd(65, ' '), 'true'.repeat(17));
  const injection = fc.constantFrom(...INJECTIONS);
  if ((INT_FIELDS as readonly string[]).includes(key)) {
    const { min, max } = LIMITS[key as (typeof INT_FIELDS)[number]];
    return fc.oneof(
      fc
        .integer({ min, max })
        .chain((n) =>
          fc.constantFrom(ok(String(n), n), ok(` ${n} `, n), ok(`${n}.0`, n), ok(`${n}e0`, n)),
        ),
      fc.constantFrom(min, max).map((n) => ok(String(n), n)),
      ...(min === 0 ? [fc.constant(ok('-0', 0))] : []),
      fc
        .oneof(
          fc.constantFrom(
            String(min - 1),
            String(max + 1),
            `${min}.5`,
            'NaN',
            'Infinity',
            '-Infinity',
            '1e999',
            '1e308',
            '+5',
            '0x10',
            '',
            ' ',
            '1,000',
            '٣',
            '5n',
            '.5',
            '5.',
          ),
          injection,
          tooLong,
          noDigits,
        )
        .map(no),
    );
  }
  if (key === 'learningRate') {
    const { min, max } = LIMITS.learningRate;
    return fc.oneof(
      fc.double({ min, max, noNaN: true }).map((x) => ok(String(x), x)),
      fc.constantFrom(ok('0.0001', 1e-4), ok('10000', 1e4), ok('1e-4', 1e-4), ok('0.05', 0.05)),
      fc
        .oneof(
          fc.constantFrom('0', '-0', '-1', '0.00009', '10001', '1e5', 'NaN', '.5', '1e999', ''),
          injection,
          tooLong,
          noDigits,
        )
        .map(no),
    );
  }
  if ((BOOL_FIELDS as readonly string[]).includes(key)) {
    return fc.oneof(
      fc.constantFrom(ok('true', true), ok('1', true), ok('false', false), ok('0', false)),
      fc
        .oneof(
          fc.constantFrom('TRUE', 'yes', ' true', 'false ', '', '2', '-0', 'on'),
          injection,
          tooLong,
          noDigits.filter((s) => s !== 'true' && s !== 'false'),
        )
        .map(no),
    );
  }
  if (key === 'startDate') {
    return fc.oneof(
      validDate.map((d) => ok(d, d)),
      fc.oneof(invalidDate, injection, tooLong).map(no),
    );
  }
  const values: readonly string[] = ENUM_FIELDS[key as keyof typeof ENUM_FIELDS];
  return fc.oneof(
    fc.constantFrom(...values).map((v) => ok(v, v)),
    fc
      .oneof(
        fc.constantFrom(...values).map((v) => v.toUpperCase()),
        fc.constantFrom(...values).map((v) => ` ${v}`),
        fc.constant(''),
        injection,
        tooLong,
        anyString.filter((s) => !values.includes(s)),
      )
      .map(no),
  );
}

const intervention: fc.Arbitrary<Intervention> = fc.oneof(
  fc.record({
    day: fc.integer({ min: 0, max: 9999 }),
    kind: fc.constant('rollback' as const),
    version: fc.integer({ min: 0, max: 99999 }),
  }),
  fc.record({
    day: fc.integer({ min: 0, max: 9999 }),
    kind: fc.constant('gate' as const),
    gate: fc.constantFrom('validation' as const, 'data' as const),
    on: fc.boolean(),
  }),
);

const sortedByDay = (list: Intervention[]) => [...list].sort((a, b) => a.day - b.day);

function urlOtherValue(param: string): fc.Arbitrary<Omit<UrlCase, 'param'>> {
  const junk = fc.oneof(fc.constantFrom(...INJECTIONS), fc.constant(''), noDigits);
  const pick = (valid: string[], invalid: string[]) =>
    fc.oneof(
      fc.constantFrom(...valid).map((v) => ok(v)),
      fc
        .oneof(
          fc.constantFrom(...invalid),
          junk.filter((s) => !valid.includes(s)),
        )
        .map(no),
    );
  switch (param) {
    case 'day':
      return fc.oneof(
        fc.integer({ min: 0, max: LIMITS.days.min }).map((n) => ok(String(n), n)),
        fc.constant(ok('-0', 0)),
        fc
          .oneof(
            fc.constantFrom('-1', '1.5', 'abc', '', ' ', '99999', 'NaN', 'Infinity', '1e999'),
            junk,
          )
          .map(no),
        fc.constantFrom('0x10', '1e1', ' 5', '5 ').map((value) => ({ value, valid: null })),
      );
    case 'iv':
      return fc.oneof(
        fc
          .array(intervention, { minLength: 1, maxLength: 50 })
          .map((list) => ok(formatInterventions(list), sortedByDay(list))),
        fc
          .oneof(
            fc.constantFrom('x', 'r1.2_', '_', 'r12345.1', 'r1.123456', 'g1.x1', 'g1.v2', 'r-1.2'),
            fc.constant(Array(51).fill('r1.1').join('_')),
            junk.filter((s) => s !== ''),
          )
          .map(no),
      );
    case 'v':
      return fc.oneof(
        fc.stringMatching(/^[\w.+-]{1,32}$/).map((v) => ok(v)),
        fc
          .oneof(
            fc.constantFrom('', 'a'.repeat(33), 'a b', '1.0/', 'é'),
            junk.filter((s) => !/^[\w.+-]{1,32}$/.test(s)),
          )
          .map(no),
      );
    case 'show':
      return pick(['table', 'chart'], ['pie', 'TABLE', ' table']);
    case 'roll':
      return pick(['1', '7', '28'], ['5', '07', '7 ', '0', '-7']);
    case 'present':
      return pick(PRESENT_PANELS, ['everything', 'Cards', 'cards ']);
    default:
      return pick(
        ['static-day', 'static-window', 'dynamic-day', 'dynamic-window'],
        ['static', 'dynamic-month', 'x-day', 'static-day '],
      );
  }
}

/** Query text that decodes to anything: broken or cut percent-encoding, raw unicode. */
const mangled: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%E2%8', '%', '%%', '%G0', '%ED%A0%80', '%C3', '%00', '%2', '%FF%FE', '+%20+'),
  truncated(fc.constantFrom('2025-07-01', 'valentine', '%E2%82%AC', 'r157.85_g160.v0', '365')),
  fc.string({ unit: 'grapheme' }).map((s) => s.replace(/[&#]/g, '')),
);

const urlCase: fc.Arbitrary<UrlCase> = fc.constantFrom(...ALL_PARAMS).chain((param) => {
  const key = PARAM_FIELD[param];
  const value = isSetting(key) ? urlSettingValue(key) : urlOtherValue(param);
  return fc.oneof(
    { weight: 6, arbitrary: value.map((c) => ({ ...c, param })) },
    {
      weight: 1,
      arbitrary: mangled.map((raw): UrlCase => ({ param, value: '', valid: null, raw })),
    },
  );
});

const encodePair = (name: string, value: string) => new URLSearchParams([[name, value]]).toString();

/** A query string: some parameters (valid, invalid, mangled, repeated) and strangers. */
const queries = fc
  .tuple(
    fc.array(urlCase, { maxLength: 10 }),
    fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('utm_source', '__proto__', 'constructor', 'toString', 'Seed', 'DAY'),
          anyString,
        ),
        anyString,
      ),
      { maxLength: 2 },
    ),
    fc.boolean(),
  )
  .map(([cases, strangers, mark]) => {
    const parts = cases.map((c) =>
      c.raw === undefined ? encodePair(c.param, c.value) : `${c.param}=${c.raw}`,
    );
    for (const [name, value] of strangers) {
      if (!ALL_PARAMS.includes(name)) parts.push(encodePair(name, value));
    }
    return { cases, query: `${mark ? '?' : ''}${parts.join('&')}` };
  });

/** Whether the parsed state holds a parameter's value (else it must be dropped). */
function accepted(state: UrlState, param: string): boolean {
  const field = PARAM_FIELD[param];
  if (isSetting(field)) return field in state.settings;
  if (param === 'day') return state.day !== null;
  return !state.dropped.some((d) => d.field === field);
}

/** The display a state opens, with the store's defaults filled in. */
const effectiveDisplay = (d: UrlState['display']) => ({
  mode: 'chart',
  rolling: 1,
  presenting: false,
  presentPanel: 'cards',
  driftRole: 'static',
  driftScope: 'day',
  ...d,
});

/** The link a parsed state writes back. */
const rewrite = (s: UrlState) =>
  formatUrlState(
    { ...DEFAULTS, ...s.settings },
    s.day ?? 0,
    s.interventions,
    s.version ?? undefined,
    s.display,
  );

describe('the URL', () => {
  it('names every parameter with a bad value, keeps the good ones exactly, and round-trips', () => {
    holds('url', 9, queries, ['clean', 'dropped'], ({ cases, query }) => {
      const state = parseUrlState(query);
      const decoded = new URLSearchParams(query);
      const dropped = new Set(state.dropped.map((d) => d.field));
      // Only what the URL named is ever named.
      for (const field of dropped) {
        const param = Object.keys(PARAM_FIELD).find((p) => PARAM_FIELD[p] === field);
        expect(param && decoded.has(param), `dropped ${field}`).toBe(true);
      }
      for (const param of ALL_PARAMS) {
        const field = PARAM_FIELD[param];
        const values = decoded.getAll(param);
        if (values.length === 0) {
          expect(dropped.has(field)).toBe(false);
          if (isSetting(field) || param === 'day') expect(accepted(state, param)).toBe(false);
          continue;
        }
        if (values.some((v) => v !== values[0])) {
          // Said twice, differently: ambiguous, so dropped and named.
          expect(dropped.has(field), `${param} given twice`).toBe(true);
          if (isSetting(field) || param === 'day') expect(accepted(state, param)).toBe(false);
          continue;
        }
        const take = accepted(state, param);
        expect(take !== dropped.has(field), `${param}=${values[0]} kept xor dropped`).toBe(true);
        const mine = cases.find(
          (c) =>
            c.param === param &&
            c.raw === undefined &&
            c.valid !== null &&
            new URLSearchParams(encodePair(param, c.value)).get(param) === values[0],
        );
        if (!mine) continue;
        expect(take, `${param}=${JSON.stringify(values[0])}`).toBe(mine.valid);
        if (!mine.valid || mine.want === undefined) continue;
        if (isSetting(field)) expect(state.settings[field]).toEqual(mine.want);
        if (param === 'day') expect(state.day).toEqual(mine.want);
        if (param === 'iv') expect(state.interventions).toEqual(mine.want);
      }
      // What was accepted is valid, and writing it back reads the same state.
      const whole = { ...DEFAULTS, ...state.settings };
      revalidates(whole);
      const link = rewrite(state);
      const again = parseUrlState(link);
      expect(again.dropped).toEqual([]);
      expect({ ...DEFAULTS, ...again.settings }).toEqual(whole);
      expect(again.day).toBe(state.day ?? 0);
      expect(again.interventions).toEqual(state.interventions);
      expect(again.version).toBe(state.version);
      expect(effectiveDisplay(again.display)).toEqual(effectiveDisplay(state.display));
      expect(rewrite(again)).toBe(link);
      return state.dropped.length === 0 ? 'clean' : 'dropped';
    });
  });

  it('truncated percent-encoding and huge values never throw and are named', () => {
    const huge = 'x'.repeat(200_000);
    const state = parseUrlState(`?seed=${huge}&start=%E2%8&iv=${huge}&day=${'9'.repeat(5000)}`);
    expect(state.dropped.map((d) => d.field).sort()).toEqual([
      'day',
      'interventions',
      'seed',
      'startDate',
    ]);
  });
});

// ---------------------------------------------------------------------------
// The page's start-up state: URL over storage over defaults

/** Stored data under our key: valid, foreign, corrupt; the entries when it has them. */
const storedText: fc.Arbitrary<{ text: string | null; entries: Entry[] | null }> = fc.oneof(
  fc.constant({ text: null, entries: null }),
  settingsEntries.map((entries) => ({
    text: `{"version":1,"settings":${entriesJson(entries)}}`,
    entries,
  })),
  settingsEntries.map((entries) => ({ text: entriesJson(entries, ' '), entries })),
  fc
    .oneof(
      fc.constantFrom(
        '{"version":2,"settings":{"seed":3}}',
        `{"version":"${'9'.repeat(10_000)}"}`,
        '{"version":1}',
        '{"version":1,"settings":[1,2]}',
        '{"version":null,"settings":{}}',
        '{"version":1,"settings":{"__proto__":{"seed":3}}}',
      ),
      notAnObjectJson,
      randomText,
      truncated(settingsEntries.map((e) => `{"version":1,"settings":${entriesJson(e)}}`)),
      longString,
      fc.integer({ min: 1000, max: 20_000 }).map(deepObjectJson),
      fc.integer({ min: 1000, max: 20_000 }).map(deepArrayJson),
    )
    .map((text) => ({ text, entries: null })),
);

type StorageKind = 'memory' | 'unreadable' | 'none';

function storageFor(kind: StorageKind, text: string | null): SettingsStorage | null {
  if (kind === 'none') return null;
  if (kind === 'unreadable') {
    return {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
  }
  return {
    getItem: (key: string) => (key === STORAGE_KEY ? text : null),
    setItem: () => {},
  };
}

describe('the start-up state', () => {
  it('always valid settings, a notice naming whatever was dropped, URL over storage', () => {
    const arb = fc.record({
      query: queries,
      stored: storedText,
      kind: fc.constantFrom<StorageKind>('memory', 'memory', 'memory', 'unreadable', 'none'),
    });
    holds('initialState', 10, arb, ['quiet', 'notice'], ({ query: { query }, stored, kind }) => {
      const state = initialState(query, storageFor(kind, stored.text), '0.1.0');
      revalidates(state.settings);
      expect(Number.isInteger(state.day)).toBe(true);
      expect(state.day).toBeGreaterThanOrEqual(0);
      expect(state.day).toBeLessThanOrEqual(state.settings.days);

      const url = parseUrlState(query);
      const urlNotice = state.notices.find((n) => n.id === 'url');
      expect(Boolean(urlNotice)).toBe(url.dropped.length > 0);
      for (const d of url.dropped) expect(urlNotice?.text).toContain(d.field);
      for (const [key, value] of Object.entries(url.settings)) {
        expect(state.settings[key as SettingKey]).toEqual(value);
      }

      const storageNotice = state.notices.find((n) => n.id === 'storage');
      if (kind === 'none' || (kind === 'memory' && stored.text === null)) {
        expect(storageNotice).toBeUndefined();
      } else if (kind === 'unreadable') {
        expect(storageNotice?.text).toMatch(/storage is not readable/);
      } else if (stored.entries) {
        const bad = badKeys(stored.entries);
        expect(Boolean(storageNotice)).toBe(bad.length > 0);
        for (const key of bad) expect(storageNotice?.text).toContain(key);
        for (const e of stored.entries) {
          if (e.valid && !(e.key in url.settings)) {
            expect(state.settings[e.key as SettingKey]).toEqual(JSON.parse(e.json));
          }
        }
      } else {
        // Foreign or corrupt data: whatever was not used is reported.
        let value: unknown = undefined;
        try {
          value = JSON.parse(stored.text ?? '');
        } catch {
          expect(storageNotice?.text).toMatch(/not JSON/);
        }
        if (value !== undefined && storageNotice === undefined) {
          // Nothing reported: then nothing was dropped, and the data was a valid settings object.
          expect(typeof value).toBe('object');
        }
      }
      for (const n of state.notices) expect(n.text.length).toBeGreaterThan(0);
      return state.notices.length === 0 ? 'quiet' : 'notice';
    });
  });
});

// ---------------------------------------------------------------------------
// Scenario files

type ScenarioText =
  | { kind: 'entries'; text: string; entries: Entry[] }
  | { kind: 'not an object'; text: string }
  | { kind: 'any'; text: string };

const scenarioTexts: fc.Arbitrary<ScenarioText> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(settingsEntries, fc.constantFrom('', ' ', '\n  ', '\t'))
      .map(([entries, space]) => ({
        kind: 'entries' as const,
        text: entriesJson(entries, space),
        entries,
      })),
  },
  {
    weight: 2,
    arbitrary: notAnObjectJson.map((text) => ({ kind: 'not an object' as const, text })),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        randomText,
        truncated(settingsEntries.map((e) => entriesJson(e))),
        fc.integer({ min: 1000, max: 30_000 }).map(deepObjectJson),
        fc.integer({ min: 1000, max: 30_000 }).map(deepArrayJson),
        fc.constantFrom(
          '{"seed": 1, "seed": "x"}',
          '{"seed": "x", "seed": 1}',
          '{"a":{"$ref":"#"}}',
          '{"__proto__":{"seed":3}}',
          '{"constructor":{"prototype":{"seed":3}}}',
        ),
        fc
          .tuple(settingsEntries, fc.integer({ min: MAX_BYTES - 100, max: MAX_BYTES + 1000 }))
          .map(([e, n]) => entriesJson(e).replace(/^\{/, `{${' '.repeat(n)}`)),
        longString,
      )
      .map((text) => ({ kind: 'any' as const, text })),
  },
);

/** What readScenario must say about a text, by construction where known. */
function checkScenario(input: ScenarioText, result: ReturnType<typeof readScenario>): string {
  const { text } = input;
  if (text.length > MAX_BYTES) {
    expect(result).toEqual({ ok: false, message: 'the file is too large to be a scenario file' });
    return 'too large';
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^the file is not JSON \(/);
    return 'not JSON';
  }
  if (input.kind === 'not an object') {
    expect(result).toEqual({ ok: false, message: 'settings must be an object' });
    return 'not an object';
  }
  if (result.ok) {
    revalidates(result.settings);
    // Exported and imported again, it is the same file.
    const again = readScenario(JSON.stringify(result.settings));
    expect(again.ok && JSON.stringify(again.settings)).toBe(JSON.stringify(result.settings));
  }
  if (input.kind === 'entries') {
    const bad = badKeys(input.entries);
    expect(result.ok).toBe(bad.length === 0);
    if (result.ok) expect(result.settings).toEqual(intended(input.entries));
    else namesExactly(result.message, input.entries);
    return result.ok ? 'accepted' : 'rejected';
  }
  // Any other text: a rejection names each field the schema refused.
  const oracle = parseSettings(value);
  expect(result.ok).toBe(oracle.ok);
  if (!result.ok && !oracle.ok) {
    for (const issue of oracle.issues) {
      if (issue.field === '(all)') expect(result.message).toContain('settings must be an object');
      else if (isSetting(issue.field)) expect(result.message).toContain(`${issue.field} must`);
      else expect(result.message).toContain('unknown setting');
    }
  }
  return result.ok ? 'accepted' : 'rejected';
}

describe('scenario files', () => {
  it('a file is accepted whole and exactly, or rejected with the offending fields named', () => {
    const outcomes = ['too large', 'not JSON', 'not an object', 'accepted', 'rejected'];
    holds('importer', 11, scenarioTexts, outcomes, (input) =>
      checkScenario(input, readScenario(input.text)),
    );
  });

  it('applied through the store: a rejected file changes nothing; an accepted one replaces settings whole', async () => {
    const start: Settings = {
      ...DEFAULTS,
      seed: 99,
      days: 80,
      visitorsPerDay: 60,
      cadence: 'weekly',
      warmStart: false,
    };
    const interventions: Intervention[] = [{ day: 70, kind: 'rollback', version: 1 }];
    const store: LabStore = createLabStore(inProcessClient('cpu'), {
      settings: start,
      interventions,
      notices: [{ id: 'kept', tone: 'info', text: 'a notice that must survive' }],
    });
    /** What SettingsDrawer does with a file ImportSettings has read. */
    const importFile = (text: string) => {
      const result = readScenario(text);
      if (result.ok) store.getState().applySettings(result.settings, 'Imported fuzz.json');
      return result;
    };
    const count = { tried: 0, passed: 0 };
    const mix = new Map<string, number>();
    const details = await fc.check(
      fc.asyncProperty(scenarioTexts, async (input) => {
        count.tried++;
        const before = store.getState();
        const result = importFile(input.text);
        const after = store.getState();
        const outcome = checkScenario(input, result);
        mix.set(outcome, (mix.get(outcome) ?? 0) + 1);
        if (!result.ok) {
          // Not one field of the store was set.
          expect(after).toBe(before);
        } else {
          expect(after.settings).toEqual(result.settings);
          expect(after.settings).not.toBe(before.settings);
          expect(Object.keys(after.settings).sort()).toEqual([...SETTING_KEYS].sort());
          if (input.kind === 'entries') expect(after.settings).toEqual(intended(input.entries));
          expect(after.interventions).toBe(before.interventions);
          expect(after.notices).toBe(before.notices);
          expect(after.display).toBe(before.display);
          expect(after.runId).toBe(before.runId + 1);
          expect(after.rerunReason).toBe('Imported fuzz.json');
          // Back to the start, so the next file is judged against known settings.
          store.getState().applySettings(start, 'reset');
        }
        await Promise.resolve();
        count.passed++;
      }),
      { numRuns: RUNS, seed: 12 },
    );
    expect(details.failed, fc.defaultReportMessage(details)).toBe(false);
    expect(count).toEqual({ tried: RUNS, passed: RUNS });
    expectMix('importStore', mix, [
      'too large',
      'not JSON',
      'not an object',
      'accepted',
      'rejected',
    ]);
    expect(store.getState().settings).toEqual(start);
    expect(store.getState().interventions).toEqual(interventions);
    figures.importStore = count;
  });
});

describe('unknown keys', () => {
  it('prototype keys never reach an object prototype', () => {
    holds('prototypeKeys', 13, unknownKey, ['clean'], (key) => {
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
