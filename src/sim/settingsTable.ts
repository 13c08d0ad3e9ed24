/**
 * The settings table: one entry per setting holding everything about it: its
 * kind, default and range or values, its command-line flag and --help line,
 * its URL parameter, and its label and hint in the settings drawer. The schema
 * (settings.ts), the command line (src/cli/args.ts), the link (src/store/url.ts)
 * and the drawer (src/ui/settings/drawerFields.ts) are all generated from it.
 *
 * Owns: the table and the `Settings` type derived from it (each entry is
 * checked against the kind of value it describes at compile time). Adding a
 * setting: one entry here, and the engine code that uses it.
 * Must not touch: parsing (settings.ts) or any surface's own code. A leaf: it
 * imports only its entry types (settingsSpec.ts), the world's knobs' entries
 * (settingsKnobs.ts) and src/sim/world/scenarios (never ui, store, contract
 * or results).
 */
import type { SettingKind, SettingSpec, SpecFor } from './settingsSpec';
import { KNOB_SETTINGS } from './settingsKnobs';
import { SCENARIO_IDS } from './world/scenarios';

export type * from './settingsSpec';

export const MODEL_KINDS = ['logistic', 'mlp'] as const;
export const CADENCES = ['daily', 'weekly', 'monthly', 'alarm'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export type Cadence = (typeof CADENCES)[number];

/** In the order of the settings object (the JSON config and messages list them so). */
export const SETTINGS_TABLE = {
  scenario: {
    kind: 'enum',
    values: SCENARIO_IDS,
    default: 'valentine',
    param: 'scenario',
    cli: {
      flag: 'scenario',
      value: '<id>',
      help: `which world to simulate: ${SCENARIO_IDS.join(', ')}`,
      order: 1,
    },
    drawer: null,
  },
  seed: {
    kind: 'int',
    min: 0,
    max: 2 ** 32 - 1,
    default: 1,
    param: 'seed',
    cli: {
      flag: 'seed',
      value: '<int>',
      help: 'the random seed; the same seed gives the same run',
      order: 2,
    },
    drawer: null,
  },
  startDate: {
    kind: 'date',
    years: { min: 2000, max: 2100 },
    default: '2025-07-01',
    param: 'start',
    cli: { flag: 'start', value: '<YYYY-MM-DD>', help: 'the first simulated day', order: 3 },
    drawer: { label: 'First day', hint: 'YYYY-MM-DD', order: 13 },
  },
  days: {
    kind: 'int',
    min: 63,
    max: 3650,
    default: 365,
    param: 'days',
    cli: { flag: 'days', value: '<int>', help: 'how many days to simulate', order: 4 },
    drawer: { label: 'Days to simulate', order: 12 },
  },
  visitorsPerDay: {
    kind: 'int',
    min: 50,
    max: 20_000,
    default: 500,
    param: 'visitors',
    cli: { flag: 'visitors', value: '<int>', help: 'visitors per day', order: 5 },
    drawer: { label: 'Visitors per day', order: 9 },
  },
  model: {
    kind: 'enum',
    values: MODEL_KINDS,
    default: 'logistic',
    param: 'model',
    cli: { flag: 'model', value: '<kind>', help: MODEL_KINDS.join(' or '), order: 6 },
    drawer: {
      label: 'Model',
      hint: 'logistic regression or a small neural network (MLP)',
      order: 1,
    },
  },
  cadence: {
    kind: 'enum',
    values: CADENCES,
    default: 'daily',
    param: 'cadence',
    cli: {
      flag: 'cadence',
      value: '<when>',
      help: `how often the dynamic model retrains: ${CADENCES.join(', ')}`,
      order: 7,
      ignoredByCompare: true,
    },
    drawer: {
      label: 'Retrain the dynamic model',
      hint: 'every day, week or month, or on alarm: only when its error alarm goes off',
      order: 2,
    },
  },
  windowDays: {
    kind: 'int',
    min: 1,
    max: 365,
    default: 28,
    param: 'window',
    cli: {
      flag: 'window',
      value: '<int>',
      help: 'days of data each retraining job reads',
      order: 8,
    },
    drawer: {
      label: 'Training window',
      unit: 'days',
      hint: '; the newest labelled days each retraining job reads',
      order: 3,
    },
  },
  warmStart: {
    kind: 'boolean',
    default: true,
    param: 'warm',
    cli: {
      flag: 'warm-start',
      helpOn: 'retrain from the serving weights',
      helpOff: 'retrain from fresh weights',
      order: 9,
    },
    drawer: { label: 'Warm start (continue from the serving weights)', order: 4 },
  },
  labelDelay: {
    kind: 'int',
    min: 0,
    max: 14,
    default: 0,
    param: 'delay',
    cli: {
      flag: 'label-delay',
      value: '<int>',
      help: "days before a visit's outcome is known",
      order: 10,
    },
    drawer: {
      label: 'Label delay',
      unit: 'days',
      hint: '; how long until a visit’s outcome is known',
      order: 10,
    },
  },
  driftWindowDays: {
    kind: 'int',
    min: 2,
    max: 56,
    default: 7,
    param: 'drift',
    cli: {
      flag: 'drift-window',
      value: '<int>',
      help: 'days in the rolling window the drift monitor compares',
      order: 11,
    },
    drawer: {
      label: 'Drift monitor’s rolling window',
      unit: 'days',
      hint: ': how many recent days of inputs are compared with the training data',
      order: 11,
    },
  },
  validationGate: {
    kind: 'boolean',
    default: true,
    param: 'vgate',
    cli: {
      flag: 'validation-gate',
      helpOff: 'promote every finite candidate (default: gate on)',
      order: 13,
    },
    drawer: {
      label: 'Validation gate: a candidate must beat a floor and not trail the serving version',
      order: 6,
    },
  },
  dataGate: {
    kind: 'boolean',
    default: true,
    param: 'dgate',
    cli: {
      flag: 'data-gate',
      helpOff: 'train on every day, even ones that fail the checks',
      order: 14,
    },
    drawer: { label: 'Data gate: keep days that fail the input checks out of training', order: 7 },
  },
  autoRollback: {
    kind: 'boolean',
    default: false,
    param: 'autorollback',
    cli: {
      flag: 'auto-rollback',
      helpOn: 'roll back when the error alarm goes off within a week of a release',
      order: 15,
    },
    drawer: {
      label: 'Automatic rollback: undo a release when the error alarm goes off within a week',
      order: 8,
    },
  },
  learningRate: {
    kind: 'number',
    min: 1e-4,
    max: 1e4,
    default: 0.05,
    param: 'lr',
    cli: {
      flag: 'learning-rate',
      value: '<num>',
      help: "learning rate of the dynamic model's retraining jobs",
      order: 12,
    },
    drawer: {
      label: 'Learning rate of the retraining jobs',
      hint: '; try 100 to watch a job blow up',
      order: 5,
    },
  },
  // The world's knobs (settingsKnobs.ts; src/sim/world/knobs.ts says what each does).
  ...KNOB_SETTINGS,
} as const satisfies Record<string, SettingSpec>;

/** The value an entry describes: its kind's type, or the union of an enum's values. */
type ValueOf<S> = S extends { kind: 'boolean' }
  ? boolean
  : S extends { kind: 'int' | 'number' }
    ? number
    : S extends { kind: 'date' }
      ? string
      : S extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'knob' }
          ? number | null
          : never;

/**
 * Every knob of a run, derived from the table (adding an entry adds the field).
 * A mapped type literal, not an interface: it stays assignable to
 * `Record<string, unknown>`. `startDate` is the first simulated day, YYYY-MM-DD.
 */
export type Settings = {
  -readonly [K in keyof typeof SETTINGS_TABLE]: ValueOf<(typeof SETTINGS_TABLE)[K]>;
};
export type SettingKey = keyof Settings;

/** One entry per field of `Settings`, of the kind its type needs. */
export type SettingsTable = { readonly [K in SettingKey]: SpecFor<Settings[K]> };

/**
 * Compile-time check that every entry is the kind its value needs (an enum's
 * default among its values, a number's default a number): a bad entry makes
 * this line a type error.
 */
const TABLE_IS_WELL_FORMED: SettingsTable = SETTINGS_TABLE;
void TABLE_IS_WELL_FORMED;

export const SETTING_KEYS = Object.keys(SETTINGS_TABLE) as SettingKey[];

/** The entry of one setting, widened to the union (for code that handles every kind). */
export const specOf = (key: SettingKey): SettingSpec => SETTINGS_TABLE[key];

/** Settings of one kind, in table order. */
export const keysOfKind = (...kinds: SettingKind[]): SettingKey[] =>
  SETTING_KEYS.filter((key) => kinds.includes(SETTINGS_TABLE[key].kind));

/** The settings the drawer shows (not the header's scenario and seed). */
export type DrawerKey = {
  [K in SettingKey]: (typeof SETTINGS_TABLE)[K]['drawer'] extends null ? never : K;
}[SettingKey];
/** The world's knobs (null: the scenario's own value). */
export type KnobKey = {
  [K in SettingKey]: (typeof SETTINGS_TABLE)[K]['kind'] extends 'knob' ? K : never;
}[SettingKey];
export const KNOB_KEYS = keysOfKind('knob') as KnobKey[];

/** The settings with a numeric range. */
export type RangedKey = {
  [K in SettingKey]: (typeof SETTINGS_TABLE)[K]['kind'] extends 'int' | 'number' ? K : never;
}[SettingKey];
