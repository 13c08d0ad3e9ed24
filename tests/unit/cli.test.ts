/**
 * Tests of `npm run simulate`: flag parsing, the three output formats (of a run
 * and of a strategy comparison), and end-to-end runs of the real command.
 *
 * Owns: checks of src/cli only. Must not touch: the simulation's own behaviour
 * beyond what the CLI shows of it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs, type ArgsResult } from '../../src/cli/args';
import { runCli } from './cliRunner';
import {
  COMPARE_COLUMNS,
  CSV_HEADER,
  formatCompareCsv,
  formatCompareJson,
  formatCompareTable,
  formatCsv,
  formatJson,
  formatTable,
} from '../../src/cli/format';
import {
  type RunOutput,
  STRATEGIES,
  type StrategyComparison,
  type StrategyRow,
} from '../../src/sim/contract';
import { runSimulation } from '../../src/sim/run';
import { defaultSettings, parseSettings } from '../../src/sim/settings';

function errorOf(result: ArgsResult): string {
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  return result.message;
}

describe('parseCliArgs', () => {
  it('turns valid flags into settings and output options', () => {
    const result = parseCliArgs([
      ...['--scenario', 'outage', '--seed', '7', '--start', '2024-03-01', '--days', '100'],
      ...['--visitors', '250', '--model', 'mlp', '--cadence', 'weekly', '--window', '14'],
      ...['--no-warm-start', '--label-delay', '3', '--format', 'csv', '--out', 'run.csv'],
      ...['--drift-window', '14', '--valentine-effect', '0.5', '--outage-days', '30'],
    ]);
    expect(result).toEqual({
      kind: 'run',
      options: {
        settings: {
          scenario: 'outage',
          seed: 7,
          startDate: '2024-03-01',
          days: 100,
          visitorsPerDay: 250,
          model: 'mlp',
          cadence: 'weekly',
          windowDays: 14,
          warmStart: false,
          labelDelay: 3,
          driftWindowDays: 14,
          validationGate: true,
          dataGate: true,
          autoRollback: false,
          learningRate: 0.05,
          valentineEffect: 0.5,
          valentineLeadDays: null,
          seasonStrength: null,
          randomBuyers: null,
          outageDay: null,
          outageDays: 30,
          bugDay: null,
          bugShare: null,
        },
        format: 'csv',
        out: 'run.csv',
      },
    });
  });

  it('leaves every default to the settings schema and prints a table to stdout', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: { settings: defaultSettings(), format: 'table', out: null },
    });
  });

  it('lets the last of --warm-start / --no-warm-start win', () => {
    const on = parseCliArgs(['--no-warm-start', '--warm-start']);
    const off = parseCliArgs(['--warm-start', '--no-warm-start']);
    expect(on.kind === 'run' && on.options.settings.warmStart).toBe(true);
    expect(off.kind === 'run' && off.options.settings.warmStart).toBe(false);
  });

  it('answers --help with the usage text', () => {
    const result = parseCliArgs(['--days', '70', '--help']);
    expect(result.kind).toBe('help');
    expect(result.kind === 'help' && result.text).toContain('--visitors');
  });

  it.each([
    [['--colour', 'red'], /unknown flag --colour/],
    [['--visitors', '10'], /^--visitors: visitorsPerDay must be a whole number from 50 to 20000$/],
    [['--cadence', 'hourly'], /^--cadence: cadence must be one of: daily, weekly, monthly, alarm$/],
    [['--start', '2025-02-30'], /^--start: startDate must be a real date/],
    [['--seed', 'abc'], /^--seed: seed must be a whole number/],
    [['--format', 'xml'], /^--format must be one of: table, csv, json/],
    [['--days'], /^--days needs a value$/],
    [['--seed', '--days', '70'], /^--seed needs a value$/],
    [['--days', '1.5'], /^--days: days must be a whole number/],
    [['--window', ''], /^--window: windowDays must be a whole number/],
    [['--warm-start=no'], /^--warm-start takes no value$/],
    [['stray'], /unexpected argument 'stray'/],
  ])('rejects %j with one line naming the flag', (argv, pattern) => {
    const message = errorOf(parseCliArgs(argv));
    expect(message).toMatch(pattern);
    expect(message).not.toMatch(/[\r\n]/);
  });

  it('takes a negative number after a flag as its value, as --flag=value does', () => {
    expect(errorOf(parseCliArgs(['--visitors', '-1']))).toBe(
      '--visitors: visitorsPerDay must be a whole number from 50 to 20000',
    );
    expect(errorOf(parseCliArgs(['--seed', '-5']))).toBe(errorOf(parseCliArgs(['--seed=-5'])));
    const zero = parseCliArgs(['--seed', '-0', '--learning-rate', '-.5e-1']);
    expect(zero.kind === 'run' || errorOf(zero)).toMatch(/learningRate must be a number/);
    const seed = parseCliArgs(['--seed', '-0']);
    expect(seed.kind === 'run' && seed.options.settings.seed).toBe(0);
    // Only a number is joined: a flag after a flag still lacks its value.
    expect(errorOf(parseCliArgs(['--seed', '--days', '70']))).toBe('--seed needs a value');
    expect(errorOf(parseCliArgs(['--seed', '-x']))).toMatch(
      /^(unknown flag -x|--seed needs a value)/,
    );
  });

  it('refuses a flag that takes a value given twice (a link refuses it too)', () => {
    for (const argv of [
      ['--seed', '1', '--seed', '2'],
      ['--seed=1', '--seed', '1'],
      ['--seed', '-1', '--seed=-1'],
    ]) {
      expect(errorOf(parseCliArgs(argv))).toBe('--seed is given more than once');
    }
    expect(errorOf(parseCliArgs(['--format', 'csv', '--out', 'a', '--format', 'json']))).toBe(
      '--format is given more than once',
    );
  });

  it('says each reason once', () => {
    expect(errorOf(parseCliArgs(['--seed', '9007199254740992']))).toBe(
      '--seed: seed must be a whole number from 0 to 4294967295',
    );
    expect(errorOf(parseCliArgs(['--start', '+002025-07-01']))).toBe(
      '--start: startDate must be a real date written YYYY-MM-DD',
    );
  });

  it('echoes what was typed cut and with control and escape sequences shown, never raw', () => {
    const cases: [string[], string][] = [
      [
        ['--format', 'x\u001b[2J\u0007'],
        "--format must be one of: table, csv, json (got 'x\\x1B[2J\\x07')",
      ],
      [['--bogus\u001b]0;title\u0007'], 'unknown flag --bogus\\x1B]0;title\\x07 (see --help)'],
      [['\u009b31m'], "unexpected argument '\\x9B31m'; every value follows a flag"],
      [
        ['--format', 'f'.repeat(5_000)],
        `--format must be one of: table, csv, json (got '${'f'.repeat(40)}… (5000 characters)')`,
      ],
    ];
    for (const [argv, message] of cases) expect(errorOf(parseCliArgs(argv))).toBe(message);
  });

  it('turns --compare into a comparison of every cadence, ignoring --cadence', () => {
    const result = parseCliArgs(['--compare', '--cadence', 'hourly', '--days', '100']);
    const options = { settings: { ...defaultSettings(), days: 100 }, format: 'table', out: null };
    expect(result).toEqual({ kind: 'compare', options });
    expect(errorOf(parseCliArgs(['--compare', '--visitors', '10']))).toMatch(/^--visitors: /);
    expect(errorOf(parseCliArgs(['--compare=yes']))).toMatch(/^--compare takes no value$/);
    const help = parseCliArgs(['--help']);
    expect(help.kind === 'help' && help.text).toMatch(/--compare[\s\S]*--cadence is ignored/);
  });

  it('reads a number with the shared parser; anything else reaches the schema as text', () => {
    const seedOf = (raw: string) => {
      const result = parseCliArgs([`--seed=${raw}`]);
      return result.kind === 'run' ? result.options.settings.seed : errorOf(result);
    };
    expect(seedOf('42')).toBe(42);
    expect(seedOf('+5')).toBe(5);
    expect(seedOf(' 7 ')).toBe(7);
    expect(seedOf('1e3')).toBe(1000);
    expect(seedOf('1e+3')).toBe(1000);
    expect(Object.is(seedOf('-0'), 0)).toBe(true);
    for (const raw of ['', '0x10', '0b101', '12abc', 'abc', 'Infinity', '-3', '2.5']) {
      expect(seedOf(raw)).toMatch(/^--seed: seed must be a whole number from 0 to 4294967295$/);
    }
    const rate = parseCliArgs(['--learning-rate', '.5']);
    expect(rate.kind === 'run' && rate.options.settings.learningRate).toBe(0.5);
  });
});

describe('output formats', () => {
  let output: RunOutput;
  beforeAll(async () => {
    const parsed = parseSettings({ days: 100, visitorsPerDay: 50 });
    if (!parsed.ok) throw new Error('test settings rejected');
    output = await runSimulation(parsed.settings);
  }, 30_000);

  it('csv: a header, then one row per day with empty model cells while collecting', () => {
    const lines = formatCsv(output).trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(CSV_HEADER).toHaveLength(19);
    expect(lines).toHaveLength(output.days.length + 1);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.every((cells) => cells.length === CSV_HEADER.length)).toBe(true);
    const col = (name: string): number => CSV_HEADER.indexOf(name);
    const first = rows[0] ?? [];
    expect(first.slice(0, 3)).toEqual([output.config.settings.startDate, '1', 'collection']);
    for (const name of CSV_HEADER.filter((h) => /^(static|dynamic)_/.test(h))) {
      expect(first[col(name)]).toBe('');
    }
    const serving = rows.find((cells) => cells[col('phase')] === 'serving') ?? [];
    expect(Number(serving[col('static_accuracy')])).toBeGreaterThan(0);
    expect(serving[col('static_servingVersion')]).toBe('1');
    for (const cells of rows) {
      for (const cell of cells.slice(3, 17)) expect(cell).toMatch(/^(-?\d+(\.\d{1,6})?)?$/);
    }
  });

  it('table: one row per month of serving days, then the summary', () => {
    const text = formatTable(output);
    const lines = text.split('\n');
    const months = [...new Set(output.days.filter((d) => d.static).map((d) => d.date.slice(0, 7)))];
    expect(months.length).toBeGreaterThan(1);
    const monthRows = lines.filter((line) => /^\d{4}-\d{2}\s/.test(line));
    expect(monthRows.map((line) => line.slice(0, 7))).toEqual(months);
    for (const row of monthRows) expect(row.split(/\s+/)).toHaveLength(8);
    expect(lines[0]).toMatch(/^month\s+days\s+static\s+dynamic\s+oracle\s+baseline/);
    expect(text).toMatch(/^static validation\s+0\.\d{3}/m);
    expect(text).toMatch(/^backend\s+(wasm|cpu)$/m);
    expect(text).not.toMatch(/NaN|undefined|[^\x20-\x7e\n]/);
  });

  it('json: the RunOutput as one object, without typed arrays or NaN', () => {
    const text = formatJson(output);
    const parsed = JSON.parse(text) as RunOutput;
    expect(Object.keys(parsed)).toEqual(['config', 'days', 'summary']);
    expect(parsed.days).toHaveLength(output.days.length);
    expect(text).not.toContain('NaN');
    const odd = { ...output, extra: new Float32Array([0.5, 1]), bad: NaN };
    expect(JSON.parse(formatJson(odd as RunOutput))).toMatchObject({ extra: [0.5, 1], bad: null });
  });
});

describe('comparison formats', () => {
  type Strategy = StrategyRow['strategy'];
  const row = (strategy: Strategy, label: string, runs: number, worst = true): StrategyRow => ({
    strategy,
    label,
    accuracy: [0.8, 0.7, 0.75, 0.7, 0.8, 0.75, 0.7, 0.8],
    meanAccuracy: 0.75,
    worstWeekAccuracy: worst ? 0.742857142857 : null,
    worstWeekEnd: worst ? '2025-09-07' : null,
    trainingRuns: runs,
    examplesProcessed: runs * 24_800,
    trainingMs: runs * 3.4,
    releases: runs,
    rejectedJobs: strategy === 'daily' ? 2 : 0,
    failedJobs: 0,
  });
  const comparison: StrategyComparison = {
    settings: { ...defaultSettings(), days: 70, visitorsPerDay: 100 },
    firstServingDay: 63,
    servingDays: 8,
    strategies: [
      row('static', 'Static (trained once)', 1),
      row('daily', 'Retrained daily', 9),
      row('weekly', 'Retrained weekly', 2),
      row('monthly', 'Retrained monthly', 1),
      row('alarm', 'Retrained on error alarm', 1, false),
    ],
    totalMs: 1234,
  };

  it('csv: a header, then one row per strategy', () => {
    const lines = formatCompareCsv(comparison).trimEnd().split('\n');
    expect(lines[0]).toBe(COMPARE_COLUMNS.join(','));
    expect(lines.slice(1)).toEqual([
      'static,0.75,0.742857,2025-09-07,1,24800,3,1,0,0',
      'daily,0.75,0.742857,2025-09-07,9,223200,31,9,2,0',
      'weekly,0.75,0.742857,2025-09-07,2,49600,7,2,0,0',
      'monthly,0.75,0.742857,2025-09-07,1,24800,3,1,0,0',
      'alarm,0.75,,,1,24800,3,1,0,0',
    ]);
  });

  it('json: one object with the shared settings (no cadence) and the five rows', () => {
    const parsed = JSON.parse(formatCompareJson(comparison)) as StrategyComparison;
    expect(parsed.settings).not.toHaveProperty('cadence');
    expect(parsed).toMatchObject({ settings: { days: 70, seed: 1 }, servingDays: 8 });
    expect(parsed.strategies.map((r) => r.strategy)).toEqual([...STRATEGIES]);
    for (const r of parsed.strategies) expect(Object.keys(r)).toEqual([...COMPARE_COLUMNS]);
    expect(parsed.strategies[1]).toMatchObject({ trainingRuns: 9, rejectedJobs: 2 });
  });

  it('table: one aligned row per strategy, then what the runs shared', () => {
    const text = formatCompareTable(comparison);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^strategy\s+mean\s+worst 7 days\s+week ending\s+runs\s+examples/);
    expect(lines[3]).toMatch(
      /^Retrained daily\s+0\.750\s+0\.743\s+2025-09-07\s+9\s+223200\s+31\s+9\s+2\s+0$/,
    );
    expect(lines[6]).toMatch(/^Retrained on error alarm\s+0\.750\s+-\s+-\s+1\s/);
    expect(new Set(lines.slice(2, 7).map((l) => l.length)).size).toBe(1);
    expect(text).toMatch(/^scenario valentine, seed 1, 70 days from 2025-07-01/m);
    expect(text).not.toMatch(/NaN|undefined|[^\x20-\x7e\n]/);
  });
});

describe('the simulate command', () => {
  it('prints exactly one JSON object for --format json', async () => {
    const { code, stdout } = await runCli(['--days', '65', '--visitors', '50', '--format', 'json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as RunOutput;
    expect(output.days).toHaveLength(65);
    expect(output.days[0]?.static).toBeNull();
    expect(typeof output.days[64]?.static?.accuracy).toBe('number');
    expect(typeof output.summary.static.validationAccuracy).toBe('number');
  }, 30_000);

  it('prints exactly one JSON object for --compare --format json', async () => {
    const args = ['--compare', '--days', '70', '--visitors', '50', '--format', 'json'];
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { servingDays: number; strategies: StrategyRow[] };
    expect(parsed.servingDays).toBe(8);
    expect(parsed.strategies.map((r) => r.strategy)).toEqual([...STRATEGIES]);
    expect(parsed.strategies[0]?.trainingRuns).toBe(1);
  }, 60_000);

  it('exits with code 2 and one stderr line on a bad flag', async () => {
    const { code, stdout, stderr } = await runCli(['--visitors', '10']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'simulate: --visitors: visitorsPerDay must be a whole number from 50 to 20000\n',
    );
  }, 30_000);

  it('checks --out before the run: a long run is not wasted, and nothing is left behind', async () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'bloomcast-cli-'));
    try {
      const cases: [string, RegExp][] = [
        [resolve(dir, 'missing/run.csv'), /its folder does not exist; nothing was run\n$/],
        [dir, /: it is a folder; nothing was run\n$/],
        // Relative to the working directory (the repository), short enough to be echoed whole.
        ['missing-\u001b]0;pwn\u0007/run.csv', /missing-\\x1B\]0;pwn\\x07\/run\.csv: its folder/],
      ];
      for (const [out, reason] of cases) {
        const started = performance.now();
        // 3650 days would take well over a minute; the check comes first.
        const { code, stdout, stderr } = await runCli(['--days', '3650', '--out', out]);
        expect(performance.now() - started).toBeLessThan(20_000);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^simulate: cannot write --out /);
        expect(stderr).toMatch(reason);
        // eslint-disable-next-line no-control-regex -- none may reach the terminal
        expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      }
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
