/**
 * Settings kept between visits in localStorage (results are not: they are
 * recomputed from the settings, exactly).
 *
 * Owns: the settings key's format (its name, version and migration) and
 * reading stored settings field by field through the one storage loader
 * (versionedStorage.ts): what validates is kept, the rest dropped and named.
 * Storage that is missing, full, disabled or corrupted never throws.
 * Must not touch: anything but the one key.
 */
import {
  parseSettingsLenient,
  SETTING_KEYS,
  type Settings,
  type SettingsIssue,
} from '../sim/settings';
import type { KeyValueStorage } from './storage';
import { loadStored, migrateStored, saveStored, type StoredFormat } from './versionedStorage';

export const STORAGE_KEY = 'bloomcast.settings';
/**
 * Version 1: `{ version: 1, settings: {...} }`. Data without a version (a
 * bare settings object, as written by hand or by a build before versioning)
 * is migrated by reading it field by field.
 */
export const STORAGE_VERSION = 1;

export interface Stored {
  /** Only the stored fields that validated. */
  settings: Partial<Settings>;
  dropped: SettingsIssue[];
}

/** The storage settings are kept in (tests pass a fake). */
export type SettingsStorage = KeyValueStorage;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps the stored fields that validate; names the rest. */
function validateSettings(payload: unknown): {
  value: Partial<Settings>;
  dropped: SettingsIssue[];
} {
  if (payload === null || payload === undefined) {
    return { value: {}, dropped: [{ field: '(all)', message: 'nothing to read' }] };
  }
  const parsed = parseSettingsLenient(payload);
  const bad = new Set(parsed.dropped.map((d) => d.field));
  const kept: Partial<Settings> = {};
  if (typeof payload === 'object' && !bad.has('(all)')) {
    for (const key of Object.keys(payload) as (keyof Settings)[]) {
      if (key in parsed.settings && !bad.has(key)) {
        (kept as Record<string, unknown>)[key] = parsed.settings[key];
      }
    }
  }
  return { value: kept, dropped: parsed.dropped };
}

const SETTINGS_FORMAT: StoredFormat<Partial<Settings>> = {
  key: STORAGE_KEY,
  version: STORAGE_VERSION,
  noun: 'stored settings',
  plural: true,
  // Room to name every setting, and a few keys that are none.
  maxReasons: SETTING_KEYS.length + 3,
  migrate: (value, version) =>
    version === undefined && isRecord(value) ? { payload: value } : null,
  unwrap: (stored) => stored.settings,
  wrap: (settings) => ({ settings }),
  validate: validateSettings,
  empty: () => ({}),
};

/** Turns any stored value into the current format's settings object. */
export function migrate(value: unknown): { settings: unknown; note: string | null } {
  const { payload, note } = migrateStored(SETTINGS_FORMAT, value);
  return { settings: payload, note };
}

/** Reads stored settings; never throws. */
export function loadSettings(storage: SettingsStorage | null): Stored {
  const { value, dropped } = loadStored(storage, SETTINGS_FORMAT);
  return { settings: value, dropped };
}

/** Stores settings; returns false (and keeps going) when storage refuses. */
export function saveSettings(storage: SettingsStorage | null, settings: Settings): boolean {
  return saveStored(storage, SETTINGS_FORMAT, settings);
}
