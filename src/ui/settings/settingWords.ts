/**
 * A setting in the words a person reads: what the re-run notice says changed
 * ("training window: 28 → 7 days") and the drawer's messages about a field
 * (named by its label, "... must be a whole number"), never the code's name for it (windowDays).
 *
 * Owns: the wording of a change and of a field's message. The names come from
 * the settings table's drawer labels (through settingLabel, which the saved
 * settings' notice uses too), the units from its drawer entries, the values'
 * words from settingValueText.
 * Must not touch: the labels themselves (src/sim/settingsTable.ts) or when a
 * notice shows (the store).
 */
import { SETTING_KEYS, specOf, type SettingKey, type Settings } from '../../sim/settings';
import { asSetting, namesKey } from '../../store/issueWords';
import { settingLabel, settingValueText } from '../../store/savedSettings';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A value with the setting's unit, if it has one: "7 days", "1 day", "on", "Stable". */
export function valueWithUnit<K extends SettingKey>(key: K, value: Settings[K]): string {
  const text = settingValueText(key, value);
  const spec = specOf(key);
  const unit = spec.kind === 'knob' ? spec.editor.unit : spec.drawer?.unit;
  if (!unit || typeof value !== 'number') return text;
  if (unit === '×' || unit === '%') return `${text}${unit}`;
  if (unit === 'day') return `day ${text}`;
  return `${text} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** One setting's change: "training window: 28 → 7 days", "validation gate: on → off". */
export function changeText<K extends SettingKey>(key: K, before: Settings[K], after: Settings[K]) {
  const from = settingValueText(key, before);
  return `${lowerFirst(settingLabel(key))}: ${from} → ${valueWithUnit(key, after)}`;
}

/** Every setting that differs, in the table's order, joined by "; " ("" when none does). */
export function describeChanges(before: Settings, after: Settings): string {
  return SETTING_KEYS.filter((k) => before[k] !== after[k])
    .map((k) => changeText(k, before[k], after[k]))
    .join('; ');
}

/**
 * The schema's message about a field, with the field named as the drawer
 * labels it: "windowDays must be ..." starts with the label's name instead.
 */
export function fieldMessage(field: string, message: string): string {
  const key = asSetting(field);
  return key && namesKey(key, message)
    ? `${settingLabel(key)}${message.slice(key.length)}`
    : message;
}
