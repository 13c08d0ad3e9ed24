/**
 * The re-run notice names every setting in plain words, from the settings
 * table's drawer labels, with its unit: "training window: 28 → 7 days", never
 * "windowDays: 28 → 7". The drawer's messages about a field name it the same way.
 */
import { describe, expect, it } from 'vitest';
import { otherValue } from './helpers';
import {
  defaultSettings,
  parseSettings,
  SETTING_KEYS,
  specOf,
  type Settings,
} from '../../src/sim/settings';
import { SCENARIOS } from '../../src/sim/world/scenarios';
import { changeText, describeChanges, fieldMessage } from '../../src/ui/settings/settingWords';

const lesson = defaultSettings();
/** A word written in camelCase, as the code names a setting. */
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe('the change text', () => {
  it.each(SETTING_KEYS)('names %s in the drawer’s words, with its unit', (key) => {
    const after = otherValue(key);
    const text = describeChanges(lesson, { ...lesson, [key]: after });
    expect(text).toBe(changeText(key, lesson[key], after));
    expect(text).not.toMatch(CAMEL);
    const spec = specOf(key);
    const label = spec.kind === 'knob' ? spec.editor.label : spec.drawer?.label;
    const name = (label ?? key).split(/:| \(/)[0];
    expect(text.startsWith(`${name.charAt(0).toLowerCase()}${name.slice(1)}: `)).toBe(true);
    expect(text).toMatch(/^[a-z][^:]*: \S.* → \S.*$/);
    if (spec.drawer?.unit) expect(text).toMatch(/ days?$/);
    if (spec.kind === 'knob') expect(text).toContain(": the scenario's own → ");
    if (spec.kind === 'boolean') expect(text).toMatch(/: (on → off|off → on)$/);
  });

  it('reads as a person would say it', () => {
    const change = (patch: Partial<Settings>) => describeChanges(lesson, { ...lesson, ...patch });
    expect(change({ windowDays: 7 })).toBe('training window: 28 → 7 days');
    expect(change({ windowDays: 1 })).toBe('training window: 28 → 1 day');
    expect(change({ labelDelay: 3 })).toBe('label delay: 0 → 3 days');
    expect(change({ driftWindowDays: 14 })).toBe('drift monitor’s rolling window: 7 → 14 days');
    expect(change({ validationGate: false })).toBe('validation gate: on → off');
    expect(change({ autoRollback: true })).toBe('automatic rollback: off → on');
    expect(change({ cadence: 'weekly' })).toBe('retrain the dynamic model: daily → weekly');
    expect(change({ scenario: 'stable' })).toBe(
      `scenario: ${SCENARIOS.valentine.title} → ${SCENARIOS.stable.title}`,
    );
    expect(change({ seed: 7 })).toBe('seed: 1 → 7');
  });

  it('lists several changes in the table’s order, and nothing when nothing changed', () => {
    expect(describeChanges(lesson, { ...lesson, windowDays: 14, cadence: 'weekly' })).toBe(
      'retrain the dynamic model: daily → weekly; training window: 28 → 14 days',
    );
    expect(describeChanges(lesson, { ...lesson })).toBe('');
  });
});

describe("the drawer's messages", () => {
  it('name a field by its label, never by the code’s name', () => {
    const bad = parseSettings({ ...lesson, windowDays: 999, driftWindowDays: 0 });
    expect(bad.ok).toBe(false);
    const shown = bad.ok ? [] : bad.issues.map((i) => fieldMessage(i.field, i.message));
    expect(shown).toEqual([
      'Training window must be a whole number from 1 to 365',
      'Drift monitor’s rolling window must be a whole number from 2 to 56',
    ]);
  });

  it('leave messages about the whole input or unknown keys as they are', () => {
    expect(fieldMessage('(all)', 'settings must be an object')).toBe('settings must be an object');
    expect(fieldMessage('windowdays', 'windowdays x')).toBe('windowdays x');
  });
});
