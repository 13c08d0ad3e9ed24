/**
 * Run totals: turning the per-day history into the summary of a run.
 *
 * Owns: mean accuracies over serving days and over each Valentine's week,
 * and the per-model totals.
 * Must not touch: the engine's state; it reads what it is given.
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

const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

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
    meanAccuracy: avg(history.flatMap((r) => (r[role] ? [r[role].accuracy] : []))),
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
  const rows = history.filter((r) => r.date >= from && r.date <= to && r.static && r.dynamic);
  if (rows.length === 0) return null;
  return {
    label,
    from,
    to,
    static: avg(rows.map((r) => r.static?.accuracy ?? NaN)),
    dynamic: avg(rows.map((r) => r.dynamic?.accuracy ?? NaN)),
    oracle: avg(rows.map((r) => r.oracleAccuracy)),
  };
}

/** The summary of a run so far. */
export function summarize(history: HistoryRow[], inputs: SummaryInputs): RunSummary {
  const serving = history.filter((r) => r.static !== null);
  const years = [...new Set(history.map((r) => Number(r.date.slice(0, 4))))];
  const valentineWeeks = years
    .map((y) =>
      windowSummary(history, `Week before Valentine's Day ${y}`, `${y}-02-07`, `${y}-02-13`),
    )
    .filter((w): w is WindowSummary => w !== null);
  return {
    servingDays: serving.length,
    static: modelSummary('static', history, inputs.staticLedger, inputs.validation),
    dynamic: modelSummary('dynamic', history, inputs.dynamicLedger, inputs.validation),
    oracleMeanAccuracy: avg(serving.map((r) => r.oracleAccuracy)),
    baselineMeanAccuracy: avg(serving.map((r) => r.baselineAccuracy)),
    valentineWeeks,
    backend: inputs.backend,
    registry: inputs.registry,
    totalMs: inputs.totalMs,
  };
}
