/**
 * Oracles the fuzz properties share: what a settings object must hold, given
 * entries whose validity is known by construction (see arbitraries.ts).
 *
 * Owns: the defaults used as the baseline, `intended`, `badKeys`,
 * `namesExactly`, `revalidates`, and which interventions a run can have
 * (`possibleInterventions`, `namesRefused`).
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
import type { Intervention } from '../../../src/sim/contract';
import { dateOfDay } from '../../../src/sim/world/calendar';
import { formatInterventions } from '../../../src/store/linkParams';
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

/**
 * Which interventions a run with these settings can have, worked out
 * independently of src/store/linkInterventions.ts: a serving day (63 to
 * `days`), a rollback to a version that can have served by then (1 + one per
 * possible job day before it), nothing repeated, no gate switched to the
 * state it already has. Returns the kept list and the refused ones as text.
 */
export function possibleInterventions(
  list: readonly Intervention[],
  settings: Settings,
): { kept: Intervention[]; refused: string[] } {
  const jobPossible = (j: number) => {
    if (settings.cadence === 'weekly') return (j - 62) % 7 === 0;
    if (settings.cadence === 'monthly') return dateOfDay(settings.startDate, j + 1).endsWith('-01');
    return true; // daily, and "alarm": any serving day may bring a job
  };
  const kept: Intervention[] = [];
  const refused: string[] = [];
  const gate = { validation: settings.validationGate, data: settings.dataGate };
  const seen: string[] = [];
  for (const iv of [...list].sort((a, b) => a.day - b.day)) {
    const text = formatInterventions([iv]);
    let versions = 1;
    for (let j = 63; j < iv.day && j < settings.days; j++) if (jobPossible(j)) versions++;
    const bad =
      iv.day < 63 ||
      iv.day > settings.days ||
      (iv.kind === 'rollback' && (iv.version < 1 || iv.version > versions)) ||
      seen.includes(text) ||
      (iv.kind === 'gate' && gate[iv.gate] === iv.on);
    if (bad) refused.push(text);
    else {
      seen.push(text);
      if (iv.kind === 'gate') gate[iv.gate] = iv.on;
      kept.push(iv);
    }
  }
  return { kept, refused };
}

/**
 * Every refused intervention is named in the link notice's messages, or
 * counted in an "and N more" (a list shows at most 8).
 */
export function namesRefused(messages: string[], refused: string[]): void {
  const text = messages.join(' | ');
  const more = [...text.matchAll(/and (\d+) more/g)].reduce((n, m) => n + Number(m[1]), 0);
  const named = refused.filter((r) =>
    new RegExp(`(^|[ ,:])${r.replace('.', '\\.')}(,|$| and| \\|)`).test(text),
  );
  expect(named.length + more, `refused ${refused.join(',')} in: ${text}`).toBeGreaterThanOrEqual(
    refused.length,
  );
  if (refused.length === 0) expect(text).toBe('');
}
