/**
 * The shape of an entry of the settings table (settingsTable.ts): what every
 * setting states, by kind: its range or values, its command-line flag and --help
 * line, its URL parameter, its place in the settings drawer.
 *
 * Owns: these types only.
 * Must not touch: any setting's values (the table states them). Imports nothing.
 */

/** Inclusive bounds. */
export interface Range {
  min: number;
  max: number;
}

/** A flag that takes a value: `--<flag> <value>`. */
export interface ValueFlag {
  flag: string;
  /** What --help shows after the flag, such as `<int>`. */
  value: string;
  /** The rest of its --help line. */
  help: string;
  /** Its place in --help's list of settings. */
  order: number;
  /** --compare runs every value of this setting, so it ignores the flag (without checking it). */
  ignoredByCompare?: true;
}

/** An on/off flag: `--<flag>` sets true, `--no-<flag>` false; the last one given wins. */
export interface SwitchFlag {
  flag: string;
  /** --help's line for `--<flag>`; left out, the flag works but is not listed. */
  helpOn?: string;
  /** --help's line for `--no-<flag>`; left out, the flag works but is not listed. */
  helpOff?: string;
  /** Its place in --help's list of settings (the on line first when both are listed). */
  order: number;
}

/** The setting's field in the settings drawer. */
export interface DrawerField {
  /**
   * Its name in plain words, then any explanation after ": " or " (": notices
   * name the setting by the part before them ("Data gate: keep days ..." reads
   * "Data gate").
   */
  label: string;
  /** A number's unit: the drawer writes it after the label, notices after the value. */
  unit?: 'days';
  /** The line under the field; a number's hint is its range, then this text. */
  hint?: string;
  /** Its place in the drawer. */
  order: number;
}

interface Common<T> {
  default: T;
  /** Its parameter in the page URL. */
  param: string;
  /** Its field in the drawer, or null when it is chosen elsewhere (the header). */
  drawer: DrawerField | null;
}

export interface IntSpec extends Common<number>, Range {
  kind: 'int';
  cli: ValueFlag;
}
export interface NumberSpec extends Common<number>, Range {
  kind: 'number';
  cli: ValueFlag;
}
export interface EnumSpec<T extends string> extends Common<T> {
  kind: 'enum';
  values: readonly [T, ...T[]];
  cli: ValueFlag;
}
export interface DateSpec extends Common<string> {
  kind: 'date';
  /** A YYYY-MM-DD date whose year lies in this range. */
  years: Range;
  cli: ValueFlag;
}
export interface BooleanSpec extends Common<boolean> {
  kind: 'boolean';
  cli: SwitchFlag;
}
/** The knob's control in the world editor (src/ui/world/). */
export interface EditorField {
  /**
   * Its name in plain words, starting with a common word: sentences lower its
   * first letter ("strength of Valentine's Day: 1× → 2×").
   */
  label: string;
  /** What a value counts: written after it ("2 ×", "14 days", "20 %"). */
  unit: '×' | 'days' | 'day' | '%';
  /** The line under the control. */
  hint: string;
  /** The slider's step. */
  step: number;
  /** The editor's section it sits in, then its place there. */
  group: 'valentine' | 'seasons' | 'buying' | 'outage' | 'bug';
  order: number;
}

/**
 * A knob of the world (src/sim/world/knobs.ts): a number in a range, or null,
 * "the scenario's own" value. Left at null everywhere, the world is the
 * scenario exactly; any number makes it a custom world. Links and files carry
 * only the knobs that are set.
 */
export interface KnobSpec extends Common<null>, Range {
  kind: 'knob';
  /** Whole numbers only. */
  integer: boolean;
  cli: ValueFlag;
  drawer: null;
  editor: EditorField;
}
export type SettingSpec =
  IntSpec | NumberSpec | EnumSpec<string> | DateSpec | BooleanSpec | KnobSpec;
export type SettingKind = SettingSpec['kind'];

/** The entry a field of type T needs (tuples stop unions from distributing). */
export type SpecFor<T> = [T] extends [boolean]
  ? BooleanSpec
  : [T] extends [number]
    ? IntSpec | NumberSpec
    : [T] extends [number | null]
      ? KnobSpec
      : string extends T
        ? DateSpec
        : [T] extends [string]
          ? EnumSpec<T>
          : never;
