/**
 * The strategy comparison view, a panel of its own: a button that starts the
 * comparison, its progress, then an overlay of the five strategies' accuracy
 * and a table of their accuracy and training cost (one line a strategy; on a
 * narrow screen the table scrolls sideways inside its own box, its name
 * stays above it), and one computed sentence on what the table shows
 * (compareSentence.ts).
 *
 * Owns: the view's markup and the numbers it prepares for the chart (trailing
 * means, axis floor). Props in, callbacks out: it never reads the store.
 * Must not touch: the store, the worker or Recharts (CompareChart.tsx loads
 * it lazily). Only types come from src/sim/compare, so the engine stays out
 * of the page's main chunk.
 */
import { lazy, Suspense, useId, useMemo } from 'react';
import type { Strategy, StrategyComparison, StrategyRow } from '../../sim/contract';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import { axisMonths, downsampleRows, percent, rollingMean } from '../chart/chartData';
import { LineSwatch } from '../chart/chartStyle';
import type { CompareChartRow, CompareSeries } from './CompareChart';
import { compareSentence, progressText } from './compareSentence';

const CompareChart = lazy(() => import('./CompareChart'));

/** Days in the chart's trailing mean (the table shows the plain daily means). */
export const COMPARE_ROLLING_DAYS = 7;

/** Colour and dash per strategy: told apart by pattern as well as by colour. */
export const STRATEGY_STYLE: Record<Strategy, { color: string; dash?: string; width: number }> = {
  static: { color: '#c2410c', width: 2.5 },
  daily: { color: '#1d4ed8', width: 2.5 },
  weekly: { color: '#7c3aed', dash: '8 4', width: 2 },
  monthly: { color: '#0f766e', dash: '3 3', width: 2 },
  alarm: { color: '#be185d', dash: '12 4 3 4', width: 2 },
};

export interface CompareViewProps {
  comparison: StrategyComparison | null;
  /** Runs done so far (a fraction for the run under way) while a comparison runs; else null. */
  progress: { done: number; total: number } | null;
  /** Why the last comparison stopped (null: it did not, or none ran). */
  error?: string | null;
  onRun: () => void;
  /** Stops a comparison under way (its workers end; nothing is kept). */
  onCancel?: () => void;
  /** The first simulated date of the compared runs (for the month labels). */
  startDate: string;
}

/** One row per serving day with every strategy's trailing mean accuracy. */
export function compareChartRows(
  comparison: StrategyComparison,
  startDate: string,
  window: number = COMPARE_ROLLING_DAYS,
): CompareChartRow[] {
  const means = comparison.strategies.map((s) => [s.strategy, rollingMean(s.accuracy, window)]);
  return Array.from({ length: comparison.servingDays }, (_, i) => {
    const day = comparison.firstServingDay + i;
    const row: Record<string, number | string | null> = { day, date: dateOfDay(startDate, day) };
    for (const [key, values] of means as [Strategy, (number | null)[]][]) {
      row[key] = values[i] ?? null;
    }
    return row as CompareChartRow;
  });
}

/** A round tenth below the lowest value shown, at most 0.5. */
function axisFloor(rows: readonly CompareChartRow[], keys: readonly Strategy[]): number {
  let min = 1;
  for (const row of rows) for (const k of keys) if (row[k] !== null) min = Math.min(min, row[k]);
  return Math.min(0.5, Math.floor(min * 10) / 10);
}

const count = (n: number): string => n.toLocaleString('en-GB');
const duration = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

function captionOf(comparison: StrategyComparison, startDate: string): string {
  const { scenario, seed, visitorsPerDay } = comparison.settings;
  const from = formatDate(dateOfDay(startDate, comparison.firstServingDay));
  return (
    `Each strategy on the same world (${scenario}, seed ${seed}, ${visitorsPerDay} visitors ` +
    `a day): accuracy over ${comparison.servingDays} serving days from ${from}, and the ` +
    'training work each one did.'
  );
}

function Legend({ series }: { series: CompareSeries[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.key}>
          <LineSwatch color={s.color} width={s.width + 0.5} dash={s.dash} length={28} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function CompareTable({ rows, caption }: { rows: StrategyRow[]; caption: string }) {
  const captionId = useId();
  // The table's name is a paragraph above its scrolling box, not a caption inside it: a
  // caption is as wide as the table, so on a phone it would run off the box's edge.
  return (
    <>
      <p id={captionId} className="compare-caption">
        {caption}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Strategies compared">
        <table className="data-table compare-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col">Mean accuracy</th>
              <th scope="col">Worst 7 days</th>
              <th scope="col">Worst week ends</th>
              <th scope="col">Training runs</th>
              <th scope="col">Examples processed</th>
              <th scope="col">Training time</th>
              <th scope="col">Releases</th>
              <th scope="col">Rejected jobs</th>
              <th scope="col">Failed jobs</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.strategy} data-strategy={r.strategy}>
                <th scope="row">{r.label}</th>
                <td>{percent(r.meanAccuracy)}</td>
                <td>{percent(r.worstWeekAccuracy)}</td>
                <td>{r.worstWeekEnd ? formatDate(r.worstWeekEnd) : '–'}</td>
                <td>{count(r.trainingRuns)}</td>
                <td>{count(r.examplesProcessed)}</td>
                <td>{duration(r.trainingMs)}</td>
                <td>{count(r.releases)}</td>
                <td>{count(r.rejectedJobs)}</td>
                <td>{count(r.failedJobs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function CompareView({
  comparison,
  progress,
  error = null,
  onRun,
  onCancel,
  startDate,
}: CompareViewProps) {
  const running = progress !== null;
  const series = useMemo<CompareSeries[]>(
    () =>
      (comparison?.strategies ?? []).map((s) => ({
        key: s.strategy,
        label: s.label,
        ...STRATEGY_STYLE[s.strategy],
      })),
    [comparison],
  );
  // A long run's lines are thinned for drawing (lows and highs kept); the table has the numbers.
  const rows = useMemo(
    () =>
      comparison
        ? downsampleRows(
            compareChartRows(comparison, startDate),
            comparison.strategies.map((s) => s.strategy),
          )
        : [],
    [comparison, startDate],
  );
  const months = useMemo(
    () => (comparison ? axisMonths(startDate, comparison.settings.days) : []),
    [comparison, startDate],
  );
  const sentence = useMemo(() => (comparison ? compareSentence(comparison) : null), [comparison]);
  const floor = axisFloor(
    rows,
    series.map((s) => s.key),
  );

  return (
    <section className="panel compare-panel compare-view" aria-labelledby="compare-title">
      <header className="panel-head">
        <h2 id="compare-title">Static, daily, weekly, monthly or on alarm?</h2>
        <button type="button" className="primary" onClick={onRun} disabled={running}>
          Compare strategies
        </button>
      </header>
      <p className="how">
        Runs the same world with the same seed once for each way of retraining: never (static),
        every day, every week, every month, and only when the error alarm goes off. Then it sets
        their accuracy beside the training work each one needed. It takes a few seconds; the lab
        keeps working meanwhile.
      </p>
      {progress && (
        <div className="progress" role="status">
          <progress max={progress.total} value={progress.done} />
          <span>{progressText(progress)}</span>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      )}
      {error && !progress && (
        <p className="alert error" role="alert">
          The comparison stopped: {error}. Press “Compare strategies” to run it again.
        </p>
      )}
      {comparison && (
        <>
          <figure
            className="chart-figure"
            aria-label="Accuracy of each retraining strategy"
            data-rows={rows.length}
          >
            <Legend series={series} />
            {/* The box sets the chart's height (compare.css), so phones and projectors can change it. */}
            <div className="compare-chart-box">
              <Suspense fallback={<div className="chart-loading">Drawing the chart…</div>}>
                <CompareChart rows={rows} series={series} months={months} floor={floor} />
              </Suspense>
            </div>
            <figcaption>
              Each line is a {COMPARE_ROLLING_DAYS}-day trailing mean of daily accuracy, so the
              lines are easier to tell apart; the table gives the plain numbers.
            </figcaption>
          </figure>
          <CompareTable rows={comparison.strategies} caption={captionOf(comparison, startDate)} />
          {sentence && (
            <p className="compare-sentence" data-evidence="compare-sentence">
              {sentence}
            </p>
          )}
        </>
      )}
    </section>
  );
}
