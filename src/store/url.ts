/**
 * The shareable part of the lab's state in the page URL: scenario, seed,
 * every setting and the day on screen. A link reproduces the exact chart.
 *
 * Owns: parameter names, reading a query string leniently (each bad or
 * ambiguous parameter falls back to its default and is named), and writing one.
 * Must not touch: window or history (the caller passes strings in and out),
 * so this runs anywhere.
 */
import type { Intervention } from '../sim/contract';
import type { Display } from './labTypes';
import {
  defaultSettings,
  parseSettingsLenient,
  type SettingKey,
  type Settings,
  type SettingsIssue,
} from '../sim/settings';

/** URL parameter for each setting (the CLI's flag names, without dashes where it has none). */
export const URL_PARAMS: Record<SettingKey, string> = {
  scenario: 'scenario',
  seed: 'seed',
  startDate: 'start',
  days: 'days',
  visitorsPerDay: 'visitors',
  model: 'model',
  cadence: 'cadence',
  windowDays: 'window',
  warmStart: 'warm',
  labelDelay: 'delay',
  driftWindowDays: 'drift',
  validationGate: 'vgate',
  dataGate: 'dgate',
  autoRollback: 'autorollback',
  learningRate: 'lr',
};
const DAY_PARAM = 'day';
const INTERVENTIONS_PARAM = 'iv';
/** The app version a link was made with (numbers may differ between versions). */
const VERSION_PARAM = 'v';
/** How the results are shown: the table instead of the chart, the rolling mean, presentation. */
const SHOW_PARAM = 'show';
const ROLLING_PARAM = 'roll';
const PRESENT_PARAM = 'present';
const PRESENT_PANELS = ['none', 'cards', 'drift', 'jobs'] as const;
/** The drift panel's model tab and comparison. */
const DRIFT_VIEW_PARAM = 'inputs';

/** The part of the display a link carries. */
export type LinkDisplay = Partial<
  Pick<Display, 'mode' | 'rolling' | 'presenting' | 'presentPanel' | 'driftRole' | 'driftScope'>
>;
/** At most this many interventions in a link (a class never needs more; a long list is not a link). */
const MAX_INTERVENTIONS = 50;
const NUMERIC = new Set<SettingKey>([
  'seed',
  'days',
  'visitorsPerDay',
  'windowDays',
  'labelDelay',
  'driftWindowDays',
  'learningRate',
]);
const BOOLEAN = new Set<SettingKey>(['warmStart', 'validationGate', 'dataGate', 'autoRollback']);
/** Longest value we read; anything longer is not a real setting. */
const MAX_VALUE_LENGTH = 64;

export interface UrlState {
  /** Settings from the URL: only the fields it named and that were valid. */
  settings: Partial<Settings>;
  /** The day on screen, if the link named one. */
  day: number | null;
  /** Rollbacks and gate switches made during the run, in order. */
  interventions: Intervention[];
  /** The app version the link was made with, if it says. */
  version: string | null;
  /** The views the link opens (table, rolling mean, presentation). */
  display: LinkDisplay;
  /** Fields the URL named but could not use, with the reason. */
  dropped: SettingsIssue[];
}

// `+ 0` reads "-0" as 0, so the link written back says what the state holds.
const numberOrRaw = (raw: string): number | string => {
  const trimmed = raw.trim();
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(trimmed) ? Number(trimmed) + 0 : raw;
};

const booleanOrRaw = (raw: string): boolean | string =>
  raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;

/**
 * A parameter's value, or null. One given more than once with different values
 * is ambiguous: it is dropped and named as `field`.
 */
function single(
  params: URLSearchParams,
  param: string,
  field: string,
  dropped: SettingsIssue[],
): string | null {
  const all = params.getAll(param);
  if (all.some((v) => v !== all[0])) {
    dropped.push({ field, message: `${field} is given more than once, with different values` });
    return null;
  }
  return all[0] ?? null;
}

/** Reads the lab's state from a query string ("?seed=3&day=200"). */
export function parseUrlState(search: string, maxDay?: number): UrlState {
  const params = new URLSearchParams(search);
  const input: Record<string, unknown> = {};
  const dropped: SettingsIssue[] = [];
  const named = new Set<SettingKey>();
  for (const [key, param] of Object.entries(URL_PARAMS) as [SettingKey, string][]) {
    const raw = single(params, param, key, dropped);
    if (raw === null) continue;
    if (raw.length > MAX_VALUE_LENGTH) {
      dropped.push({ field: key, message: `${key} is far too long to be a valid value` });
      continue;
    }
    named.add(key);
    input[key] = NUMERIC.has(key) ? numberOrRaw(raw) : BOOLEAN.has(key) ? booleanOrRaw(raw) : raw;
  }
  const parsed = parseSettingsLenient(input);
  dropped.push(...parsed.dropped);
  const bad = new Set(dropped.map((d) => d.field));
  const settings: Partial<Settings> = {};
  for (const key of named) {
    if (!bad.has(key)) (settings as Record<SettingKey, unknown>)[key] = parsed.settings[key];
  }
  let day: number | null = null;
  const rawDay = single(params, DAY_PARAM, 'day', dropped);
  if (rawDay !== null) {
    const value = Number(rawDay) + 0;
    const last = maxDay ?? settings.days ?? defaultSettings().days;
    if (rawDay.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= last) day = value;
    else dropped.push({ field: 'day', message: `day must be a whole number from 0 to ${last}` });
  }
  const interventions = parseInterventions(
    single(params, INTERVENTIONS_PARAM, 'interventions', dropped),
    dropped,
  );
  /** A parameter of the display or the version: its value if `ok`, else null and named. */
  const pick = (param: string, field: string, ok: RegExp, message: string) => {
    const raw = single(params, param, field, dropped);
    if (raw === null || ok.test(raw)) return raw;
    dropped.push({ field, message });
    return null;
  };
  const version = pick(
    VERSION_PARAM,
    'version',
    /^[\w.+-]{1,32}$/,
    'version must be an app version such as 0.1.0',
  );
  const display: LinkDisplay = {};
  if (pick(SHOW_PARAM, 'show', /^(table|chart)$/, 'show must be table or chart') === 'table') {
    display.mode = 'table';
  }
  const rolling = pick(ROLLING_PARAM, 'roll', /^(1|7|28)$/, 'roll must be 1, 7 or 28');
  if (rolling === '7' || rolling === '28') display.rolling = Number(rolling) as 7 | 28;
  const present = pick(
    PRESENT_PARAM,
    'present',
    new RegExp(`^(${PRESENT_PANELS.join('|')})$`),
    `present must be one of: ${PRESENT_PANELS.join(', ')}`,
  ) as (typeof PRESENT_PANELS)[number] | null;
  if (present) {
    display.presenting = true;
    display.presentPanel = present;
  }
  const inputs = pick(
    DRIFT_VIEW_PARAM,
    'inputs',
    /^(static|dynamic)-(day|window)$/,
    'inputs must be static or dynamic, then day or window (as in static-day)',
  );
  if (inputs) {
    const [role, scope] = inputs.split('-');
    display.driftRole = role as 'static' | 'dynamic';
    display.driftScope = scope as 'day' | 'window';
  }
  return { settings, day, interventions, version, display, dropped };
}

/**
 * Interventions as text: "r157.85" rolls back to v85 at the end of day 157;
 * "g160.v0" switches the validation gate off (v) at the end of day 160, "g161.d1"
 * the data gate on; entries are separated by "_".
 */
export function formatInterventions(list: readonly Intervention[]): string {
  return list
    .map((iv) =>
      iv.kind === 'rollback'
        ? `r${iv.day}.${iv.version}`
        : `g${iv.day}.${iv.gate === 'validation' ? 'v' : 'd'}${iv.on ? 1 : 0}`,
    )
    .join('_');
}

function parseInterventions(raw: string | null, dropped: SettingsIssue[]): Intervention[] {
  if (raw === null || raw === '') return [];
  const parts = raw.split('_');
  const out: Intervention[] = [];
  for (const part of parts.slice(0, MAX_INTERVENTIONS)) {
    const rollback = /^r(\d{1,4})\.(\d{1,5})$/.exec(part);
    const gate = /^g(\d{1,4})\.([vd])([01])$/.exec(part);
    if (rollback)
      out.push({ day: Number(rollback[1]), kind: 'rollback', version: Number(rollback[2]) });
    else if (gate) {
      out.push({
        day: Number(gate[1]),
        kind: 'gate',
        gate: gate[2] === 'v' ? 'validation' : 'data',
        on: gate[3] === '1',
      });
    } else {
      dropped.push({
        field: 'interventions',
        message: `"${part.slice(0, 20)}" is not a rollback (r<day>.<version>) or a gate switch (g<day>.<v|d><0|1>)`,
      });
      return [];
    }
  }
  if (parts.length > MAX_INTERVENTIONS) {
    dropped.push({
      field: 'interventions',
      message: `a link holds at most ${MAX_INTERVENTIONS} interventions`,
    });
    return [];
  }
  return out.sort((a, b) => a.day - b.day);
}

/** Writes settings that differ from the defaults, and the day, as a query string. */
export function formatUrlState(
  settings: Settings,
  day: number,
  interventions: readonly Intervention[] = [],
  version?: string,
  display: LinkDisplay = {},
): string {
  const defaults = defaultSettings();
  const params = new URLSearchParams();
  for (const [key, param] of Object.entries(URL_PARAMS) as [SettingKey, string][]) {
    // Scenario and seed are always written: they are what a reader looks for.
    if (key === 'scenario' || key === 'seed' || settings[key] !== defaults[key]) {
      params.set(param, String(settings[key]));
    }
  }
  params.set(DAY_PARAM, String(day));
  if (interventions.length > 0) params.set(INTERVENTIONS_PARAM, formatInterventions(interventions));
  if (display.mode === 'table') params.set(SHOW_PARAM, 'table');
  if (display.rolling && display.rolling !== 1) params.set(ROLLING_PARAM, String(display.rolling));
  if (display.presenting) params.set(PRESENT_PARAM, display.presentPanel ?? 'cards');
  const role = display.driftRole ?? 'static';
  const scope = display.driftScope ?? 'day';
  if (role !== 'static' || scope !== 'day') params.set(DRIFT_VIEW_PARAM, `${role}-${scope}`);
  if (version) params.set(VERSION_PARAM, version);
  return `?${params.toString()}`;
}
