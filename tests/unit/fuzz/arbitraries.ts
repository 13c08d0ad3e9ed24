/**
 * Generators for the fuzz tests: settings fields whose validity is known by
 * construction (so a property can say which fields must be accepted and
 * which must be named), and the kinds of bad input a person, another app or
 * an attacker may hand the lab: random and full-unicode strings, wrong types,
 * boundary and huge numbers, deep nesting, prototype keys, script injection,
 * truncated values and truncated percent-encoding.
 *
 * Owns: these generators and the small oracles beside them.
 * Must not touch: the code under test (only its exported constants: LIMITS,
 * the enums, the defaults).
 */
import fc from 'fast-check';
import {
  CADENCES,
  LIMITS,
  MODEL_KINDS,
  SETTING_KEYS,
  specOf,
  type KnobSpec,
  type SettingKey,
} from '../../../src/sim/settings';
import { SCENARIO_IDS } from '../../../src/sim/world/scenarios';

export const INT_FIELDS = [
  'seed',
  'days',
  'visitorsPerDay',
  'windowDays',
  'labelDelay',
  'driftWindowDays',
] as const;
export const BOOL_FIELDS = ['warmStart', 'validationGate', 'dataGate', 'autoRollback'] as const;
export const ENUM_FIELDS = {
  scenario: SCENARIO_IDS,
  model: MODEL_KINDS,
  cadence: CADENCES,
} as const;

type IntField = (typeof INT_FIELDS)[number];
type BoolField = (typeof BOOL_FIELDS)[number];
type EnumField = keyof typeof ENUM_FIELDS;

const isInt = (k: string): k is IntField => (INT_FIELDS as readonly string[]).includes(k);
const isBool = (k: string): k is BoolField => (BOOL_FIELDS as readonly string[]).includes(k);
const isEnum = (k: string): k is EnumField => k in ENUM_FIELDS;

/** Strings that try to inject markup or script wherever a value is shown. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE settings; --",
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\u0000',
  '\u202e\u0066\u006c\u006f\u0077',
  '../../etc/passwd',
] as const;

/** Keys that are not settings, several of which name parts of every JS object. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '$ref',
] as const;

/** Nesting `depth` levels deep, written as JSON text. */
export const deepArrayJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
export const deepObjectJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Any string: ASCII, full unicode (astral planes, lone surrogates), or injection. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(...INJECTIONS),
);

/** A long string (100 to 70,000 units): a short one repeated. */
export const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    fc.integer({ min: 100, max: 70_000 }),
  )
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

/**
 * A key that is certainly not a setting (nor "version", which means
 * something in stored data).
 */
export const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom('Seed', 'seed ', ' days', 'speed', 'SCENARIO', 'start', 'window', 'lr'),
  anyString.filter((s) => s !== 'version' && !(SETTING_KEYS as readonly string[]).includes(s)),
  fc.constant('k'.repeat(5000)),
);

/** One field's value as a JSON literal, and whether the schema must accept it. */
export interface Literal {
  json: string;
  valid: boolean;
}

/**
 * Mostly valid values (five in six), so that whole objects with every field
 * valid come up often beside objects with one or more bad fields.
 */
const validMostly = (valid: fc.Arbitrary<Literal>, invalid: fc.Arbitrary<Literal>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const good = (json: string): Literal => ({ json, valid: true });
const bad = (json: string): Literal => ({ json, valid: false });
const str = (s: string) => JSON.stringify(s);

/** Wrong types and hostile shapes, valid for no field (booleans and strings are added per field). */
const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'null',
    '[]',
    '{}',
    '[1]',
    '{"a":{"$ref":"#"}}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ),
  fc.integer({ min: 1, max: 1200 }).map(deepArrayJson),
  fc.integer({ min: 1, max: 1200 }).map(deepObjectJson),
  fc.integer({ min: 100, max: 5000 }).map((n) => `[${Array(n).fill('0').join(',')}]`),
  longString.map((s) => JSON.stringify(s)),
);

function intLiteral(key: IntField): fc.Arbitrary<Literal> {
  const { min, max } = LIMITS[key];
  const valid = fc.oneof(
    fc.integer({ min, max }).map((n) => good(String(n))),
    fc.constantFrom(min, max).map((n) => good(String(n))),
    fc.integer({ min, max }).map((n) => good(`${n}.0`)),
    fc.integer({ min, max }).map((n) => good(`${n}E0`)),
    ...(min === 0 ? [fc.constant(good('-0'))] : []),
  );
  const invalid = fc
    .oneof(
      fc.constantFrom(
        String(min - 1),
        String(max + 1),
        `${min}.5`,
        `${max - 1}.25`,
        '1e999',
        '-1e999',
        '1e308',
        '-1e308',
        '9007199254740993',
        '0.1',
        'true',
        'false',
        str(String(min)),
        str('NaN'),
        str('Infinity'),
      ),
      ...(min > 0 ? [fc.constant('-0')] : []),
      fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }).map(String),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: min - 1 }).map(String),
      anyString.map(str),
      hostileJson,
    )
    .map(bad);
  return validMostly(valid, invalid);
}

function learningRateLiteral(): fc.Arbitrary<Literal> {
  const { min, max } = LIMITS.learningRate;
  const valid = fc.oneof(
    fc.double({ min, max, noNaN: true }).map((x) => good(String(x))),
    fc.constantFrom('0.0001', '1e-4', '1E4', '10000', '0.05', '1').map(good),
  );
  const invalid = fc
    .oneof(
      fc.constantFrom('0', '-0', '-1', '0.00009', '10000.001', '1e999', '-1e999', '1e308', 'true'),
      fc.double({ min: max, noNaN: true, noDefaultInfinity: true, minExcluded: true }).map(String),
      fc.double({ max: min, noNaN: true, noDefaultInfinity: true, maxExcluded: true }).map(String),
      anyString.map(str),
      hostileJson,
    )
    .map(bad);
  return validMostly(valid, invalid);
}

function enumLiteral(key: EnumField): fc.Arbitrary<Literal> {
  const values: readonly string[] = ENUM_FIELDS[key];
  const valid = fc.oneof(
    fc.constantFrom(...values).map((v) => good(str(v))),
    // A JSON escape that decodes to the same value is the same value.
    fc
      .constantFrom(...values)
      .map((v) => good(`"\\u${v.charCodeAt(0).toString(16).padStart(4, '0')}${v.slice(1)}"`)),
  );
  const invalid = fc
    .oneof(
      fc.constantFrom(...values).map((v) => str(v.toUpperCase())),
      fc.constantFrom(...values).map((v) => str(` ${v}`)),
      fc.constantFrom(...values).map((v) => str(v.slice(0, -1))),
      fc.constant(str('')),
      anyString.filter((s) => !values.includes(s)).map(str),
      fc.constantFrom('0', '1', 'true', '-0', '1e999'),
      hostileJson,
    )
    .map(bad);
  return validMostly(valid, invalid);
}

function boolLiteral(): fc.Arbitrary<Literal> {
  const valid = fc.constantFrom('true', 'false').map(good);
  const invalid = fc
    .oneof(
      fc.constantFrom('0', '1', '"true"', '"false"', '"yes"', '""', '-0', '1e999'),
      anyString.map(str),
      hostileJson,
    )
    .map(bad);
  return validMostly(valid, invalid);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real date from 2000 to 2100, "YYYY-MM-DD". */
export const validDate: fc.Arbitrary<string> = fc
  .record({
    y: fc.integer({ min: LIMITS.startYear.min, max: LIMITS.startYear.max }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m, 2)}-${pad(Math.min(d, daysIn(y, m)), 2)}`);

/** Strings that are certainly not a valid start date. */
export const invalidDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2025-02-30',
    '2025-02-29',
    '2025-7-1',
    '2025-07-1',
    '1999-12-31',
    '2101-01-01',
    '0000-01-01',
    '2025-13-01',
    '2025-00-10',
    '2025-07-00',
    '2025-07-01T00:00:00Z',
    ' 2025-07-01',
    '2025-07-01 ',
    '２０２５-07-01',
    '2025/07/01',
    '01-07-2025',
    '',
  ),
  validDate.map((d) => d.slice(0, -1)), // truncated mid-way
  validDate.map((d) => `${d}x`),
  anyString.filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
);

function dateLiteral(): fc.Arbitrary<Literal> {
  return validMostly(
    validDate.map((d) => good(str(d))),
    fc.oneof(invalidDate.map(str), fc.constantFrom('20250701', 'true', '-0'), hostileJson).map(bad),
  );
}

/** A world knob: null (the scenario's own) or a number in its range, whole for most. */
function knobLiteral(spec: KnobSpec): fc.Arbitrary<Literal> {
  const { min, max, integer } = spec;
  const inRange = integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true }).filter((x) => !Object.is(x, -0));
  const valid = fc.oneof(
    fc.constant(good('null')),
    inRange.map((n) => good(String(n))),
    fc.constantFrom(min, max).map((n) => good(String(n))),
  );
  const invalid = fc
    .oneof(
      fc.constantFrom(
        String(min - 1),
        String(max + 1),
        ...(integer ? [`${min}.5`] : []),
        '1e999',
        '-1e999',
        'true',
        str('null'),
        str('own'),
        str(String(min)),
        '[]',
        '{}',
      ),
      anyString.map(str),
      // JSON null is a knob's valid "the scenario's own".
      hostileJson.filter((json) => json !== 'null'),
    )
    .map(bad);
  return validMostly(valid, invalid);
}

/** A literal for `key`: a valid value or one the schema must reject. */
export function fieldLiteral(key: SettingKey): fc.Arbitrary<Literal> {
  const spec = specOf(key);
  if (spec.kind === 'knob') return knobLiteral(spec);
  if (isInt(key)) return intLiteral(key);
  if (isBool(key)) return boolLiteral();
  if (isEnum(key)) return enumLiteral(key);
  if (key === 'learningRate') return learningRateLiteral();
  return dateLiteral();
}

/** One entry of a settings object: a setting (valid or not) or an unknown key. */
export interface Entry {
  key: string;
  json: string;
  valid: boolean;
  known: boolean;
}

/**
 * A settings object as entries: any subset of the settings, each valid or not,
 * sometimes with unknown keys. Keys are unique (JSON's duplicate keys are a
 * separate case).
 */
export const settingsEntries: fc.Arbitrary<Entry[]> = fc
  .tuple(
    fc
      .subarray([...SETTING_KEYS])
      .chain((keys) =>
        keys.length === 0
          ? fc.constant([] as Entry[])
          : fc.tuple(
              ...keys.map((key) =>
                fieldLiteral(key).map((l): Entry => ({ key, ...l, known: true })),
              ),
            ),
      ),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant([] as Entry[]) },
      {
        weight: 1,
        arbitrary: fc
          .uniqueArray(
            fc.tuple(unknownKey, fc.oneof(anyString.map(str), fc.constantFrom('1', 'null', '{}'))),
            { minLength: 1, maxLength: 3, selector: ([k]) => k },
          )
          .map((pairs) =>
            pairs.map(([key, json]): Entry => ({ key, json, valid: false, known: false })),
          ),
      },
    ),
    fc.boolean(),
  )
  .chain(([known, unknown, shuffle]) => {
    const all = [...known, ...unknown];
    return shuffle ? fc.shuffledSubarray(all, { minLength: all.length }) : fc.constant(all);
  });

/** The entries as JSON text, with a little random whitespace. */
export function entriesJson(entries: Entry[], space = ''): string {
  return `{${space}${entries.map((e) => `${JSON.stringify(e.key)}:${space}${e.json}`).join(`,${space}`)}${space}}`;
}

/** The entries as a JS object; every key an own property (even "__proto__"). */
export function entriesObject(entries: Entry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of entries) {
    Object.defineProperty(out, e.key, {
      value: JSON.parse(e.json) as unknown,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return out;
}

/** Whatever is not a settings object at all, as JSON text. */
export const notAnObjectJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '-0', '1e999', '""', '"{}"', '[]', '[{}]'),
  anyString.map(str),
  fc.double().map((x) => (Number.isFinite(x) ? String(x) : 'null')),
  fc.integer({ min: 1, max: 3000 }).map(deepArrayJson),
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 20 }).map((a) => JSON.stringify(a)),
);

/** Text that is rarely JSON: random, unicode, injection, broken JSON. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  anyString,
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"seed":',
    '{"seed": 3',
    '{"seed": NaN}',
    '{"seed": Infinity}',
    "{'seed': 3}",
    '{seed: 3}',
    '{"seed": 3,}',
    '\ufeff{"seed": 3}',
    'undefined',
    '<?xml version="1.0"?><seed>3</seed>',
  ),
  fc.json({ maxDepth: 4 }),
);

/** A string cut somewhere in its middle (or at its ends). */
export function truncated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return text.chain((t) => fc.nat({ max: t.length }).map((n) => t.slice(0, n)));
}
