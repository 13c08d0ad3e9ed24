/**
 * Run totals: turning the per-day history into the summary of a run.
 *
 * Owns: mean accuracies over serving days and over each Valentine's week,
 * and the per-model totals.
 * Must not touch: the engine's state; it reads what it is given.
 */
import type { BackendName } from './model';
import type { ServingModel } from './ops/servingModel';
import type { DayResult, ModelSummary, RunSummary, WindowSummary } from './results';

type HistoryRow = Pick<
  DayResult,
  'date' | 'static' | 'dynamic' | 'oracleAccuracy' | 'baselineAccuracy'
>;

export interface SummaryInputs {
  validation: { accuracy: number; logLoss: number; rows: number } | null;
  staticModel: ServingModel | null;
  dynamicModel: ServingModel | null;
  backend: BackendName;
  totalMs: number;
}

const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function modelSummary(model: ServingModel | null, inputs: SummaryInputs): ModelSummary {
  return {
    validationAccuracy: inputs.validation?.accuracy ?? NaN,
    validationLogLoss: inputs.validation?.logLoss ?? NaN,
    validationRows: inputs.validation?.rows ?? 0,
    meanAccuracy: model?.meanAccuracy ?? NaN,
    trainingRuns: model?.ledger.trainingRuns ?? 0,
    examplesProcessed: model?.ledger.examplesProcessed ?? 0,
    releases: model?.ledger.releases ?? 0,
    trainingMs: model?.ledger.trainingMs ?? 0,
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
    static: modelSummary(inputs.staticModel, inputs),
    dynamic: modelSummary(inputs.dynamicModel, inputs),
    oracleMeanAccuracy: avg(serving.map((r) => r.oracleAccuracy)),
    baselineMeanAccuracy: avg(serving.map((r) => r.baselineAccuracy)),
    valentineWeeks,
    backend: inputs.backend,
    totalMs: inputs.totalMs,
  };
}
