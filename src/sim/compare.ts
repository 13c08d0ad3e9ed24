/**
 * Strategy comparison: the same world and seed run once per retraining cadence,
 * reduced to one row of numbers per strategy (static, daily, weekly, monthly,
 * on alarm): accuracy over the serving days, the worst week, and the cost ledger.
 *
 * Owns: which runs a comparison makes, in what order, and how a run becomes a
 * row (`compareStrategies` runs; `digestRun`, `buildComparison` and `worstWindowMean`
 * are pure).
 * Must not touch: the engine, printing or the UI. Every value is plain data, so
 * a comparison crosses the worker boundary by structured clone; fields ending
 * in `Ms` are timings, everything else is identical for identical settings.
 */
import type { ModelRole, ModelSummary, RunOutput } from './results';
import { type RunOptions, runSimulation } from './run';
import type { Cadence, Settings } from './settings';
import type { IsoDate } from './world/calendar';

export const STRATEGIES = ['static', 'daily', 'weekly', 'monthly', 'alarm'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The cadences a comparison runs, in order; the static row comes from the first run. */
export const COMPARED_CADENCES = [
  'daily',
  'weekly',
  'monthly',
  'alarm',
] as const satisfies readonly Cadence[];
export type ComparedCadence = (typeof COMPARED_CADENCES)[number];

export const STRATEGY_LABELS: Record<Strategy, string> = {
  static: 'Static (trained once)',
  daily: 'Retrained daily',
  weekly: 'Retrained weekly',
  monthly: 'Retrained monthly',
  alarm: 'Retrained on drift alarm',
};

/** Days in the "worst week" window. */
export const WORST_WINDOW_DAYS = 7;

/** One strategy's numbers. */
export interface StrategyRow {
  strategy: Strategy;
  label: string;
  /** Daily accuracy; accuracy[i] belongs to day `firstServingDay + i` of the comparison. */
  accuracy: number[];
  /** Mean daily accuracy over the serving days; null when nothing served. */
  meanAccuracy: number | null;
  /** Lowest mean over 7 consecutive serving days; null with fewer than 7 serving days. */
  worstWeekAccuracy: number | null;
  /** The last date of that worst week. */
  worstWeekEnd: IsoDate | null;
  trainingRuns: number;
  examplesProcessed: number;
  /** Wall-clock time spent training (timing). */
  trainingMs: number;
  releases: number;
  rejectedJobs: number;
  failedJobs: number;
}

export interface StrategyComparison {
  /** The settings every run shared; each run replaced `cadence` with its own. */
  settings: Settings;
  /** Day number of the first serving day (the first value of every accuracy series). */
  firstServingDay: number;
  servingDays: number;
  /** One row per strategy, in STRATEGIES order. */
  strategies: StrategyRow[];
  /** Wall-clock time of all the runs together (timing). */
  totalMs: number;
}

export interface CompareOptions extends RunOptions {
  /** Called after each run with how many of the runs are done and which one just finished. */
  onProgress?: (done: number, total: number, strategy: ComparedCadence) => void;
}

/**
 * The lowest mean of `window` consecutive values and the index of its last
 * value; null when there are fewer values than that. Each window is summed
 * afresh, so no rounding builds up along a long series.
 */
export function worstWindowMean(
  values: readonly number[],
  window: number,
): { mean: number; end: number } | null {
  if (window < 1 || values.length < window) return null;
  let worst: { mean: number; end: number } | null = null;
  for (let end = window - 1; end < values.length; end++) {
    let sum = 0;
    for (let k = end - window + 1; k <= end; k++) sum += values[k];
    const mean = sum / window;
    if (worst === null || mean < worst.mean) worst = { mean, end };
  }
  return worst;
}

/** What a comparison keeps of one run: both models' serving-day accuracy and ledgers. */
export interface RunDigest {
  /** Day number of the first serving day. */
  firstServingDay: number;
  dates: IsoDate[];
  static: { accuracy: number[]; ledger: ModelSummary };
  dynamic: { accuracy: number[]; ledger: ModelSummary };
  totalMs: number;
}

/** The serving days' accuracy of one model, checked to be one unbroken stretch. */
function servingSeries(output: RunOutput, model: ModelRole): { first: number; accuracy: number[] } {
  const serving = output.days.filter((d) => d[model] !== null);
  const first = serving[0]?.day ?? output.days.length + 1;
  serving.forEach((d, i) => {
    if (d.day !== first + i) throw new Error(`the ${model} model skipped serving on day ${d.day}`);
  });
  return { first, accuracy: serving.map((d) => d[model]?.accuracy ?? NaN) };
}

/** Reduces a finished run to its digest, so a comparison never holds four whole runs. */
export function digestRun(output: RunOutput): RunDigest {
  const s = servingSeries(output, 'static');
  const d = servingSeries(output, 'dynamic');
  if (s.first !== d.first || s.accuracy.length !== d.accuracy.length) {
    throw new Error('the static and the dynamic model served on different days');
  }
  return {
    firstServingDay: s.first,
    dates: output.days.slice(s.first - 1).map((day) => day.date),
    static: { accuracy: s.accuracy, ledger: output.summary.static },
    dynamic: { accuracy: d.accuracy, ledger: output.summary.dynamic },
    totalMs: output.summary.totalMs,
  };
}

function row(
  strategy: Strategy,
  accuracy: number[],
  dates: readonly IsoDate[],
  ledger: ModelSummary,
): StrategyRow {
  const worst = worstWindowMean(accuracy, WORST_WINDOW_DAYS);
  return {
    strategy,
    label: STRATEGY_LABELS[strategy],
    accuracy,
    meanAccuracy: accuracy.length ? accuracy.reduce((a, b) => a + b, 0) / accuracy.length : null,
    worstWeekAccuracy: worst?.mean ?? null,
    worstWeekEnd: worst ? (dates[worst.end] ?? null) : null,
    trainingRuns: ledger.trainingRuns,
    examplesProcessed: ledger.examplesProcessed,
    trainingMs: ledger.trainingMs,
    releases: ledger.releases,
    rejectedJobs: ledger.rejectedJobs,
    failedJobs: ledger.failedJobs,
  };
}

const sameNumbers = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Builds the comparison from one digest per cadence. The static model never
 * retrains, so it must be identical in every run (same world, same seed); a
 * run whose static model differs did not see the same world, and that is an
 * error rather than a quietly unfair comparison.
 */
export function buildComparison(
  settings: Settings,
  runs: Readonly<Record<ComparedCadence, RunDigest>>,
): StrategyComparison {
  const base = runs[COMPARED_CADENCES[0]];
  for (const cadence of COMPARED_CADENCES) {
    const other = runs[cadence];
    if (
      other.firstServingDay !== base.firstServingDay ||
      !sameNumbers(other.static.accuracy, base.static.accuracy) ||
      other.static.ledger.trainingRuns !== base.static.ledger.trainingRuns ||
      other.static.ledger.examplesProcessed !== base.static.ledger.examplesProcessed
    ) {
      throw new Error(`the static model of the ${cadence} run differs from the first run's`);
    }
  }
  return {
    settings,
    firstServingDay: base.firstServingDay,
    servingDays: base.static.accuracy.length,
    strategies: [
      row('static', base.static.accuracy, base.dates, base.static.ledger),
      ...COMPARED_CADENCES.map((c) =>
        row(c, runs[c].dynamic.accuracy, runs[c].dates, runs[c].dynamic.ledger),
      ),
    ],
    totalMs: COMPARED_CADENCES.reduce((ms, c) => ms + runs[c].totalMs, 0),
  };
}

/**
 * Runs the same world and seed once per cadence in COMPARED_CADENCES, one after
 * another, and compares them. `onDay` (from RunOptions) sees every run's days in
 * turn; `interventions` are ignored.
 */
export async function compareStrategies(
  settings: Settings,
  options: CompareOptions = {},
): Promise<StrategyComparison> {
  // Interventions (rollbacks, gate switches) name versions of one run; a comparison replays none.
  const { onProgress, ...rest } = options;
  const runOptions: RunOptions = { ...rest, interventions: undefined };
  const runs: Partial<Record<ComparedCadence, RunDigest>> = {};
  let done = 0;
  for (const cadence of COMPARED_CADENCES) {
    runs[cadence] = digestRun(await runSimulation({ ...settings, cadence }, runOptions));
    done++;
    onProgress?.(done, COMPARED_CADENCES.length, cadence);
  }
  return buildComparison(settings, runs as Record<ComparedCadence, RunDigest>);
}
