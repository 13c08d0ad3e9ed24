/**
 * Generators for the URL: query strings made of the lab's parameters (each
 * value valid, invalid or either by construction, sometimes with broken
 * percent-encoding or said twice) plus strangers. Used by the URL parser's
 * property, the start-up state's and the prototype-key one.
 *
 * Owns: the parameter-to-field map as the tests see it, `UrlCase`,
 * `encodePair` and `queries`.
 * Must not touch: the code under test (only its exported constants and the
 * intervention formatter that writes the valid `iv` values).
 */
import fc from 'fast-check';
import { LIMITS, specOf, type SettingKey } from '../../../src/sim/settings';
import type { Intervention } from '../../../src/sim/contract';
import { URL_PARAMS, formatInterventions } from '../../../src/store/url';
import {
  BOOL_FIELDS,
  ENUM_FIELDS,
  INJECTIONS,
  INT_FIELDS,
  anyString,
  invalidDate,
  truncated,
  validDate,
} from './arbitraries';
import { isSetting } from './oracles';

const PRESENT_PANELS = ['none', 'cards', 'drift', 'jobs'];
const TABS = ['chart', 'models', 'inputs', 'jobs', 'compare', 'quiz', 'table'];
/** Dropped-field name for each non-setting parameter. */
const OTHER_PARAMS: Record<string, string> = {
  day: 'day',
  iv: 'interventions',
  v: 'version',
  show: 'show',
  roll: 'roll',
  present: 'present',
  inputs: 'inputs',
  tab: 'tab',
};
export const PARAM_FIELD: Record<string, string> = {
  ...Object.fromEntries(Object.entries(URL_PARAMS).map(([key, param]) => [param, key])),
  ...OTHER_PARAMS,
};
export const ALL_PARAMS = Object.keys(PARAM_FIELD);

/** A parameter's value (decoded), and whether the parser must accept it (null: either). */
export interface UrlCase {
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
      fc.integer({ min, max }).chain((n) =>
        fc.constantFrom(
          ok(String(n), n),
          ok(` ${n} `, n),
          ok(`${n}.0`, n),
          ok(`${n}e0`, n),
          // The one number grammar of every surface: a sign, a bare dot, a signed exponent.
          ok(`+${n}`, n),
          ok(`${n}.`, n),
          ok(`${n}e+0`, n),
        ),
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
            '0x10',
            '0b101',
            '',
            ' ',
            '1,000',
            '٣',
            '5n',
            '.5',
            '+.5',
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
      fc.constantFrom(
        ok('0.0001', 1e-4),
        ok('10000', 1e4),
        ok('1e-4', 1e-4),
        ok('0.05', 0.05),
        ok('.5', 0.5),
        ok('+.05', 0.05),
        ok('1e+2', 100),
      ),
      fc
        .oneof(
          fc.constantFrom('0', '-0', '-1', '0.00009', '10001', '1e5', 'NaN', '0x10', '1e999', ''),
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
  const spec = specOf(key);
  if (spec.kind === 'knob') {
    // A world knob: a number in its range (whole for most); left out of a link it is the scenario's own.
    const { min, max, integer } = spec;
    const inRange = integer
      ? fc.integer({ min, max })
      : fc.double({ min, max, noNaN: true }).filter((x) => !Object.is(x, -0));
    return fc.oneof(
      inRange.map((n) => ok(String(n), n)),
      fc.constantFrom(min, max).map((n) => ok(String(n), n)),
      fc.constantFrom(ok('own', null), ok(' own ', null)),
      fc
        .oneof(
          fc.constantFrom(
            String(min - 1),
            String(max + 1),
            ...(integer ? [`${min}.5`] : []),
            'null',
            'OWN',
            'NaN',
            'Infinity',
            '1e999',
            '0x10',
            '',
            '1,5',
          ),
          injection,
          tooLong,
          noDigits,
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

/** Days of interventions: anywhere, and often near the serving days' edges (62/63, 365/366). */
const ivDay = fc.oneof(
  fc.integer({ min: 0, max: 9999 }),
  fc.integer({ min: 60, max: 400 }),
  fc.constantFrom(0, 62, 63, 365, 366),
);

export const intervention: fc.Arbitrary<Intervention> = fc.oneof(
  fc.record({
    day: ivDay,
    kind: fc.constant('rollback' as const),
    version: fc.oneof(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 40 })),
  }),
  fc.record({
    day: ivDay,
    kind: fc.constant('gate' as const),
    gate: fc.constantFrom('validation' as const, 'data' as const),
    on: fc.boolean(),
  }),
);

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
            fc.constantFrom('0x10', '0b101'),
            junk,
          )
          .map(no),
        fc.constantFrom(ok('1e1', 10), ok(' 5', 5), ok('5 ', 5), ok('+5', 5), ok('5.', 5)),
        // Read exactly as the days setting is: 64 characters at most.
        fc.constantFrom(
          ok(`${'0'.repeat(63)}5`, 5),
          no(`${'0'.repeat(64)}5`),
          no(`${'0'.repeat(100_000)}5`),
        ),
      );
    case 'iv':
      return fc.oneof(
        // Well formed; whether the run can have each one is the link's rule
        // (the property checks it against possibleInterventions).
        fc
          .array(intervention, { minLength: 1, maxLength: 50 })
          .map((list) => ({ value: formatInterventions(list), valid: null, want: list })),
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
    case 'tab':
      return pick(TABS, ['charts', 'Jobs', ' quiz', 'table ', 'lesson']);
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

export const encodePair = (name: string, value: string) =>
  new URLSearchParams([[name, value]]).toString();

/** A query string: some parameters (valid, invalid, mangled, repeated) and strangers. */
export const queries = fc
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
