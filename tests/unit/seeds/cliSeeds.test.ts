/**
 * `npm run simulate -- --seeds`: the flag, its three output formats checked
 * against real runs, and the real command end to end.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ArgsResult, parseCliArgs } from '../../../src/cli/args';
import {
  formatSeedsCsv,
  formatSeedsJson,
  formatSeedsTable,
  type SeedsOutput,
} from '../../../src/cli/formatSeeds';
import { type SeedRow, seedRow } from '../../../src/sim/seeds';
import { runSeeds } from '../../../src/sim/seedRuns';
import { settingsWith } from '../helpers';
import { runCli } from '../cliRunner';

const message = (r: ArgsResult) => (r.kind === 'error' ? r.message : `not an error: ${r.kind}`);

describe('--seeds', () => {
  it('runs the settings on each listed seed', () => {
    const result = parseCliArgs(['--seeds', '1-3,7', '--days', '90']);
    expect(result.kind).toBe('seeds');
    if (result.kind !== 'seeds') return;
    expect(result.seeds).toEqual([1, 2, 3, 7]);
    expect(result.options.settings.days).toBe(90);
  });

  it('refuses a bad list, --seed beside it and --compare, in one line', () => {
    expect(message(parseCliArgs(['--seeds', '3-1']))).toBe(
      "--seeds: a range of seeds goes up (3-1 does not) (got '3-1')",
    );
    expect(message(parseCliArgs(['--seeds', '1-2', '--seed', '4']))).toMatch(/--seeds and --seed/);
    expect(message(parseCliArgs(['--seeds', '1-2', '--compare']))).toMatch(/--seeds and --compare/);
    expect(message(parseCliArgs(['--seeds']))).toMatch(/--seeds needs a value/);
  });
});

describe('the seeds output', () => {
  let output: SeedsOutput;
  beforeAll(async () => {
    const settings = settingsWith({ days: 240, visitorsPerDay: 100 });
    const runs = await runSeeds(settings, [1, 2, 3]);
    output = { settings, rows: runs.map(seedRow) };
  }, 180_000);

  it('csv: a header, then one row per seed with both models’ figures', () => {
    const [head, ...lines] = formatSeedsCsv(output).trimEnd().split('\n');
    expect(head?.split(',')[0]).toBe('seed');
    expect(lines).toHaveLength(3);
    const cols = head.split(',');
    for (const [i, line] of lines.entries()) {
      const cells = line.split(',');
      const row = output.rows[i];
      expect(Number(cells[0])).toBe(row.seed);
      expect(Number(cells[cols.indexOf('static_meanAccuracy')])).toBeCloseTo(
        row.static.meanAccuracy,
        6,
      );
      expect(Number(cells[cols.indexOf('dynamic_valentineWeek')])).toBeCloseTo(
        row.dynamic.valentineWeek!,
        6,
      );
    }
  });

  it('json: the shared settings without the seed, the rows and the summary', () => {
    const json = JSON.parse(formatSeedsJson(output)) as {
      settings: Record<string, unknown>;
      seeds: SeedRow[];
      summary: {
        seeds: number;
        dynamicAhead: Record<string, number>;
        static: { meanAccuracy: { median: number } };
      };
    };
    expect(json.settings.seed).toBeUndefined();
    expect(json.seeds.map((r) => r.seed)).toEqual([1, 2, 3]);
    expect(json.summary.seeds).toBe(3);
    const means = output.rows.map((r) => r.static.meanAccuracy).sort((a, b) => a - b);
    expect(json.summary.static.meanAccuracy.median).toBeCloseTo(means[1], 12);
  });

  it('table: a row per seed, then the summary with how often the dynamic model led', () => {
    const text = formatSeedsTable(output);
    const lines = text.split('\n');
    const ahead = output.rows.filter(
      (r) => r.dynamic.valentineWeek! > r.static.valentineWeek!,
    ).length;
    expect(lines.filter((l) => /^\d+\s/.test(l))).toHaveLength(3);
    expect(text).toMatch(new RegExp(`week before 14 Feb .* on ${ahead} of 3`));
    expect(text).not.toMatch(/[^\x20-\x7e\n]/); // plain ASCII for any terminal
  });
});

describe('the simulate command with --seeds', () => {
  it('prints one JSON object with a row per seed', async () => {
    const { code, stdout, stderr } = await runCli([
      '--seeds',
      '4,5',
      '--days',
      '70',
      '--visitors',
      '50',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { seeds: SeedRow[] };
    expect(json.seeds.map((r) => r.seed)).toEqual([4, 5]);
  }, 120_000);
});
