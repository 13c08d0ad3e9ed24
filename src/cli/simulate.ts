/**
 * Entry point of `npm run simulate`: parse the flags, run the simulation, print.
 *
 * Owns: the process side of the CLI: argv, stdout, stderr, the --out file, the
 * progress line on a terminal, and exit codes (0 done, 1 the run failed, 2 bad flags).
 * Must not touch: flag meanings (args.ts), output layout (format.ts) or the
 * simulation (src/sim). This is the only CLI file that may exit the process.
 */
import { writeFile } from 'node:fs/promises';
import type { DayResult, RunOutput } from '../sim/results';
import { runSimulation } from '../sim/run';
import { type OutputFormat, parseCliArgs } from './args';
import { formatCsv, formatJson, formatTable } from './format';

const FORMATTERS: Record<OutputFormat, (output: RunOutput) => string> = {
  table: formatTable,
  csv: formatCsv,
  json: formatJson,
};

const PROGRESS_EVERY_DAYS = 10;

function fail(code: number, reason: string): never {
  process.stderr.write(`simulate: ${reason.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`);
  process.exit(code);
}

/** A progress line on stderr, rewritten in place; nothing at all when stderr is not a terminal. */
function progressLine(totalDays: number): { onDay?: (day: DayResult) => void; clear: () => void } {
  if (!process.stderr.isTTY) return { clear: () => {} };
  let width = 0;
  return {
    onDay: (day) => {
      if (day.day % PROGRESS_EVERY_DAYS !== 0 && day.day !== totalDays) return;
      const text = `simulating day ${day.day} of ${totalDays} (${day.date})`;
      width = Math.max(width, text.length);
      process.stderr.write(`\r${text.padEnd(width)}`);
    },
    clear: () => {
      if (width > 0) process.stderr.write(`\r${' '.repeat(width)}\r`);
    },
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'error') fail(2, parsed.message);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return;
  }
  const { settings, format, out } = parsed.options;

  const progress = progressLine(settings.days);
  let output: RunOutput;
  try {
    output = await runSimulation(settings, { onDay: progress.onDay });
  } catch (error) {
    progress.clear();
    fail(1, `the run failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  progress.clear();

  const text = FORMATTERS[format](output);
  if (out === null) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(out, text);
  } catch (error) {
    fail(1, `could not write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// A reader that stops early (`| head`) closes the pipe; that is not an error of the run.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  fail(1, `could not write to stdout: ${error.message}`);
});

await main(process.argv.slice(2));
