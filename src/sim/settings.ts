/**
 * The one settings schema: every knob of a run, its default, its range and
 * the message a person sees when a value is out of bounds.
 *
 * Owns: parsing and validating settings from any source (CLI flags, URL,
 * scenario JSON, the settings drawer, localStorage).
 * Must not touch: how the settings are used. Nothing else in the project
 * states a default or a range.
 */
import { z } from 'zod';
import { parseIsoDate } from './world/calendar';
import { SCENARIO_IDS } from './world/scenarios';

// Zod 4 probes `new Function` to speed up parsing; a strict CSP forbids it.
z.config({ jitless: true });

export const MODEL_KINDS = ['logistic', 'mlp'] as const;
export const CADENCES = ['daily', 'weekly', 'monthly', 'alarm'] as const;

export const LIMITS = {
  seed: { min: 0, max: 2 ** 32 - 1 },
  days: { min: 63, max: 3650 },
  visitorsPerDay: { min: 50, max: 20_000 },
  windowDays: { min: 1, max: 365 },
  labelDelay: { min: 0, max: 14 },
  driftWindowDays: { min: 2, max: 56 },
  learningRate: { min: 1e-4, max: 1e4 },
  startYear: { min: 2000, max: 2100 },
} as const;

const int = (field: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `${field} must be a whole number from ${min} to ${max}` })
    .int({ error: `${field} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${field} must be a whole number from ${min} to ${max}` })
    .max(max, { error: `${field} must be a whole number from ${min} to ${max}` });

const oneOf = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of: ${values.join(', ')}` });

const startDate = z
  .string({ error: 'startDate must be a date written YYYY-MM-DD' })
  .refine((s) => parseIsoDate(s) !== null, {
    error: 'startDate must be a real date written YYYY-MM-DD',
  })
  .refine(
    (s) => {
      const y = Number(s.slice(0, 4));
      return y >= LIMITS.startYear.min && y <= LIMITS.startYear.max;
    },
    {
      error: `startDate must fall in the years ${LIMITS.startYear.min} to ${LIMITS.startYear.max}`,
    },
  );

/** Why input that is not an object at all is rejected (the pseudo-field "(all)"). */
const NOT_AN_OBJECT = 'settings must be an object';

const learningRateMessage = `learningRate must be a number from ${LIMITS.learningRate.min} to ${LIMITS.learningRate.max}`;

export const settingsSchema = z
  .object({
    scenario: oneOf('scenario', SCENARIO_IDS).default('valentine'),
    seed: int('seed', LIMITS.seed).default(1),
    startDate: startDate.default('2025-07-01'),
    days: int('days', LIMITS.days).default(365),
    visitorsPerDay: int('visitorsPerDay', LIMITS.visitorsPerDay).default(500),
    model: oneOf('model', MODEL_KINDS).default('logistic'),
    cadence: oneOf('cadence', CADENCES).default('daily'),
    windowDays: int('windowDays', LIMITS.windowDays).default(28),
    warmStart: z.boolean({ error: 'warmStart must be true or false' }).default(true),
    labelDelay: int('labelDelay', LIMITS.labelDelay).default(0),
    driftWindowDays: int('driftWindowDays', LIMITS.driftWindowDays).default(7),
    validationGate: z.boolean({ error: 'validationGate must be true or false' }).default(true),
    dataGate: z.boolean({ error: 'dataGate must be true or false' }).default(true),
    autoRollback: z.boolean({ error: 'autoRollback must be true or false' }).default(false),
    learningRate: z
      .number({ error: learningRateMessage })
      .min(LIMITS.learningRate.min, { error: learningRateMessage })
      .max(LIMITS.learningRate.max, { error: learningRateMessage })
      .default(0.05),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export type ModelKind = Settings['model'];
export type Cadence = Settings['cadence'];

export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

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

function toIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.path.length === 0 && issue.code === 'invalid_type') {
      return { field: '(all)', message: NOT_AN_OBJECT };
    }
    if (issue.code === 'unrecognized_keys') {
      return {
        field: issue.keys.join(', '),
        message: `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')}; known settings: ${SETTING_KEYS.join(', ')}`,
      };
    }
    return { field, message: issue.message };
  });
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
      dropped.push({ field: key, message: `unknown setting "${key}" was ignored` });
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
