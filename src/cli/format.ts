/**
 * The three output formats of `npm run simulate`: json, csv and a plain-text table,
 * for one run and for a strategy comparison (--compare).
 *
 * Owns: turning a finished RunOutput or StrategyComparison into one string per format.
 * Must not touch: the run itself, the process (no printing, no exiting) or the
 * output it is given; every function here is pure.
 */
import type { DayResult, RunOutput, StrategyComparison } from '../sim/contract';

/** The value as one JSON object; typed arrays become plain arrays, NaN becomes null. */
export function formatJson(output: object): string {
  const replacer = (_key: string, value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      return Array.from(value as unknown as ArrayLike<number>);
    }
    return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  };
  return `${JSON.stringify(output, replacer)}\n`;
}

import { csvCell, csvNumber } from '../sim/csv';
import { KNOB_KEYS, SETTINGS_TABLE, type Settings } from '../sim/settings';

export { CSV_HEADER, csvNumber, formatCsv } from '../sim/csv';

const mean = (xs: number[]): number =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
const fixed = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const seconds = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '-');

/** Lays out rows in columns: the first column left-aligned, the others right-aligned. */
export function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

interface MonthRow {
  month: string;
  days: DayResult[];
}

/** Serving days grouped by calendar month, in date order. */
export function servingMonths(days: DayResult[]): MonthRow[] {
  const months: MonthRow[] = [];
  for (const d of days) {
    if (d.static === null || d.dynamic === null) continue;
    const month = d.date.slice(0, 7);
    const last = months[months.length - 1];
    if (last?.month === month) last.days.push(d);
    else months.push({ month, days: [d] });
  }
  return months;
}

function monthTable(days: DayResult[]): string[] {
  const header = ['month', 'days', 'static', 'dynamic', 'oracle', 'baseline', 'dyn runs', 'ms'];
  const rows = servingMonths(days).map(({ month, days: ds }) => [
    month,
    String(ds.length),
    fixed(mean(ds.map((d) => d.static?.accuracy ?? NaN))),
    fixed(mean(ds.map((d) => d.dynamic?.accuracy ?? NaN))),
    fixed(mean(ds.map((d) => d.oracleAccuracy))),
    fixed(mean(ds.map((d) => d.baselineAccuracy))),
    String(ds.reduce((n, d) => n + d.events.filter((e) => e.model === 'dynamic').length, 0)),
    String(Math.round(ds.reduce((ms, d) => ms + d.stepMs, 0))),
  ]);
  if (rows.length === 0) return ['(no serving days: the run ended during the collection period)'];
  const [head = '', ...body] = alignColumns([header, ...rows]);
  return [head, '-'.repeat(head.length), ...body];
}

/** The world's knobs that are set, as the flags that set them (none for a scenario as it is). */
function knobRows(settings: Settings): string[][] {
  const set = KNOB_KEYS.filter((key) => settings[key] !== null);
  if (set.length === 0) return [];
  const flags = set.map((key) => `--${SETTINGS_TABLE[key].cli.flag} ${String(settings[key])}`);
  return [['world knobs', flags.join(' ')]];
}

/** Month rows of serving days (mean accuracies, dynamic retrains, time), then the run's totals. */
export function formatTable(output: RunOutput): string {
  const { config, summary } = output;
  const { settings } = config;
  const s = summary.static;
  const d = summary.dynamic;
  const facts: string[][] = [
    ['scenario', `${settings.scenario} (${config.scenarioTitle})`],
    ...knobRows(settings),
    ['seed', String(settings.seed)],
    ['backend', summary.backend],
    ['days', `${output.days.length} from ${settings.startDate}, ${summary.servingDays} serving`],
    ['static validation', `${fixed(s.validationAccuracy)} accuracy on ${s.validationRows} rows`],
    [
      'mean accuracy',
      `static ${fixed(s.meanAccuracy)}, dynamic ${fixed(d.meanAccuracy)}, ` +
        `oracle ${fixed(summary.oracleMeanAccuracy)}, baseline ${fixed(summary.baselineMeanAccuracy)}`,
    ],
    ...summary.valentineWeeks.map((w) => [
      `valentine week ${w.from.slice(0, 4)}`,
      `static ${fixed(w.static)}, dynamic ${fixed(w.dynamic)}, oracle ${fixed(w.oracle)}` +
        ` (${w.from} to ${w.to})`,
    ]),
    ['static training', `${s.trainingRuns} runs, ${s.examplesProcessed} examples processed`],
    ['dynamic training', `${d.trainingRuns} runs, ${d.examplesProcessed} examples processed`],
    ['total time', seconds(summary.totalMs)],
  ];
  const factLines = facts.map(([k = '', v = '']) => `${k.padEnd(22)}${v}`);
  return `${[...monthTable(output.days), '', ...factLines].join('\n')}\n`;
}

/** The comparison table's columns (csv header and json keys). */
export const COMPARE_COLUMNS = [
  'strategy',
  'meanAccuracy',
  'worstWeekAccuracy',
  'worstWeekEnd',
  'trainingRuns',
  'examplesProcessed',
  'trainingMs',
  'releases',
  'rejectedJobs',
  'failedJobs',
] as const;
type CompareColumn = (typeof COMPARE_COLUMNS)[number];

function compareRows(c: StrategyComparison): Record<CompareColumn, string | number | null>[] {
  return c.strategies.map((r) => ({
    strategy: r.strategy,
    meanAccuracy: r.meanAccuracy,
    worstWeekAccuracy: r.worstWeekAccuracy,
    worstWeekEnd: r.worstWeekEnd,
    trainingRuns: r.trainingRuns,
    examplesProcessed: r.examplesProcessed,
    trainingMs: Math.round(r.trainingMs),
    releases: r.releases,
    rejectedJobs: r.rejectedJobs,
    failedJobs: r.failedJobs,
  }));
}

/** The comparison table as one JSON object: the shared settings, then one row per strategy. */
export function formatCompareJson(c: StrategyComparison): string {
  // Every run replaced the cadence with its own, so the shared settings leave it out.
  const settings = Object.fromEntries(Object.entries(c.settings).filter(([k]) => k !== 'cadence'));
  return formatJson({
    settings,
    firstServingDay: c.firstServingDay,
    servingDays: c.servingDays,
    strategies: compareRows(c),
  });
}

/** One header row, then one row per strategy. */
export function formatCompareCsv(c: StrategyComparison): string {
  const lines = compareRows(c).map((row) =>
    COMPARE_COLUMNS.map((col) => {
      const v = row[col];
      return typeof v === 'number' || v === null ? csvNumber(v) : csvCell(v);
    }).join(','),
  );
  return `${[COMPARE_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

const maybe = (x: number | null): string => (x === null ? '-' : fixed(x));

/** One row per strategy (accuracy, worst week, training cost), then what the runs shared. */
export function formatCompareTable(c: StrategyComparison): string {
  const { settings } = c;
  const header = [
    ...['strategy', 'mean', 'worst 7 days', 'week ending', 'runs', 'examples'],
    ...['training ms', 'releases', 'rejected', 'failed'],
  ];
  const rows = c.strategies.map((r) => [
    r.label,
    maybe(r.meanAccuracy),
    maybe(r.worstWeekAccuracy),
    r.worstWeekEnd ?? '-',
    String(r.trainingRuns),
    String(r.examplesProcessed),
    String(Math.round(r.trainingMs)),
    String(r.releases),
    String(r.rejectedJobs),
    String(r.failedJobs),
  ]);
  const [head = '', ...body] = alignColumns([header, ...rows]);
  const facts = [
    `scenario ${settings.scenario}, seed ${settings.seed}, ${settings.days} days from ` +
      `${settings.startDate}, ${settings.visitorsPerDay} visitors a day, ${c.servingDays} serving`,
    'mean and worst 7 days: daily accuracy over the serving days (worst: lowest 7-day mean)',
    'runs, examples, releases: training jobs run, rows times training steps, versions promoted',
    'training ms: wall-clock time spent training (varies from run to run; all else is exact)',
    `total time ${seconds(c.totalMs)}`,
  ];
  return `${[head, '-'.repeat(head.length), ...body, '', ...facts].join('\n')}\n`;
}
