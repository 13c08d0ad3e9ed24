/**
 * The shareable part of the lab's state in the page URL: every setting, the
 * day on screen, the interventions, the version and the open views. A link
 * reproduces the exact chart.
 *
 * The link rule (shared/DESIGN.md): a link the app writes states EVERY setting
 * of the settings table, defaults included, rather than only what differs
 * plus "defaults of version X". Written out, a link keeps its meaning when a
 * later version changes a default, and a reader sees every knob; it costs
 * about 200 characters. A query with any lab parameter is a link: the
 * settings it does not state take the lesson's defaults, never stored ones
 * (boot.ts).
 *
 * Owns: reading a query string leniently (each bad or ambiguous parameter falls
 * back to its default and is named; interventions the run cannot have are
 * named and dropped), and writing one, with the parameter names of the
 * settings table (src/sim/settingsTable.ts) and of linkParams.ts.
 * Must not touch: window or history (the caller passes strings in and out),
 * so this runs anywhere; a parameter's name (the tables own them).
 */
import { parseNumberText } from '../sim/numberText';
import type { Intervention } from '../sim/contract';
import {
  SETTINGS_TABLE,
  SETTING_KEYS,
  defaultSettings,
  parseSettingsLenient,
  specOf,
  type SettingKey,
  type Settings,
  type SettingsIssue,
} from '../sim/settings';
import { CHAPTERS } from '../content/chapters';
import { chapterLessonSettings } from './chapterWorld';
import { checkInterventions } from './linkInterventions';
import {
  LINK_PARAMS,
  MAX_VALUE_LENGTH,
  formatInterventions,
  tooLong,
  type LinkDisplay,
  type LinkParamId,
  type LinkValues,
} from './linkParams';

export { formatInterventions, type LinkDisplay } from './linkParams';

/** URL parameter for each setting, in table order (the order a link is written in). */
export const URL_PARAMS: Readonly<Record<SettingKey, string>> = Object.fromEntries(
  SETTING_KEYS.map((key) => [key, SETTINGS_TABLE[key].param]),
) as Record<SettingKey, string>;

/** Every parameter name a link may hold: the settings' and the others'. */
const LAB_PARAM_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(URL_PARAMS),
  ...Object.values(LINK_PARAMS).map((p) => p.name),
]);

/**
 * Whether a query string is a link: it names at least one lab parameter
 * (valid or not). Anything else ("", "?", "?utm_source=x") is a bare visit,
 * the only case in which stored settings apply.
 */
export function isLabLink(search: string): boolean {
  for (const name of new URLSearchParams(search).keys()) {
    if (LAB_PARAM_NAMES.has(name)) return true;
  }
  return false;
}

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
  /** The lesson's chapter the link opens (1-based), if it names one. */
  chapter: number | null;
  /** Fields the URL named but could not use, with the reason. */
  dropped: SettingsIssue[];
}

const booleanOrRaw = (raw: string): boolean | string =>
  raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;

/** A world knob's value in a link for "the scenario's own". */
export const OWN = 'own';

/** A setting's text as the schema takes it: numbers and on/off read, the rest as is. */
function settingValue(key: SettingKey, raw: string): unknown {
  const { kind } = specOf(key);
  if (kind === 'knob' && raw.trim() === OWN) return null;
  if (kind === 'int' || kind === 'number' || kind === 'knob') return parseNumberText(raw);
  return kind === 'boolean' ? booleanOrRaw(raw) : raw;
}

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
  for (const key of SETTING_KEYS) {
    const raw = single(params, URL_PARAMS[key], key, dropped);
    if (raw === null) continue;
    if (raw.length > MAX_VALUE_LENGTH) {
      dropped.push({ field: key, message: tooLong(key) });
      continue;
    }
    named.add(key);
    input[key] = settingValue(key, raw);
  }
  const parsed = parseSettingsLenient(input);
  dropped.push(...parsed.dropped);
  const bad = new Set(dropped.map((d) => d.field));
  const settings: Partial<Settings> = {};
  for (const key of named) {
    if (!bad.has(key)) (settings as Record<SettingKey, unknown>)[key] = parsed.settings[key];
  }
  const context = { lastDay: maxDay ?? settings.days ?? defaultSettings().days };
  const read: Partial<LinkValues> = {};
  for (const id of Object.keys(LINK_PARAMS) as LinkParamId[]) {
    const { name, field, read: reader } = LINK_PARAMS[id];
    const raw = single(params, name, field, dropped);
    if (raw === null) continue;
    const result = reader(raw, context);
    if (result.ok) (read as Record<LinkParamId, unknown>)[id] = result.value;
    else dropped.push({ field, message: result.message });
  }
  const display: LinkDisplay = {
    ...read.show,
    ...read.roll,
    ...read.present,
    ...read.inputs,
    ...read.tab,
  };
  const day = read.day ?? null;
  // The run the link asks for: its settings over the lesson's defaults.
  const checked = checkInterventions(read.interventions ?? [], {
    ...defaultSettings(),
    ...settings,
  });
  dropped.push(...checked.dropped);
  const interventions = checked.kept;
  const version = read.version ?? null;
  const chapter = read.chapter ?? null;
  return { settings, day, interventions, version, display, chapter, dropped };
}

/**
 * Writes every setting (in table order), the day, the interventions, the views
 * that differ from the plain chart, the version and the chapter open, as a
 * query string. With a chapter, the open view is written even when it is the
 * chart, so the chapter's own view does not replace it when the link opens.
 */
export function formatUrlState(
  settings: Settings,
  day: number,
  interventions: readonly Intervention[] = [],
  version?: string,
  display: LinkDisplay = {},
  chapter: number | null = null,
): string {
  const params = new URLSearchParams();
  // A knob left at the scenario's own (null) is left out: a link names only what was edited.
  // A link that opens a chapter starts from the chapter's world, so a knob that world sets
  // and these settings leave alone is written as "own".
  const opened = chapter === null ? undefined : CHAPTERS[chapter - 1];
  const base = opened ? chapterLessonSettings(opened) : null;
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    if (value !== null) params.set(URL_PARAMS[key], String(value));
    else if (base !== null && base[key] !== null) params.set(URL_PARAMS[key], OWN);
  }
  const { day: dayParam, interventions: iv, tab, roll, present, inputs, version: v } = LINK_PARAMS;
  const openTab = display.tab ?? 'chart';
  params.set(dayParam.name, String(day));
  if (interventions.length > 0) params.set(iv.name, formatInterventions(interventions));
  if (openTab !== 'chart' || chapter !== null) params.set(tab.name, openTab);
  if (display.rolling && display.rolling !== 1) params.set(roll.name, String(display.rolling));
  if (display.presenting) params.set(present.name, display.presentPanel ?? 'cards');
  const role = display.driftRole ?? 'static';
  const scope = display.driftScope ?? 'day';
  if (role !== 'static' || scope !== 'day') params.set(inputs.name, `${role}-${scope}`);
  if (version) params.set(v.name, version);
  if (chapter !== null) params.set(LINK_PARAMS.chapter.name, String(chapter));
  return `?${params.toString()}`;
}
