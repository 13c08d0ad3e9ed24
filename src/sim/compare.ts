/**
 * Strategy comparison: the same world and seed run once per retraining cadence,
 * reduced to one row of numbers per strategy (static, daily, weekly, monthly,
 * on alarm): accuracy over the serving days, the worst week, and the cost ledger.
 *
 * Owns: making the runs of a comparison and how a run becomes a row
 * (`compareStrategies` runs; `digestRun`, `buildComparison` and
 * `worstWindowMean` are pure). The shape of a comparison, the strategies and
 * their order are the JSON contract's (src/sim/contract/compare.ts).
 * Must not touch: the engine, printing or the UI. This file loads the run (and
 * with it TensorFlow.js): the page reads strategies from the contract, never
 * from here.
 */
import {
  COMPARED_CADENCES,
  type ComparedCadence,
  type ModelRole,
  type ModelSummary,
  type RunOutput,
  type Strategy,
  type StrategyComparison,
  type StrategyRow,
  WORST_WINDOW_DAYS,
} from './contract';
import { type RunOptions, runSimulation } from './run';
import type { Settings } from './settings';
import type { IsoDate } from './world/calendar';

const LABELS: Record<Strategy, string> = {
  static: 'Static (trained once)',
  daily: 'Retrained daily',
  weekly: 'Retrained weekly',
  monthly: 'Retrained monthly',
  alarm: 'Retrained on error alarm',
};

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
    label: LABELS[strategy],
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
