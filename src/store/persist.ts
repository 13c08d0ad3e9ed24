/**
 * Settings kept between visits in localStorage (results are not: they are
 * recomputed from the settings, exactly).
 *
 * Owns: the storage key, the stored format's version and its migration, and
 * reading stored data leniently (what validates is kept, the rest dropped and
 * named). Storage that is missing, full, disabled or corrupted never throws.
 * Must not touch: anything but the one key.
 */
import { parseSettingsLenient, type Settings, type SettingsIssue } from '../sim/settings';
import { type KeyValueStorage, readStored, writeStored } from './storage';

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

/** Turns any stored value into the current format's settings object. */
export function migrate(value: unknown): { settings: unknown; note: string | null } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { settings: null, note: 'stored settings were not an object' };
  }
  const record = value as Record<string, unknown>;
  if (!('version' in record)) return { settings: record, note: null };
  if (record.version === STORAGE_VERSION) return { settings: record.settings, note: null };
  return {
    settings: null,
    note: `stored settings have an unknown format version (${String(JSON.stringify(record.version)).slice(0, 20)})`,
  };
}

/** Reads stored settings; never throws. */
export function loadSettings(storage: SettingsStorage | null): Stored {
  const stored = readStored(storage, STORAGE_KEY);
  if (stored.kind === 'absent') return { settings: {}, dropped: [] };
  if (stored.kind === 'unreadable') {
    return { settings: {}, dropped: [{ field: '(storage)', message: 'storage is not readable' }] };
  }
  if (stored.kind === 'not-json') {
    return {
      settings: {},
      dropped: [{ field: '(all)', message: 'stored settings were not JSON' }],
    };
  }
  const { settings, note } = migrate(stored.value);
  if (settings === null || settings === undefined) {
    return { settings: {}, dropped: [{ field: '(all)', message: note ?? 'nothing to read' }] };
  }
  const parsed = parseSettingsLenient(settings);
  const bad = new Set(parsed.dropped.map((d) => d.field));
  const kept: Partial<Settings> = {};
  if (typeof settings === 'object' && !bad.has('(all)')) {
    for (const key of Object.keys(settings) as (keyof Settings)[]) {
      if (key in parsed.settings && !bad.has(key)) {
        (kept as Record<string, unknown>)[key] = parsed.settings[key];
      }
    }
  }
  return { settings: kept, dropped: parsed.dropped };
}

/** Stores settings; returns false (and keeps going) when storage refuses. */
export function saveSettings(storage: SettingsStorage | null, settings: Settings): boolean {
  return writeStored(storage, STORAGE_KEY, { version: STORAGE_VERSION, settings });
}
