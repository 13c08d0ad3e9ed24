/**
 * Entry point of `npm run simulate`: parse the flags, run the simulation (or, with
 * --compare, one simulation per retraining strategy; with --seeds, one per
 * seed), print.
 *
 * Owns: the process side of the CLI: argv, stdout, stderr, the --out file (checked
 * before the run, written only after it succeeds, so a failed run neither leaves an
 * empty file nor clobbers an old one), the progress line on a terminal, and exit
 * codes (0 done, 1 the run failed, 2 bad flags, an --out that cannot be written
 * included). Every line on stderr is echoed (src/sim/echo.ts): no control or escape
 * sequence reaches the terminal raw.
 * Must not touch: flag meanings (args.ts), output layout (format.ts) or the
 * simulation (src/sim). This is the only CLI file that may exit the process.
 */
import { access, constants, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { echo } from '../sim/echo';
import { compareStrategies } from '../sim/compare';
import {
  COMPARED_CADENCES,
  type DayResult,
  type RunOutput,
  type StrategyComparison,
} from '../sim/contract';
import { runSimulation } from '../sim/run';
import { seedRow } from '../sim/seeds';
import { runSeeds } from '../sim/seedRuns';
import type { Settings } from '../sim/settings';
import { type OutputFormat, parseCliArgs } from './args';
import {
  formatCompareCsv,
  formatCompareJson,
  formatCompareTable,
  formatCsv,
  formatJson,
  formatTable,
} from './format';
import { formatSeedsCsv, formatSeedsJson, formatSeedsTable, type SeedsOutput } from './formatSeeds';

const FORMATTERS: Record<OutputFormat, (output: RunOutput) => string> = {
  table: formatTable,
  csv: formatCsv,
  json: formatJson,
};

const COMPARE_FORMATTERS: Record<OutputFormat, (c: StrategyComparison) => string> = {
  table: formatCompareTable,
  csv: formatCompareCsv,
  json: formatCompareJson,
};

const SEEDS_FORMATTERS: Record<OutputFormat, (s: SeedsOutput) => string> = {
  table: formatSeedsTable,
  csv: formatSeedsCsv,
  json: formatSeedsJson,
};

const PROGRESS_EVERY_DAYS = 10;

/** Longest line on stderr; the values it quotes are already cut to 40 characters. */
const MAX_REASON = 400;

function fail(code: number, reason: string): never {
  const line = echo(reason.replace(/\s*[\r\n]+\s*/g, ' ').trim(), MAX_REASON);
  process.stderr.write(`simulate: ${line}\n`);
  process.exit(code);
}

/** A file-system error in plain words. */
function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'ENOTDIR') return 'a part of its path is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  return echo(error instanceof Error ? error.message : String(error), 120);
}

/**
 * Why --out cannot be written, or null when it can: checked before the run (a
 * 3650-day run is not wasted on a missing folder), without creating or
 * truncating anything.
 */
async function outProblem(out: string): Promise<string | null> {
  const path = resolve(out);
  try {
    if ((await stat(path)).isDirectory()) return 'it is a folder';
    await access(path, constants.W_OK);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code !== 'ENOENT') return fsReason(error);
  }
  try {
    if (!(await stat(dirname(path))).isDirectory()) return 'a part of its path is not a folder';
    await access(dirname(path), constants.W_OK);
    return null;
  } catch (error) {
    return fsReason(error);
  }
}

/** A progress line on stderr, rewritten in place; nothing at all when stderr is not a terminal. */
function progressLine(
  totalDays: number,
  prefix: () => string = () => '',
): { onDay?: (day: DayResult) => void; clear: () => void } {
  if (!process.stderr.isTTY) return { clear: () => {} };
  let width = 0;
  return {
    onDay: (day) => {
      if (day.day % PROGRESS_EVERY_DAYS !== 0 && day.day !== totalDays) return;
      const text = `${prefix()}simulating day ${day.day} of ${totalDays} (${day.date})`;
      width = Math.max(width, text.length);
      process.stderr.write(`\r${text.padEnd(width)}`);
    },
    clear: () => {
      if (width > 0) process.stderr.write(`\r${' '.repeat(width)}\r`);
    },
  };
}

/** Runs the settings on each seed (--seeds) and formats the rows and summary. */
async function produceSeeds(
  settings: Settings,
  seeds: number[],
  format: OutputFormat,
): Promise<string> {
  let done = 0;
  const progress = progressLine(
    settings.days,
    () => `seed ${seeds[done] ?? ''} (${done + 1} of ${seeds.length}): `,
  );
  try {
    const runs = await runSeeds(settings, seeds, {
      onDay: progress.onDay,
      onProgress: (n) => (done = n),
    });
    return SEEDS_FORMATTERS[format]({ settings, rows: runs.map(seedRow) });
  } finally {
    progress.clear();
  }
}

/** Runs one simulation, or every strategy with --compare, and formats the result. */
async function produce(
  compare: boolean,
  settings: Settings,
  format: OutputFormat,
): Promise<string> {
  if (!compare) {
    const progress = progressLine(settings.days);
    try {
      return FORMATTERS[format](await runSimulation(settings, { onDay: progress.onDay }));
    } finally {
      progress.clear();
    }
  }
  let running = 0;
  const total = COMPARED_CADENCES.length;
  const progress = progressLine(
    settings.days,
    () => `${COMPARED_CADENCES[running] ?? ''} (${running + 1} of ${total}): `,
  );
  try {
    const comparison = await compareStrategies(settings, {
      onDay: progress.onDay,
      onProgress: (done) => (running = done),
    });
    return COMPARE_FORMATTERS[format](comparison);
  } finally {
    progress.clear();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'error') fail(2, parsed.message);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return;
  }
  const { settings, format, out } = parsed.options;
  const problem = out === null ? null : await outProblem(out);
  if (out !== null && problem !== null) {
    fail(2, `cannot write --out ${echo(out)}: ${problem}; nothing was run`);
  }

  let text: string;
  try {
    text =
      parsed.kind === 'seeds'
        ? await produceSeeds(settings, parsed.seeds, format)
        : await produce(parsed.kind === 'compare', settings, format);
  } catch (error) {
    fail(1, `the run failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  if (out === null) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(out, text);
  } catch (error) {
    fail(1, `could not write ${echo(out)}: ${fsReason(error)}`);
  }
}

// A reader that stops early (`| head`) closes the pipe; that is not an error of the run.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  fail(1, `could not write to stdout: ${error.message}`);
});

await main(process.argv.slice(2));
