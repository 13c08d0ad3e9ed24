/**
 * Many worlds: the same settings on several seeds, reduced to one row per
 * seed and a summary (median and the 10-90% spread), and, per serving day,
 * each model's median accuracy and 10-90% band over the seeds. The many-seed
 * run, the CLI's `--seeds` and the page's band all read these.
 *
 * Owns: what a seed's row holds, the summary's statistics, the band (on
 * each seed's rolling mean when the chart shows one, memoised per result and
 * window), what a many-worlds run skips, and reading a list of seeds
 * ("1-20", "1,4,9"). Pure: the runs are made
 * elsewhere (seedRuns.ts in Node, the worker pool in the page).
 * Must not touch: the engine, printing.
 */
import type { ModelRole, ModelSummary } from './contract';
import { WORST_WINDOW_DAYS } from './contract/compare';
import { type RunDigest, worstWindowMean } from './compareDigest';
import type { RunSummary } from './contract';
import { quantiles } from './eval/quantiles';
import { LIMITS, type Settings } from './settings';

/** Most seeds one many-worlds run takes. */
export const MAX_SEEDS = 50;
/** The band's quantiles. */
export const BAND = { low: 0.1, high: 0.9 } as const;

/**
 * Whether a seed's run needs the drift monitor: only when the dynamic model
 * retrains on its alarms. Without it every other figure is the same (tested).
 */
export const needsMonitor = (settings: Pick<Settings, 'cadence'>): boolean =>
  settings.cadence === 'alarm';

/**
 * What a many-worlds run, and each run of the strategy comparison, computes
 * beside accuracy: the drift monitor only when needsMonitor says so, and never
 * the daily "What it learned" effects, which neither the band, the counts nor
 * the comparison's table read. The 10-seed run and the one-seed reference of
 * the bench use the same.
 */
export const seedRunOptions = (
  settings: Pick<Settings, 'cadence'>,
): { monitoring: boolean; effects: false } => ({
  monitoring: needsMonitor(settings),
  effects: false,
});

/** What one seed's run keeps: the digest (daily accuracy, ledgers) and the summary. */
export interface SeedRun {
  seed: number;
  digest: RunDigest;
  summary: Pick<RunSummary, 'valentineWeeks'>;
}

export interface SeedModelRow {
  meanAccuracy: number;
  /** Lowest mean over 7 consecutive serving days. */
  worstWeekAccuracy: number | null;
  /** Mean over the week before the first Valentine's Day of the run; null if the run has none. */
  valentineWeek: number | null;
  trainingRuns: number;
}

export interface SeedRow {
  seed: number;
  static: SeedModelRow;
  dynamic: SeedModelRow;
}

function modelRow(
  accuracy: readonly number[],
  ledger: ModelSummary,
  valentineWeek: number | null,
): SeedModelRow {
  return {
    meanAccuracy: accuracy.reduce((a, b) => a + b, 0) / accuracy.length,
    worstWeekAccuracy: worstWindowMean(accuracy, WORST_WINDOW_DAYS)?.mean ?? null,
    valentineWeek,
    trainingRuns: ledger.trainingRuns,
  };
}

export function seedRow(run: SeedRun): SeedRow {
  const week = run.summary.valentineWeeks[0];
  const { digest } = run;
  return {
    seed: run.seed,
    static: modelRow(digest.static.accuracy, digest.static.ledger, week?.static ?? null),
    dynamic: modelRow(digest.dynamic.accuracy, digest.dynamic.ledger, week?.dynamic ?? null),
  };
}

/** Median and spread of one figure over the seeds (null figures left out; null if none is left). */
export interface Spread {
  median: number;
  low: number;
  high: number;
  min: number;
  max: number;
  /** Seeds that had the figure. */
  n: number;
}

export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  const [median, low, high, min, max] = quantiles(present, [0.5, BAND.low, BAND.high, 0, 1]);
  return { median: median, low: low, high: high, min: min, max: max, n: present.length };
}

export type SeedFigure = keyof Omit<SeedModelRow, 'trainingRuns'>;
export const SEED_FIGURES: readonly SeedFigure[] = [
  'meanAccuracy',
  'worstWeekAccuracy',
  'valentineWeek',
];

export interface SeedSummary {
  seeds: number;
  static: Record<SeedFigure, Spread | null>;
  dynamic: Record<SeedFigure, Spread | null>;
  /** Seeds on which the dynamic model's figure is above the static one's, per figure. */
  dynamicAhead: Record<SeedFigure, number>;
}

export function summariseSeeds(rows: readonly SeedRow[]): SeedSummary {
  const per = (role: ModelRole) =>
    Object.fromEntries(
      SEED_FIGURES.map((f) => [f, spreadOf(rows.map((r) => r[role][f]))]),
    ) as Record<SeedFigure, Spread | null>;
  const ahead = Object.fromEntries(
    SEED_FIGURES.map((f) => [
      f,
      rows.filter((r) => {
        const s = r.static[f];
        const d = r.dynamic[f];
        return s !== null && d !== null && d > s;
      }).length,
    ]),
  ) as Record<SeedFigure, number>;
  return {
    seeds: rows.length,
    static: per('static'),
    dynamic: per('dynamic'),
    dynamicAhead: ahead,
  };
}

/** One serving day of the band: a model's median accuracy over the seeds and its 10-90% range. */
export interface BandDay {
  day: number;
  median: number;
  low: number;
  high: number;
}

/**
 * The trailing mean of each value over the last `window` values (fewer at the
 * start: the first days average what there is so far), each summed afresh.
 * The chart's rolling mean (ui/chart/chartData.ts rollingMean) over an
 * unbroken series, as a seed's serving days are: the band follows the lines.
 */
export function trailingMeans(values: readonly number[], window: number): number[] {
  const w = Math.max(1, Math.floor(window));
  return values.map((_, i) => {
    const from = Math.max(0, i - w + 1);
    let sum = 0;
    for (let k = from; k <= i; k++) sum += values[k];
    return sum / (i - from + 1);
  });
}

/**
 * Per serving day, a model's median and 10-90% band over the seeds' runs (all
 * runs share the days). With `window` > 1 each seed's daily accuracy is first
 * turned into its own trailing mean over `window` days, and the quantiles are
 * taken across the seeds of those means (not a mean of the quantiles).
 */
export function seedBand(runs: readonly SeedRun[], role: ModelRole, window = 1): BandDay[] {
  const first = runs[0];
  if (!first) return [];
  const length = first.digest[role].accuracy.length;
  for (const run of runs) {
    if (
      run.digest.firstServingDay !== first.digest.firstServingDay ||
      run.digest[role].accuracy.length !== length
    ) {
      throw new Error(`seed ${run.seed} served on other days than seed ${first.seed}`);
    }
  }
  const series = runs.map((r) =>
    window > 1 ? trailingMeans(r.digest[role].accuracy, window) : r.digest[role].accuracy,
  );
  const band: BandDay[] = [];
  for (let i = 0; i < length; i++) {
    const [median, low, high] = quantiles(
      series.map((values) => values[i]),
      [0.5, BAND.low, BAND.high],
    );
    band.push({ day: first.digest.firstServingDay + i, median: median, low: low, high: high });
  }
  return band;
}

export type SeedBands = Record<ModelRole, BandDay[]>;

/** Bands already computed, per list of runs and window: a result's runs never change. */
const bandsMemo = new WeakMap<readonly SeedRun[], Map<number, SeedBands>>();

/** Both models' bands for `window`, computed once per list of runs and window. */
export function seedBands(runs: readonly SeedRun[], window: number): SeedBands {
  let byWindow = bandsMemo.get(runs);
  if (!byWindow) {
    byWindow = new Map();
    bandsMemo.set(runs, byWindow);
  }
  let bands = byWindow.get(window);
  if (!bands) {
    bands = {
      static: seedBand(runs, 'static', window),
      dynamic: seedBand(runs, 'dynamic', window),
    };
    byWindow.set(window, bands);
  }
  return bands;
}

/**
 * Reads a list of seeds: "1-20", "3,5,8", "1-5,9"; each a whole number in the
 * seed's range, no repeats, at most MAX_SEEDS. Returns the seeds or why not.
 */
export function parseSeedList(text: string): { seeds: number[] } | { error: string } {
  const { min, max } = LIMITS.seed;
  const seeds: number[] = [];
  const parts = text.split(',').map((p) => p.trim());
  for (const part of parts) {
    const m = /^(\d{1,10})(?:\s*-\s*(\d{1,10}))?$/.exec(part);
    if (!m) return { error: `a list of seeds looks like 1-20 or 1,4,9` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return { error: `a range of seeds goes up (${from}-${to} does not)` };
    if (from < min || to > max) return { error: `seeds are whole numbers from ${min} to ${max}` };
    if (to - from + 1 + seeds.length > MAX_SEEDS)
      return { error: `at most ${MAX_SEEDS} seeds at once` };
    for (let s = from; s <= to; s++) {
      if (seeds.includes(s)) return { error: `seed ${s} is listed twice` };
      seeds.push(s);
    }
  }
  return { seeds };
}
