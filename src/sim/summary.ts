/**
 * Run totals: turning the per-day history into the summary of a run.
 *
 * Owns: mean accuracies over serving days and over each Valentine's week,
 * and the per-model totals.
 * Must not touch: the engine's state; it reads what it is given.
 *
 * Plain loops, summed in the days' order, rather than callbacks made per
 * call: a pool worker summarises every run it computes, and V8 compiled
 * each such callback again after every full collection (see
 * src/sim/model/directKernels.ts).
 */
import type {
  BackendName,
  DayResult,
  Ledger,
  ModelDay,
  ModelSummary,
  RegistrySummary,
  RunSummary,
  WindowSummary,
} from './contract';

/**
 * What a summary reads of one day: its date and accuracies, nothing more. The
 * engine keeps one of these per day (a few numbers), not the day's results:
 * those carry job records, loss curves and effects, and a ten-year run would
 * hold all of them to the end only to average accuracies. A DayResult fits.
 */
export interface HistoryRow {
  date: DayResult['date'];
  static: Pick<ModelDay, 'accuracy'> | null;
  dynamic: Pick<ModelDay, 'accuracy'> | null;
  oracleAccuracy: number;
  baselineAccuracy: number;
}

export interface SummaryInputs {
  registry: RegistrySummary;
  validation: { accuracy: number; logLoss: number; rows: number } | null;
  /** Each model's cost ledger (null before version 1 exists). */
  staticLedger: Ledger | null;
  dynamicLedger: Ledger | null;
  backend: BackendName;
  totalMs: number;
}

/** The mean of `pick` over `rows`, summed in order; NaN for none. `pick` is a module-level function. */
function meanOf<T>(rows: readonly T[], pick: (row: T) => number): number {
  if (rows.length === 0) return NaN;
  let sum = 0;
  for (const r of rows) sum += pick(r);
  return sum / rows.length;
}

const staticAccuracy = (r: HistoryRow): number => r.static?.accuracy ?? NaN;
const dynamicAccuracy = (r: HistoryRow): number => r.dynamic?.accuracy ?? NaN;
const oracleAccuracy = (r: HistoryRow): number => r.oracleAccuracy;
const baselineAccuracy = (r: HistoryRow): number => r.baselineAccuracy;

/** The mean accuracy of `role` over the days it served; NaN before it served. */
function servedMean(history: readonly HistoryRow[], role: 'static' | 'dynamic'): number {
  let sum = 0;
  let count = 0;
  for (const r of history) {
    const day = r[role];
    if (!day) continue;
    sum += day.accuracy;
    count++;
  }
  return count ? sum / count : NaN;
}

function modelSummary(
  role: 'static' | 'dynamic',
  history: HistoryRow[],
  ledger: Ledger | null,
  validation: SummaryInputs['validation'],
): ModelSummary {
  return {
    validationAccuracy: validation?.accuracy ?? NaN,
    validationLogLoss: validation?.logLoss ?? NaN,
    validationRows: validation?.rows ?? 0,
    meanAccuracy: servedMean(history, role),
    trainingRuns: ledger?.trainingRuns ?? 0,
    examplesProcessed: ledger?.examplesProcessed ?? 0,
    releases: ledger?.releases ?? 0,
    trainingMs: ledger?.trainingMs ?? 0,
    rejectedJobs: ledger?.rejectedJobs ?? 0,
    failedJobs: ledger?.failedJobs ?? 0,
  };
}

/** Mean accuracies over serving days whose dates fall in [from, to]. */
export function windowSummary(
  history: HistoryRow[],
  label: string,
  from: string,
  to: string,
): WindowSummary | null {
  const rows: HistoryRow[] = [];
  for (const r of history) {
    if (r.date >= from && r.date <= to && r.static && r.dynamic) rows.push(r);
  }
  if (rows.length === 0) return null;
  return {
    label,
    from,
    to,
    static: meanOf(rows, staticAccuracy),
    dynamic: meanOf(rows, dynamicAccuracy),
    oracle: meanOf(rows, oracleAccuracy),
  };
}

/** The summary of a run so far. */
export function summarize(history: HistoryRow[], inputs: SummaryInputs): RunSummary {
  const serving: HistoryRow[] = [];
  const years = new Set<number>();
  for (const r of history) {
    if (r.static !== null) serving.push(r);
    years.add(Number(r.date.slice(0, 4)));
  }
  const valentineWeeks: WindowSummary[] = [];
  for (const y of years) {
    const week = windowSummary(
      history,
      `Week before Valentine's Day ${y}`,
      `${y}-02-07`,
      `${y}-02-13`,
    );
    if (week) valentineWeeks.push(week);
  }
  return {
    servingDays: serving.length,
    static: modelSummary('static', history, inputs.staticLedger, inputs.validation),
    dynamic: modelSummary('dynamic', history, inputs.dynamicLedger, inputs.validation),
    oracleMeanAccuracy: meanOf(serving, oracleAccuracy),
    baselineMeanAccuracy: meanOf(serving, baselineAccuracy),
    valentineWeeks,
    backend: inputs.backend,
    registry: inputs.registry,
    totalMs: inputs.totalMs,
  };
}
