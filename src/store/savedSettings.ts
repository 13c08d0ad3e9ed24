/**
 * The notice a bare visit shows when stored settings are in use: which
 * settings differ from the lesson's, in the drawer's words and as a person
 * reads the values, with one button back to the lesson's settings.
 *
 * Owns: that notice's wording and the way a setting's value reads in words
 * (stored values reach it validated, so they are shown whole).
 * Must not touch: storage or the URL (boot.ts decides when the notice shows),
 * or what the button does (the store's restoreLessonSettings).
 */
import {
  SETTING_KEYS,
  defaultSettings,
  specOf,
  type SettingKey,
  type Settings,
} from '../sim/settings';
import { SCENARIOS } from '../sim/world/scenarios';
import type { Notice } from './labTypes';

/** The id of the notice, so a later notice replaces it and tests can find it. */
export const SAVED_SETTINGS_NOTICE = 'saved-settings';

/**
 * A setting's name in plain words: the drawer's label up to its explanation
 * ("Training window (days)" reads "Training window"), or for the header's
 * settings without a drawer label, the parameter's name capitalised ("Seed").
 */
export function settingLabel(key: SettingKey): string {
  const spec = specOf(key);
  const label =
    spec.drawer?.label ??
    (spec.kind === 'knob'
      ? spec.editor.label
      : spec.param.charAt(0).toUpperCase() + spec.param.slice(1));
  return label.split(/:| \(/)[0];
}

/** A setting's value as a person reads it: on/off, a scenario's title, the number or word. */
export function settingValueText<K extends SettingKey>(key: K, value: Settings[K]): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (value === null) return "the scenario's own";
  if (key === 'scenario') return SCENARIOS[value as Settings['scenario']].title;
  return String(value);
}

/** The notice for these settings, or null when they are the lesson's. */
export function savedSettingsNotice(settings: Settings): Notice | null {
  const lesson = defaultSettings();
  const differ = SETTING_KEYS.filter((key) => settings[key] !== lesson[key]).map(
    (key) =>
      `${settingLabel(key)} ${settingValueText(key, settings[key])} (the lesson's: ${settingValueText(key, lesson[key])})`,
  );
  if (differ.length === 0) return null;
  return {
    id: SAVED_SETTINGS_NOTICE,
    tone: 'info',
    text: `Your saved settings are in use, not the lesson's: ${differ.join('; ')}.`,
    action: { label: 'Use the lesson’s settings', does: 'restoreLessonSettings' },
  };
}
