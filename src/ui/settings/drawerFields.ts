/**
 * The settings drawer's fields, derived from the settings table: which settings
 * it shows and in what order, each one's label, hint and control, and how the
 * form's text becomes input for the schema. Plain data, so a unit test can
 * compare it with the table without rendering React.
 *
 * Owns: the control each kind of setting gets, and the hint's range prefix.
 * Must not touch: labels, hints, order or ranges (src/sim/settingsTable.ts
 * states them), or rendering (SettingsDrawer.tsx).
 */
import { parseNumberText } from '../../sim/numberText';
import {
  SETTING_KEYS,
  specOf,
  type DrawerKey,
  type SettingKey,
  type SettingKind,
  type Settings,
} from '../../sim/settings';

/** The control each kind of setting gets: numbers with decimals are typed as text. */
const CONTROLS = {
  enum: 'select',
  boolean: 'checkbox',
  int: 'number',
  number: 'text',
  date: 'text',
  // Knobs live in the world editor, never in the drawer; the entry keeps the map whole.
  knob: 'text',
} as const satisfies Record<SettingKind, string>;
type Control = (typeof CONTROLS)[SettingKind];

/** One field of the drawer, as the settings table describes it. */
export interface DrawerFieldView {
  key: DrawerKey;
  label: string;
  /** A number's unit, written after the label in brackets: "... (days)". */
  unit?: string;
  /** The line under the field: a number's range, then the table's hint. */
  hint?: string;
  control: Control;
  /** A select's options. */
  options: readonly string[];
}

/** The drawer's fields, in the table's drawer order. */
export const DRAWER_FIELDS: readonly DrawerFieldView[] = SETTING_KEYS.flatMap((key) => {
  const spec = specOf(key);
  return spec.drawer ? [{ key: key as DrawerKey, spec, drawer: spec.drawer }] : [];
})
  .sort((a, b) => a.drawer.order - b.drawer.order)
  .map(({ key, spec, drawer }) => {
    const range = spec.kind === 'int' || spec.kind === 'number' ? `${spec.min}–${spec.max}` : '';
    const hint = `${range}${drawer.hint ?? ''}`;
    return {
      key,
      label: drawer.label,
      ...(drawer.unit ? { unit: drawer.unit } : {}),
      ...(hint ? { hint } : {}),
      control: CONTROLS[spec.kind],
      options: spec.kind === 'enum' ? spec.values : [],
    };
  });

/** The form's values: text as typed, on/off as checked. */
export type Draft = Record<DrawerKey, string | boolean>;

export const toDraft = (s: Settings): Draft =>
  Object.fromEntries(
    DRAWER_FIELDS.map(({ key, control }) => [
      key,
      control === 'checkbox' ? s[key] : String(s[key]),
    ]),
  ) as Draft;

const isNumberField = (key: SettingKey) => {
  const { kind } = specOf(key);
  return kind === 'int' || kind === 'number';
};

/**
 * What the form asks the schema to accept: the drawer's settings from the draft
 * (numbers read by the one number parser), the header's (scenario, seed) as they are.
 */
export function settingsInput(settings: Settings, draft: Draft): Record<SettingKey, unknown> {
  const input = {} as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) {
    const value = Object.hasOwn(draft, key) ? draft[key as DrawerKey] : settings[key];
    input[key] = isNumberField(key) && typeof value === 'string' ? parseNumberText(value) : value;
  }
  return input;
}
