/**
 * Every surface that shows or reads a setting is derived from the settings
 * table: the link's reader and writer, the command line's options and --help,
 * and the settings drawer's fields. A source scan checks that none of them
 * keeps a private copy of a flag, parameter, label or hint.
 *
 * Owns: checks that tie the surfaces to src/sim/settingsTable.ts and
 * src/store/linkParams.ts. Must not touch: what a surface does with a value
 * (cli.test.ts, url.test.ts, the component tests check that).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { otherValue } from './helpers';
import { CLI_OPTIONS, HELP_TEXT, flagForField, parseCliArgs } from '../../src/cli/args';
import {
  LIMITS,
  SETTINGS_TABLE,
  SETTING_KEYS,
  defaultSettings,
  parseSettings,
  specOf,
  type Settings,
} from '../../src/sim/settings';
import { LINK_PARAMS } from '../../src/store/linkParams';
import { URL_PARAMS, formatUrlState, parseUrlState } from '../../src/store/url';
import { DRAWER_FIELDS } from '../../src/ui/settings/drawerFields';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SURFACES = [
  'src/cli/args.ts',
  'src/store/url.ts',
  'src/ui/settings/SettingsDrawer.tsx',
  'src/ui/settings/drawerFields.ts',
  'src/ui/settings/settingWords.ts',
];
const OUTPUT_FLAGS = ['format', 'out', 'compare', 'seeds', 'help'];

const specs = SETTING_KEYS.map((key) => ({ key, spec: specOf(key) }));
const switchFlags = specs.flatMap(({ spec }) =>
  spec.kind === 'boolean' ? [spec.cli.flag, `no-${spec.cli.flag}`] : [],
);
const valueFlags = specs.flatMap(({ spec }) => (spec.kind === 'boolean' ? [] : [spec.cli.flag]));

const OTHER = Object.fromEntries(SETTING_KEYS.map((k) => [k, otherValue(k)])) as Settings;

describe('the settings table', () => {
  it('has valid defaults, and a value other than the default for every setting', () => {
    expect(parseSettings(defaultSettings())).toEqual({ ok: true, settings: defaultSettings() });
    expect(parseSettings(OTHER)).toEqual({ ok: true, settings: OTHER });
    for (const key of SETTING_KEYS) expect(OTHER[key], key).not.toBe(defaultSettings()[key]);
  });

  it('gives each setting its own flag, parameter, --help place and drawer place', () => {
    const unique = (list: unknown[]) => expect(new Set(list).size).toBe(list.length);
    unique([...valueFlags, ...switchFlags, ...OUTPUT_FLAGS]);
    unique([
      ...specs.map(({ spec }) => spec.param),
      ...Object.values(LINK_PARAMS).map((p) => p.name),
    ]);
    unique(specs.map(({ spec }) => spec.cli.order));
    unique(specs.flatMap(({ spec }) => (spec.drawer ? [spec.drawer.order] : [])));
  });

  it('states each numeric range once: LIMITS is the table', () => {
    for (const { key, spec } of specs) {
      if (spec.kind === 'int' || spec.kind === 'number') {
        expect(LIMITS[key as keyof typeof LIMITS]).toEqual({ min: spec.min, max: spec.max });
      }
    }
    expect(LIMITS.startYear).toEqual(SETTINGS_TABLE.startDate.years);
  });
});

describe('the link', () => {
  it("reads and writes the table's parameter names, and the link table's", () => {
    expect(URL_PARAMS).toEqual(Object.fromEntries(specs.map(({ key, spec }) => [key, spec.param])));
    const display = {
      tab: 'table',
      rolling: 7,
      presenting: true,
      presentPanel: 'none',
      driftRole: 'dynamic',
      driftScope: 'window',
    } as const;
    const interventions = [{ day: 70, kind: 'rollback', version: 1 }] as const;
    const link = formatUrlState(OTHER, 70, [...interventions], '0.1.0', display, 4);
    const written = [...new URLSearchParams(link).keys()];
    expect(written.sort()).toEqual(
      [
        ...specs.map(({ spec }) => spec.param),
        ...Object.values(LINK_PARAMS)
          .filter((p) => !('readOnly' in p))
          .map((p) => p.name),
      ].sort(),
    );
    expect(parseUrlState(link)).toEqual({
      settings: OTHER,
      day: 70,
      interventions,
      version: '0.1.0',
      display,
      chapter: 4,
      dropped: [],
    });
  });

  it('names a bad value by the field each table gives it', () => {
    const query = [
      ...specs.map(({ spec }) => `${spec.param}=%3Cx%3E`),
      ...Object.values(LINK_PARAMS).map((p) => `${p.name}=%3Cx%3E`),
    ].join('&');
    const fields = parseUrlState(`?${query}`).dropped.map((d) => d.field);
    expect(fields).toEqual([...SETTING_KEYS, ...Object.values(LINK_PARAMS).map((p) => p.field)]);
  });

  it('writes every setting of the table, defaults included, in table order, then the day; a knob only when set', () => {
    const written = [...new URLSearchParams(formatUrlState(defaultSettings(), 0)).keys()];
    const settings = specs.filter(({ spec }) => spec.kind !== 'knob').map(({ spec }) => spec.param);
    expect(written).toEqual([...settings, LINK_PARAMS.day.name]);
    const knob = specs.filter(({ spec }) => spec.kind === 'knob');
    expect(knob.length).toBeGreaterThan(0);
    const edited = { ...defaultSettings(), bugShare: 0, valentineEffect: 0.5 };
    const link = new URLSearchParams(formatUrlState(edited, 0));
    expect([...link.keys()]).toEqual([...settings, 'vday', 'bugshare', LINK_PARAMS.day.name]);
    expect(link.get('vday')).toBe('0.5');
    expect(link.get('bugshare')).toBe('0');
  });
});

describe('the command line', () => {
  it("accepts exactly the table's flags plus the output flags", () => {
    expect(Object.keys(CLI_OPTIONS).sort()).toEqual(
      [...valueFlags, ...switchFlags, ...OUTPUT_FLAGS].sort(),
    );
  });

  it("sets each setting from the table's flag, and names that flag in messages", () => {
    const argv = specs.flatMap(({ key, spec }) => {
      if (spec.kind === 'boolean') return [`--${OTHER[key] ? '' : 'no-'}${spec.cli.flag}`];
      return [`--${spec.cli.flag}`, String(OTHER[key])];
    });
    const ignored = specs.filter(
      ({ spec }) => spec.kind !== 'boolean' && spec.cli.ignoredByCompare,
    );
    expect(parseCliArgs(argv)).toEqual({
      kind: 'run',
      options: { settings: OTHER, format: 'table', out: null },
    });
    const compare = parseCliArgs([...argv, '--compare']);
    expect(compare.kind === 'compare' && compare.options.settings).toEqual({
      ...OTHER,
      ...Object.fromEntries(ignored.map(({ key }) => [key, defaultSettings()[key]])),
    });
    for (const { key, spec } of specs) expect(flagForField(key)).toBe(`--${spec.cli.flag}`);
  });

  it("lists the table's --help lines in the table's help order", () => {
    const lines = HELP_TEXT.split('\n');
    const settings = lines.slice(lines.indexOf('Settings:') + 1, lines.indexOf('Compare:') - 1);
    const expected = [...specs]
      .sort((a, b) => a.spec.cli.order - b.spec.cli.order)
      .flatMap(({ spec }) => {
        if (spec.kind !== 'boolean')
          return [[`--${spec.cli.flag} ${spec.cli.value}`, spec.cli.help]];
        const { flag, helpOn, helpOff } = spec.cli;
        return [
          ...(helpOn ? [[`--${flag}`, helpOn]] : []),
          ...(helpOff ? [[`--no-${flag}`, helpOff]] : []),
        ];
      });
    expect(settings.map((line) => line.trim().split(/\s{2,}/))).toEqual(expected);
  });
});

describe('the settings drawer', () => {
  it("shows the table's drawer entries, in its order, with its labels and hints", () => {
    const shown = specs
      .flatMap(({ key, spec }) => (spec.drawer ? [{ key, spec, drawer: spec.drawer }] : []))
      .sort((a, b) => a.drawer.order - b.drawer.order);
    expect(DRAWER_FIELDS.map((f) => f.key)).toEqual(shown.map((s) => s.key));
    expect(DRAWER_FIELDS.map((f) => f.label)).toEqual(shown.map((s) => s.drawer.label));
    for (const field of DRAWER_FIELDS) {
      const spec = specOf(field.key);
      if (spec.drawer?.hint) expect(field.hint?.endsWith(spec.drawer.hint)).toBe(true);
      if (spec.kind === 'int' || spec.kind === 'number') {
        expect(field.hint?.startsWith(`${spec.min}–${spec.max}`)).toBe(true);
      }
      expect(field.options).toEqual(spec.kind === 'enum' ? spec.values : []);
    }
    expect(SETTING_KEYS.filter((k) => !specOf(k).drawer && specOf(k).kind !== 'knob')).toEqual([
      'scenario',
      'seed',
    ]);
  });
});

describe('no surface keeps a private copy', () => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = (text: string) => new RegExp(`(['"\`])${escape(text)}\\1`);

  /** Patterns that would betray a copy of a table literal, with what each is. */
  const copies: [RegExp, string][] = specs.flatMap(({ key, spec }) => {
    const out: [RegExp, string][] = [];
    const flags =
      spec.kind === 'boolean' ? [spec.cli.flag, `no-${spec.cli.flag}`] : [spec.cli.flag];
    for (const flag of flags) {
      out.push([quoted(flag), `${key}'s flag '${flag}'`]);
      out.push([new RegExp(`--${escape(flag)}(?![\\w-])`), `${key}'s flag --${flag}`]);
    }
    out.push([quoted(spec.param), `${key}'s URL parameter '${spec.param}'`]);
    const texts = [
      spec.drawer?.label,
      spec.drawer?.hint,
      ...(spec.kind === 'boolean' ? [spec.cli.helpOn, spec.cli.helpOff] : [spec.cli.help]),
      spec.kind === 'boolean' ? undefined : spec.cli.value,
    ];
    for (const text of texts) {
      if (!text) continue;
      // Long or bracketed texts are distinctive anywhere; short ones only as a literal.
      const anywhere = text.length >= 12 || text.startsWith('<');
      out.push([anywhere ? new RegExp(escape(text)) : quoted(text), `${key}'s text "${text}"`]);
    }
    return out;
  });

  it.each(SURFACES)('%s states no flag, parameter, label, hint or help line', (path) => {
    const source = readFileSync(resolve(ROOT, path), 'utf8');
    const found = copies.filter(([pattern]) => pattern.test(source)).map(([, what]) => what);
    expect(found).toEqual([]);
  });

  it('would catch a copy (the scan itself works)', () => {
    const source = "const FLAGS = { 'label-delay': 'labelDelay' }; // --drift-window";
    const found = copies.filter(([pattern]) => pattern.test(source)).map(([, what]) => what);
    expect(found).toEqual([
      "labelDelay's flag 'label-delay'",
      "driftWindowDays's flag --drift-window",
    ]);
  });
});
