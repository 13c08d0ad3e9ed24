/**
 * Command-line flags of `npm run simulate`: from argv to a validated settings object.
 *
 * Owns: the flag names, their mapping onto setting fields, the output options
 * (--format, --out, --help), the --compare mode and the one-line reasons for rejecting
 * a command line.
 * Must not touch: defaults or ranges of settings (only src/sim/settings.ts states
 * them), printing, or exiting; it returns a result and simulate.ts acts on it.
 */
import { parseArgs } from 'node:util';
import {
  CADENCES,
  MODEL_KINDS,
  parseSettings,
  type SettingKey,
  type Settings,
} from '../sim/settings';
import { SCENARIO_IDS } from '../sim/world/scenarios';

export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CliOptions {
  settings: Settings;
  format: OutputFormat;
  /** Write the output to this file instead of stdout. */
  out: string | null;
}

export type ArgsResult =
  | { kind: 'run'; options: CliOptions }
  /** --compare: every retraining strategy on one world and seed; cadence stays at its default. */
  | { kind: 'compare'; options: CliOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

/** Flags that take a value and set one field of the settings. */
const SETTING_FLAGS = {
  scenario: 'scenario',
  seed: 'seed',
  start: 'startDate',
  days: 'days',
  visitors: 'visitorsPerDay',
  model: 'model',
  cadence: 'cadence',
  window: 'windowDays',
  'label-delay': 'labelDelay',
  'drift-window': 'driftWindowDays',
  'learning-rate': 'learningRate',
} as const satisfies Record<string, SettingKey>;

type SettingFlag = keyof typeof SETTING_FLAGS;
const NUMERIC_FLAGS: ReadonlySet<SettingFlag> = new Set<SettingFlag>([
  'seed',
  'days',
  'visitors',
  'window',
  'label-delay',
  'drift-window',
  'learning-rate',
]);

const OPTIONS = {
  scenario: { type: 'string' },
  seed: { type: 'string' },
  start: { type: 'string' },
  days: { type: 'string' },
  visitors: { type: 'string' },
  model: { type: 'string' },
  cadence: { type: 'string' },
  window: { type: 'string' },
  'label-delay': { type: 'string' },
  'drift-window': { type: 'string' },
  'learning-rate': { type: 'string' },
  'warm-start': { type: 'boolean' },
  'no-warm-start': { type: 'boolean' },
  'validation-gate': { type: 'boolean' },
  'no-validation-gate': { type: 'boolean' },
  'data-gate': { type: 'boolean' },
  'no-data-gate': { type: 'boolean' },
  'auto-rollback': { type: 'boolean' },
  'no-auto-rollback': { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  compare: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HELP_TEXT = `Usage: npm run simulate -- [flags]

Runs one seeded simulation of the flower shop and prints how the static and
the dynamic model did. Every setting left out takes its default.

Settings:
  --scenario <id>         which world to simulate: ${SCENARIO_IDS.join(', ')}
  --seed <int>            the random seed; the same seed gives the same run
  --start <YYYY-MM-DD>    the first simulated day
  --days <int>            how many days to simulate
  --visitors <int>        visitors per day
  --model <kind>          ${MODEL_KINDS.join(' or ')}
  --cadence <when>        how often the dynamic model retrains: ${CADENCES.join(', ')}
  --window <int>          days of data each retraining job reads
  --warm-start            retrain from the serving weights
  --no-warm-start         retrain from fresh weights
  --label-delay <int>     days before a visit's outcome is known
  --drift-window <int>    days in the rolling window the drift monitor compares
  --learning-rate <num>   learning rate of the dynamic model's retraining jobs
  --no-validation-gate    promote every finite candidate (default: gate on)
  --no-data-gate          train on every day, even ones that fail the checks
  --auto-rollback         roll back when the error detector fires after a promotion

Compare:
  --compare               run the same world and seed once per retraining
                          strategy (static, daily, weekly, monthly, on drift
                          alarm) and print one row per strategy: accuracy,
                          worst week and training cost; --cadence is ignored

Output:
  --format <fmt>          table (default), csv or json
  --out <file>            write the output to a file instead of stdout
  -h, --help              show this text

Bad flags exit with code 2 and one line on stderr.
`;

/** Number() of the whole string when it is written as a decimal number; otherwise the string. */
export function numberOrRaw(raw: string): number | string {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : raw;
}

/** The flag that sets a settings field, for error messages. */
export function flagForField(field: string): string | null {
  if (field === 'warmStart') return '--warm-start';
  const hit = Object.entries(SETTING_FLAGS).find(([, key]) => key === field);
  return hit ? `--${hit[0]}` : null;
}

/** Node's parseArgs errors, reworded as one short line. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${quoted} (see --help)`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `unexpected argument '${/'(.*)'/.exec(message)?.[1] ?? ''}'; every value follows a flag`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${quoted} takes no value`;
    if (/argument missing|ambiguous/.test(message)) return `${quoted} needs a value`;
  }
  return message.split('\n')[0] ?? 'invalid command line';
}

/** Parses argv (without node and script); never exits and never prints. */
export function parseCliArgs(argv: readonly string[]): ArgsResult {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, tokens: true });
  } catch (error) {
    return { kind: 'error', message: describeParseError(error) };
  }
  const { values, tokens } = parsed;
  if (values.help) return { kind: 'help', text: HELP_TEXT };

  const input: Partial<Record<SettingKey, unknown>> = {};
  const compare = values.compare === true;
  for (const [flag, field] of Object.entries(SETTING_FLAGS) as [SettingFlag, SettingKey][]) {
    const raw = values[flag];
    if (raw === undefined) continue;
    // A comparison runs every cadence, so --cadence is ignored (not even checked).
    if (compare && flag === 'cadence') continue;
    input[field] = NUMERIC_FLAGS.has(flag) ? numberOrRaw(raw) : raw;
  }
  // The last of --x / --no-x wins, for each on/off setting.
  const SWITCHES: Record<string, SettingKey> = {
    'warm-start': 'warmStart',
    'validation-gate': 'validationGate',
    'data-gate': 'dataGate',
    'auto-rollback': 'autoRollback',
  };
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const off = token.name.startsWith('no-');
    const field = SWITCHES[off ? token.name.slice(3) : token.name];
    if (field) input[field] = !off;
  }

  const format = values.format ?? 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    return {
      kind: 'error',
      message: `--format must be one of: ${OUTPUT_FORMATS.join(', ')} (got '${format}')`,
    };
  }
  if (values.out === '') return { kind: 'error', message: '--out needs a file name' };

  const result = parseSettings(input);
  if (!result.ok) {
    const message = result.issues
      .map((issue) => {
        const flag = flagForField(issue.field);
        return flag ? `${flag}: ${issue.message}` : issue.message;
      })
      .join('; ');
    return { kind: 'error', message };
  }
  return {
    kind: compare ? 'compare' : 'run',
    options: { settings: result.settings, format: format as OutputFormat, out: values.out ?? null },
  };
}
