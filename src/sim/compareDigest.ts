/**
 * The strategy comparison's pure half: the runs a comparison needs, what a
 * comparison keeps of each run (its digest), and the comparison built from
 * the digests (one row of numbers per strategy: accuracy over the serving
 * days, the worst week, the cost ledger).
 *
 * Owns: `comparisonJobs`, `digestRun`, `buildComparison`, `comparisonOf` and
 * `worstWindowMean`, all pure. The runner (src/sim/compare.ts) and the main
 * thread's worker pool (src/worker/client) both build comparisons with them,
 * so the rows are the same however the runs were spread over workers.
 * Must not touch: the engine, the run or TF.js (the main thread imports this
 * module: it must stay TF.js-free, types included), printing or the UI.
 */
import {
  COMPARED_CADENCES,
  type ComparedCadence,
  type ModelRole,
  type ModelSummary,
  type RunOutput,
  type RunSummary,
  type Strategy,
  type StrategyComparison,
  type StrategyRow,
  WORST_WINDOW_DAYS,
} from './contract';
import { mean } from './eval/metrics';
import type { Settings } from './settings';
import type { IsoDate } from './world/calendar';

const LABELS: Record<Strategy, string> = {
  static: 'Static (trained once)',
  daily: 'Retrained daily',
  weekly: 'Retrained weekly',
  monthly: 'Retrained monthly',
  alarm: 'Retrained on error alarm',
};

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
  // Loops, not callbacks made per run (see src/sim/model/directKernels.ts on closures and V8).
  let first = output.days.length + 1;
  const accuracy: number[] = [];
  for (const d of output.days) {
    const served = d[model];
    if (served === null) continue;
    if (accuracy.length === 0) first = d.day;
    else if (d.day !== first + accuracy.length) {
      throw new Error(`the ${model} model skipped serving on day ${d.day}`);
    }
    accuracy.push(served.accuracy);
  }
  return { first, accuracy };
}

/** The dates of the run's days from day `first` on. */
function datesFrom(output: RunOutput, first: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let i = first - 1; i < output.days.length; i++) dates.push(output.days[i].date);
  return dates;
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
    dates: datesFrom(output, s.first),
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
    meanAccuracy: accuracy.length ? mean(accuracy) : null,
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

/** A whole run reduced to what crosses a worker boundary: its digest and its summary. */
export interface DigestedRun {
  digest: RunDigest;
  summary: RunSummary;
}

/**
 * The runs of a comparison, longest first: the same world once per cadence of
 * COMPARED_CADENCES (the daily run, about half the work, comes first, so a pool
 * starts it at once). Interventions name versions of one run: a comparison
 * replays none.
 */
export function comparisonJobs(settings: Settings): Settings[] {
  return COMPARED_CADENCES.map((cadence) => ({ ...settings, cadence }));
}

/** The comparison from one digest per job of `comparisonJobs(settings)`, in that order. */
export function comparisonOf(
  settings: Settings,
  digests: readonly RunDigest[],
): StrategyComparison {
  if (digests.length !== COMPARED_CADENCES.length) {
    throw new Error(`a comparison needs ${COMPARED_CADENCES.length} runs, not ${digests.length}`);
  }
  const runs = Object.fromEntries(COMPARED_CADENCES.map((c, i) => [c, digests[i]]));
  return buildComparison(settings, runs as Record<ComparedCadence, RunDigest>);
}
