/**
 * The one settings schema: every knob of a run, its default, its range and
 * the message a person sees when a value is out of bounds, generated from the
 * settings table (settingsTable.ts).
 *
 * Owns: parsing and validating settings from any source (CLI flags, URL,
 * scenario JSON, the settings drawer, localStorage), and the wording of each
 * kind's message.
 * Must not touch: how the settings are used, or any surface's code. Nothing
 * else in the project states a default or a range (the table does).
 */
// zod/mini: the same checks as classic zod, tree-shaken (about 6 KB gzip against 25 KB in the page).
import * as z from 'zod/mini';
import { echo, echoList, ECHO_MAX_ITEMS } from './echo';
import { parseIsoDate } from './world/calendar';
import {
  SETTINGS_TABLE,
  SETTING_KEYS,
  keysOfKind,
  specOf,
  type Range,
  type RangedKey,
  type SettingKey,
  type SettingSpec,
  type Settings,
} from './settingsTable';

export {
  CADENCES,
  KNOB_KEYS,
  MODEL_KINDS,
  SETTINGS_TABLE,
  SETTING_KEYS,
  keysOfKind,
  specOf,
  type Cadence,
  type DrawerKey,
  type KnobKey,
  type KnobSpec,
  type ModelKind,
  type RangedKey,
  type SettingKey,
  type SettingKind,
  type SettingSpec,
  type Settings,
} from './settingsTable';

// Zod 4 probes `new Function` to speed up parsing; a strict CSP forbids it.
z.config({ jitless: true });

/** The range of every numeric setting, and (as `startYear`) the years `startDate` may fall in. */
export const LIMITS = {
  ...(Object.fromEntries(
    keysOfKind('int', 'number').map((key) => {
      const { min, max } = specOf(key) as Range;
      return [key, { min, max }];
    }),
  ) as Record<RangedKey, Range>),
  startYear: SETTINGS_TABLE.startDate.years,
} as const satisfies Readonly<Record<RangedKey | 'startYear', Range>>;

/** The schema of one field, with the message a person sees for its kind. */
function fieldSchema(key: SettingKey, spec: SettingSpec) {
  switch (spec.kind) {
    case 'int': {
      const error = `${key} must be a whole number from ${spec.min} to ${spec.max}`;
      return z._default(
        z
          .number({ error })
          .check(z.int({ error }), z.minimum(spec.min, { error }), z.maximum(spec.max, { error })),
        spec.default,
      );
    }
    case 'number': {
      const error = `${key} must be a number from ${spec.min} to ${spec.max}`;
      return z._default(
        z.number({ error }).check(z.minimum(spec.min, { error }), z.maximum(spec.max, { error })),
        spec.default,
      );
    }
    case 'enum':
      return z._default(
        z.enum(spec.values, { error: `${key} must be one of: ${spec.values.join(', ')}` }),
        spec.default,
      );
    case 'boolean':
      return z._default(z.boolean({ error: `${key} must be true or false` }), spec.default);
    case 'date': {
      const { min, max } = spec.years;
      return z._default(
        z.string({ error: `${key} must be a date written YYYY-MM-DD` }).check(
          z.refine((s: string) => parseIsoDate(s) !== null, {
            error: `${key} must be a real date written YYYY-MM-DD`,
          }),
          z.refine(
            (s: string) => {
              const y = Number(s.slice(0, 4));
              return y >= min && y <= max;
            },
            { error: `${key} must fall in the years ${min} to ${max}` },
          ),
        ),
        spec.default,
      );
    }
    case 'knob': {
      const error = `${key} must be ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}, or null for the scenario's own`;
      const checks = [z.minimum(spec.min, { error }), z.maximum(spec.max, { error })];
      const value = spec.integer
        ? z.number({ error }).check(z.int({ error }), ...checks)
        : z.number({ error }).check(...checks);
      return z._default(z.nullable(value), null);
    }
  }
}

/** Why input that is not an object at all is rejected (the pseudo-field "(all)"). */
const NOT_AN_OBJECT = 'settings must be an object';

/** Each field's schema, in table order, typed as the field of `Settings` it parses. */
type SettingsShape = { [K in SettingKey]: z.ZodMiniDefault<z.ZodMiniType<Settings[K]>> };

export const settingsSchema = z.strictObject(
  Object.fromEntries(
    SETTING_KEYS.map((key) => [key, fieldSchema(key, specOf(key))]),
  ) as unknown as SettingsShape,
);

/**
 * One rejected field and why. `field` is a setting's name, an unknown key, or
 * a pseudo-field in parentheses: "(all)" when the input as a whole is unusable
 * (not an object, not JSON, too large), "(storage)" when storage cannot be read.
 */
export interface SettingsIssue {
  field: string;
  message: string;
}

export type SettingsResult =
  { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

/** The defaults, as one object. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/**
 * Unknown keys as a person may see them: each quoted and cut (echo.ts), at
 * most ECHO_MAX_ITEMS of them, then how many more, so a stored or imported
 * object with a 1 MB key or 20,000 keys still gives a short message.
 */
export function quotedKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, ECHO_MAX_ITEMS).map((k) => `"${echo(k)}"`);
  const rest = keys.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

function toIssues(error: z.core.$ZodError): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  // One reason per field: a value can fail several checks at once (a huge
  // integer is neither safe nor in range), and each would say the same thing.
  const named = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (issue.path.length === 0 && issue.code === 'invalid_type') {
      issues.push({ field: '(all)', message: NOT_AN_OBJECT });
    } else if (issue.code === 'unrecognized_keys') {
      issues.push({
        field: echoList(issue.keys),
        message: `unknown setting ${quotedKeys(issue.keys)}; known settings: ${SETTING_KEYS.join(', ')}`,
      });
    } else if (!named.has(field)) {
      named.add(field);
      issues.push({ field, message: issue.message });
    }
  }
  return issues;
}

/**
 * Parses a whole settings object: accepted whole or rejected whole.
 * Missing fields take their defaults; unknown fields are an error.
 */
export function parseSettings(input: unknown): SettingsResult {
  const result = settingsSchema.safeParse(input);
  return result.success
    ? { ok: true, settings: result.data }
    : { ok: false, issues: toIssues(result.error) };
}

/**
 * Parses partial state (a URL, stored settings): each bad field falls back to
 * its default and is named in `dropped`; unknown fields are ignored and named.
 */
export function parseSettingsLenient(input: unknown): {
  settings: Settings;
  dropped: SettingsIssue[];
} {
  const settings = defaultSettings();
  const dropped: SettingsIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { settings, dropped: [{ field: '(all)', message: NOT_AN_OBJECT }] };
  }
  const record = input as Record<string, unknown>;
  const shape = settingsSchema.shape;
  for (const [key, value] of Object.entries(record)) {
    // Own keys only: "constructor" or "__proto__" are not settings.
    if (!Object.hasOwn(shape, key)) {
      // The key is the user's text: echoed (cut, control characters shown) in the field and the message.
      const shown = echo(key);
      dropped.push({ field: shown, message: `unknown setting "${shown}" was ignored` });
      continue;
    }
    const k = key as SettingKey;
    const parsed = shape[k].safeParse(value);
    if (parsed.success) {
      (settings as Record<SettingKey, unknown>)[k] = parsed.data;
    } else {
      dropped.push({ field: k, message: parsed.error.issues[0]?.message ?? `${k} is invalid` });
    }
  }
  return { settings, dropped };
}

/** A one-line summary of rejected settings. */
export function describeIssues(issues: SettingsIssue[]): string {
  return issues.map((i) => i.message).join('; ');
}
