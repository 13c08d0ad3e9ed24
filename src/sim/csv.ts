/**
 * The CSV of a run: one row per day, the columns documented in the README.
 * One writer for the command line (`--format csv`) and the lab's export.
 *
 * Owns: the columns and the cell formatting. Must not touch: the run.
 */
import type { DayResult, ModelDay, RunOutput } from './contract';

/** A number with at most 6 decimals and no trailing zeros; '' for null and non-finite values. */
export function csvNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toFixed(6)));
}

/** A cell, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const MODEL_COLUMNS = ['accuracy', 'logLoss', 'auc', 'trainingRuns', 'servingVersion'] as const;

export const CSV_HEADER = [
  'date',
  'day',
  'phase',
  'visitors',
  'buyRate',
  'oracleAccuracy',
  'baselineAccuracy',
  ...MODEL_COLUMNS.map((c) => `static_${c}`),
  ...MODEL_COLUMNS.map((c) => `dynamic_${c}`),
  'darkFeatures',
  'events',
];

function modelCells(model: ModelDay | null): string[] {
  return MODEL_COLUMNS.map((c) => csvNumber(model ? model[c] : null));
}

/** One header row, then one row per simulated day of a run. */
export function formatCsv(output: Pick<RunOutput, 'days'>): string {
  return formatDaysCsv(output.days);
}

/** One header row, then one row per day given (the lab exports the days computed so far). */
export function formatDaysCsv(days: readonly DayResult[]): string {
  const rows = days.map((d) =>
    [
      d.date,
      String(d.day),
      d.phase,
      csvNumber(d.visitors),
      csvNumber(d.buyRate),
      csvNumber(d.oracleAccuracy),
      csvNumber(d.baselineAccuracy),
      ...modelCells(d.static),
      ...modelCells(d.dynamic),
      d.darkFeatures.join('|'),
      String(d.events.length),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}
