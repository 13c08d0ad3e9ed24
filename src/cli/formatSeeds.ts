/**
 * The output of `npm run simulate -- --seeds 1-20`: one row per seed (each
 * model's mean accuracy, worst 7 days, the week before Valentine's Day and
 * its training runs), then the summary over the seeds (median, the 10-90%
 * spread and on how many seeds the dynamic model came out ahead), as a
 * table, CSV or JSON.
 *
 * Owns: that layout. Must not touch: the runs or the statistics (src/sim/seeds.ts).
 */
import type { ModelRole } from '../sim/contract';
import { csvNumber } from '../sim/csv';
import {
  SEED_FIGURES,
  type SeedFigure,
  type SeedRow,
  type SeedSummary,
  type Spread,
  summariseSeeds,
} from '../sim/seeds';
import type { Settings } from '../sim/settings';
import { alignColumns, formatJson } from './format';

export interface SeedsOutput {
  settings: Settings;
  rows: SeedRow[];
}

const FIGURE_WORDS: Record<SeedFigure, string> = {
  meanAccuracy: 'mean accuracy',
  worstWeekAccuracy: 'worst 7 days',
  valentineWeek: 'week before 14 Feb',
};

/** Short column heads of the table (the facts line under it says what they are). */
const FIGURE_HEADS: Record<SeedFigure, string> = {
  meanAccuracy: 'mean',
  worstWeekAccuracy: 'worst wk',
  valentineWeek: 'Val. wk',
};

const ROLES: readonly ModelRole[] = ['static', 'dynamic'];

const COLUMNS = [
  'seed',
  ...ROLES.flatMap((role) => [...SEED_FIGURES.map((f) => `${role}_${f}`), `${role}_trainingRuns`]),
];

function rowValues(row: SeedRow): (number | null)[] {
  return [
    row.seed,
    ...ROLES.flatMap((role) => [...SEED_FIGURES.map((f) => row[role][f]), row[role].trainingRuns]),
  ];
}

/** CSV: one row per seed, in the order run; the summary is for the table and JSON. */
export function formatSeedsCsv({ rows }: SeedsOutput): string {
  const lines = rows.map((row) => rowValues(row).map(csvNumber).join(','));
  return `${[COLUMNS.join(','), ...lines].join('\n')}\n`;
}

/** JSON: the shared settings (without the seed), one row per seed and the summary. */
export function formatSeedsJson({ settings, rows }: SeedsOutput): string {
  const shared = Object.fromEntries(Object.entries(settings).filter(([k]) => k !== 'seed'));
  return formatJson({ settings: shared, seeds: rows, summary: summariseSeeds(rows) });
}

const fixed = (x: number | null): string => (x === null ? '-' : x.toFixed(3));
const spreadText = (s: Spread | null): string =>
  s === null ? '-' : `${s.median.toFixed(3)} [${s.low.toFixed(3)}-${s.high.toFixed(3)}]`;

function summaryLines(summary: SeedSummary): string[] {
  const header = ['over the seeds', 'static', 'dynamic', 'dynamic ahead'];
  const body = SEED_FIGURES.map((f) => [
    FIGURE_WORDS[f],
    spreadText(summary.static[f]),
    spreadText(summary.dynamic[f]),
    `on ${summary.dynamicAhead[f]} of ${summary.seeds}`,
  ]);
  const [head = '', ...rest] = alignColumns([header, ...body]);
  return [head, '-'.repeat(head.length), ...rest];
}

/** The table: per-seed rows, then the summary, then what the runs shared. */
export function formatSeedsTable({ settings, rows }: SeedsOutput): string {
  const header = [
    'seed',
    ...ROLES.flatMap((role) => SEED_FIGURES.map((f) => `${role} ${FIGURE_HEADS[f]}`)),
    'dynamic runs',
  ];
  const body = rows.map((row) => [
    String(row.seed),
    ...ROLES.flatMap((role) => SEED_FIGURES.map((f) => fixed(row[role][f]))),
    String(row.dynamic.trainingRuns),
  ]);
  const [head = '', ...rest] = alignColumns([header, ...body]);
  const facts = [
    `scenario ${settings.scenario}, ${settings.model} model retrained ${settings.cadence} on ` +
      `${settings.windowDays} days, ${settings.days} days from ${settings.startDate}, ` +
      `${settings.visitorsPerDay} visitors a day, ${rows.length} seeds`,
    'mean: daily accuracy over the serving days; worst wk: lowest 7-day mean; Val. wk: the 7 days before 14 February',
    'median [10%-90%]: numpy-style quantiles over the seeds; dynamic ahead: seeds on which the ' +
      "dynamic model's figure is higher",
  ];
  return `${[head, '-'.repeat(head.length), ...rest, '', ...summaryLines(summariseSeeds(rows)), '', ...facts].join('\n')}\n`;
}
