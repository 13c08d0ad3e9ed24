/**
 * Oracles the fuzz properties share: what a settings object must hold, given
 * entries whose validity is known by construction (see arbitraries.ts).
 *
 * Owns: the defaults used as the baseline, `intended`, `badKeys`,
 * `namesExactly` and `revalidates`.
 * Must not touch: the code under test (it only calls the schema).
 */
import { expect } from 'vitest';
import { echo } from '../../../src/sim/echo';
import {
  SETTING_KEYS,
  defaultSettings,
  parseSettings,
  type SettingKey,
  type Settings,
} from '../../../src/sim/settings';
import type { Entry } from './arbitraries';

export const DEFAULTS = defaultSettings();
export const isSetting = (k: string): k is SettingKey =>
  (SETTING_KEYS as readonly string[]).includes(k);

/** The settings a whole, valid object asks for: its values over the defaults. */
export function intended(entries: Entry[]): Settings {
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const e of entries) out[e.key] = JSON.parse(e.json) as unknown;
  return out as Settings;
}

/** Fields that must be rejected: invalid settings and unknown keys. */
export const badKeys = (entries: Entry[]) => entries.filter((e) => !e.valid).map((e) => e.key);

/** Checks that a whole-object message names exactly the bad entries. */
export function namesExactly(message: string, entries: Entry[]): void {
  for (const e of entries) {
    if (e.known && !e.valid) expect(message).toContain(`${e.key} must`);
    if (e.known && e.valid) expect(message).not.toContain(`${e.key} must`);
    if (!e.known) {
      expect(message).toContain('unknown setting');
      // Named as echoed: quoted, cut and free of control characters (src/sim/echo.ts).
      expect(message).toContain(`"${echo(e.key)}"`);
    }
  }
}

/** Settings pass the whole-object schema unchanged. */
export function revalidates(settings: Settings): void {
  const again = parseSettings(settings);
  expect(again.ok).toBe(true);
  if (again.ok) {
    expect(again.settings).toEqual(settings);
    expect(Object.keys(again.settings).sort()).toEqual([...SETTING_KEYS].sort());
  }
}
