/**
 * Command-line flags of `npm run simulate`: from argv to a validated settings object.
 *
 * Owns: the output options (--format, --out, --help), the --compare mode, reading
 * argv with the flags the settings table declares (a negative number is a value:
 * `--flag -1`; a flag that takes a value is given once), and the one-line reasons
 * for rejecting a command line, which echo what was typed through src/sim/echo.ts
 * (cut, control and escape sequences shown, never sent raw to the terminal).
 * Must not touch: a setting's flag, --help line, default or range (only the settings
 * table, src/sim/settingsTable.ts, states them), printing, or exiting; it returns a
 * result and simulate.ts acts on it.
 */
import { parseArgs } from 'node:util';
import { echo } from '../sim/echo';
import { parseNumberText } from '../sim/numberText';
import { MAX_SEEDS, parseSeedList } from '../sim/seeds';
import {
  KNOB_KEYS,
  SETTINGS_TABLE,
  SETTING_KEYS,
  parseSettings,
  specOf,
  type SettingKey,
  type Settings,
} from '../sim/settings';

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
  /** --seeds: the same settings on each of these seeds, one row per seed and a summary. */
  | { kind: 'seeds'; options: CliOptions; seeds: number[] }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/** The options that are not settings: what to print, where, --compare and --seeds. */
const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  out: { type: 'string' },
  compare: { type: 'boolean' },
  seeds: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

/** Value flags and the setting each sets. */
const VALUE_FLAGS = new Map<string, SettingKey>(
  SETTING_KEYS.filter((key) => specOf(key).kind !== 'boolean').map((key) => [
    SETTINGS_TABLE[key].cli.flag,
    key,
  ]),
);

/** On/off flags: `--x` and `--no-x` for each on/off setting, and the value each sets. */
const SWITCHES = new Map<string, { key: SettingKey; on: boolean }>(
  SETTING_KEYS.filter((key) => specOf(key).kind === 'boolean').flatMap((key) => {
    const { flag } = SETTINGS_TABLE[key].cli;
    return [
      [flag, { key, on: true }],
      [`no-${flag}`, { key, on: false }],
    ] as const;
  }),
);

/** Every option parseArgs accepts: the settings' flags, then the output ones. */
export const CLI_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...Object.fromEntries([...VALUE_FLAGS.keys()].map((flag) => [flag, { type: 'string' }])),
  ...Object.fromEntries([...SWITCHES.keys()].map((flag) => [flag, { type: 'boolean' }])),
  ...OUTPUT_OPTIONS,
};

/** "  --flag <value>          what it does" */
const helpLine = (left: string, text: string) => `  ${left.padEnd(22)}  ${text}`;

/** The Settings section of --help, in the table's help order. */
const SETTINGS_HELP = SETTING_KEYS.map((key) => specOf(key))
  .sort((a, b) => a.cli.order - b.cli.order)
  .flatMap((spec) => {
    if (spec.kind !== 'boolean') {
      return [helpLine(`--${spec.cli.flag} ${spec.cli.value}`, spec.cli.help)];
    }
    const { flag, helpOn, helpOff } = spec.cli;
    return [
      ...(helpOn === undefined ? [] : [helpLine(`--${flag}`, helpOn)]),
      ...(helpOff === undefined ? [] : [helpLine(`--no-${flag}`, helpOff)]),
    ];
  });

/** The settings --compare varies itself, so their flags are ignored. */
const IGNORED_BY_COMPARE = new Set(
  SETTING_KEYS.filter((key) => {
    const spec = specOf(key);
    return spec.kind !== 'boolean' && spec.cli.ignoredByCompare === true;
  }),
);
const ignoredFlags = [...IGNORED_BY_COMPARE].map((key) => `--${SETTINGS_TABLE[key].cli.flag}`);

export const HELP_TEXT = `Usage: npm run simulate -- [flags]

Runs one seeded simulation of the flower shop and prints how the static and
the dynamic model did. Every setting left out takes its default; the last
${KNOB_KEYS.length}, the world's knobs, take the scenario's own values.

Settings:
${SETTINGS_HELP.join('\n')}

Compare:
  --compare               run the same world and seed once per retraining
                          strategy (static, daily, weekly, monthly, on drift
                          alarm) and print one row per strategy: accuracy,
                          worst week and training cost; ${ignoredFlags.join(', ')} is ignored

Many seeds:
  --seeds <list>          run the same settings on each seed of the list
                          (1-20, or 1,4,9; at most ${MAX_SEEDS}) and print one row per
                          seed and the median and 10-90% spread of each figure;
                          not with --${SETTINGS_TABLE.seed.cli.flag} or --compare

Output:
  --format <fmt>          table (default), csv or json
  --out <file>            write the output to a file instead of stdout
  -h, --help              show this text

Bad flags exit with code 2 and one line on stderr.
`;

/** The flag that sets a settings field, for error messages. */
export function flagForField(field: string): string | null {
  return Object.hasOwn(SETTINGS_TABLE, field)
    ? `--${SETTINGS_TABLE[field as SettingKey].cli.flag}`
    : null;
}

/** Longest echo of one of node's own messages (it quotes what was typed). */
const MAX_NODE_MESSAGE = 120;

/** Node's parseArgs errors, reworded as one short line; what they quote is echoed. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const quoted = echo(/'([^' ]+)/.exec(message)?.[1] ?? '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${quoted} (see --help)`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `unexpected argument '${echo(/'(.*)'/s.exec(message)?.[1] ?? '')}'; every value follows a flag`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${quoted} takes no value`;
    if (/argument missing|ambiguous/.test(message)) return `${quoted} needs a value`;
  }
  return echo(message.split('\n')[0] ?? 'invalid command line', MAX_NODE_MESSAGE);
}

/** The flags that take a value (the settings' and --format, --out), as `--name`. */
const TAKES_VALUE = new Set(
  Object.entries(CLI_OPTIONS)
    .filter(([, spec]) => spec.type === 'string')
    .map(([name]) => `--${name}`),
);

/**
 * Reads `--flag -1` as `--flag=-1`: node's parseArgs takes any token that
 * starts with '-' for a flag, so a negative number after a flag that takes a
 * value would be "missing". Only numbers (as src/sim/numberText.ts reads
 * them) are joined; a flag followed by another flag still needs a value. Nothing after "--".
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    if (
      TAKES_VALUE.has(arg) &&
      next !== undefined &&
      next.startsWith('-') &&
      typeof parseNumberText(next) === 'number'
    ) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** Parses argv (without node and script); never exits and never prints. */
export function parseCliArgs(argv: readonly string[]): ArgsResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      options: CLI_OPTIONS,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    return { kind: 'error', message: describeParseError(error) };
  }
  const { values, tokens } = parsed;
  if (values.help) return { kind: 'help', text: HELP_TEXT };

  // parseArgs keeps the last of a repeated value; a command line, like a link, means one thing.
  const given = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !TAKES_VALUE.has(`--${token.name}`)) continue;
    if (given.has(token.name)) {
      return { kind: 'error', message: `--${token.name} is given more than once` };
    }
    given.add(token.name);
  }

  const input: Partial<Record<SettingKey, unknown>> = {};
  const compare = values.compare === true;
  for (const [flag, key] of VALUE_FLAGS) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    // A comparison runs every value of such a setting, so its flag is ignored (not even checked).
    if (compare && IGNORED_BY_COMPARE.has(key)) continue;
    const { kind } = specOf(key);
    input[key] =
      kind === 'int' || kind === 'number' || kind === 'knob' ? parseNumberText(raw) : raw;
  }
  // The last of --x / --no-x wins, for each on/off setting.
  for (const token of tokens) {
    const hit = token.kind === 'option' ? SWITCHES.get(token.name) : undefined;
    if (hit) input[hit.key] = hit.on;
  }

  const format = typeof values.format === 'string' ? values.format : 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    return {
      kind: 'error',
      message: `--format must be one of: ${OUTPUT_FORMATS.join(', ')} (got '${echo(format)}')`,
    };
  }
  const out = typeof values.out === 'string' ? values.out : null;
  if (out === '') return { kind: 'error', message: '--out needs a file name' };

  let seeds: number[] | null = null;
  if (typeof values.seeds === 'string') {
    if (compare) return { kind: 'error', message: '--seeds and --compare do not go together' };
    if (input.seed !== undefined) {
      return {
        kind: 'error',
        message: `--seeds and --${SETTINGS_TABLE.seed.cli.flag} do not go together: list the seeds in --seeds`,
      };
    }
    const list = parseSeedList(values.seeds);
    if ('error' in list)
      return { kind: 'error', message: `--seeds: ${list.error} (got '${echo(values.seeds)}')` };
    seeds = list.seeds;
  }

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
  const options = { settings: result.settings, format: format as OutputFormat, out };
  if (seeds !== null) return { kind: 'seeds', options, seeds };
  return { kind: compare ? 'compare' : 'run', options };
}
