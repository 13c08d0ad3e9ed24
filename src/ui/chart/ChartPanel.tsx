/**
 * The accuracy panel: the chart (or its table), the rolling-mean selector and
 * the toggles for the reference lines.
 *
 * Owns: selecting results from the store and preparing them once per change.
 * Must not touch: the engine or playback.
 */
import { lazy, Suspense, useDeferredValue, useMemo, useRef } from 'react';
import { ExportMenu } from '../export/ExportMenu';
import { Term } from '../glossary/Glossary';
import { COLLECTION_DAYS } from '../../sim/ops/schedule';
import type { Display } from '../../store/labStore';
import { useLab, useLabStore } from '../storeContext';
import { ChartLegend } from './chartStyle';
import './chart.css';

const AccuracyChart = lazy(() => import('./AccuracyChart'));
import {
  accuracyFloor,
  alertMarks,
  axisMonths,
  quarantineMarks,
  chartRows,
  downsampleRows,
  holidayMarks,
  LONG_RUN_DAYS,
  retrainMarks,
  ROLLING_WINDOWS,
  type SeriesKey,
} from './chartData';
import { useThrottled } from '../common/useThrottled';
import { DataTable } from './DataTable';

/** While a long run streams in, the chart redraws at most this often. */
const LONG_RUN_FRAME_MS = 250;

export function ChartPanel({ height }: { height?: number }) {
  const store = useLabStore();
  const figure = useRef<HTMLElement>(null);
  const lastDay = useLab((s) => s.settings.days);
  // A run of years redraws at most four times a second while it streams in:
  // each redraw goes over every day, and a frame then adds only a few pixels.
  const calm = useLab((s) => s.status !== 'paused') && lastDay > LONG_RUN_DAYS;
  // Deferred: while days stream in, React draws the chart in interruptible
  // slices and skips frames it cannot finish, instead of blocking the page.
  const days = useDeferredValue(
    useThrottled(
      useLab((s) => s.days),
      calm,
      LONG_RUN_FRAME_MS,
    ),
  );
  const view = useDeferredValue(
    useThrottled(
      useLab((s) => s.view),
      calm,
      LONG_RUN_FRAME_MS,
    ),
  );
  const start = useLab((s) => s.settings.startDate);
  const display = useLab((s) => s.display);
  const setDisplay = (change: Partial<Display>) => store.getState().setDisplay(change);

  const series = useMemo(() => {
    const keys: SeriesKey[] = ['static', 'dynamic'];
    if (display.showOracle) keys.push('oracle');
    if (display.showBaseline) keys.push('baseline');
    return keys;
  }, [display.showOracle, display.showBaseline]);
  const rows = useMemo(() => chartRows(days, view, display.rolling), [days, view, display.rolling]);
  // What the chart draws: a long run thinned to its lows and highs; the table keeps `rows`.
  const drawn = useMemo(() => downsampleRows(rows, series), [rows, series]);
  const months = useMemo(() => axisMonths(start, lastDay), [start, lastDay]);
  const holidays = useMemo(() => holidayMarks(start, lastDay), [start, lastDay]);
  const retrains = useMemo(() => retrainMarks(days, view), [days, view]);
  const alerts = useMemo(() => alertMarks(days, view), [days, view]);
  const quarantined = useMemo(() => quarantineMarks(days, view), [days, view]);
  const floor = accuracyFloor(rows, series);
  const notes = useMemo(() => {
    const map = new Map<number, string>();
    for (const h of holidays) if (h.day <= view) map.set(h.day, h.label);
    for (const d of days.slice(0, view)) {
      const jobs = d.events.map((e) =>
        e.parentVersion === null
          ? `${e.model} version 1 trained`
          : `dynamic v${e.version} ${e.released ? 'serves' : 'not promoted'}`,
      );
      if (d.darkFeatures.length > 0) jobs.push(`source dark: ${d.darkFeatures.join(', ')}`);
      if (jobs.length > 0) map.set(d.day, [map.get(d.day), ...jobs].filter(Boolean).join('; '));
    }
    return map;
  }, [days, view, holidays]);

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <header className="panel-head">
        <h2 id="chart-title">
          <Term id="accuracy">Accuracy</Term> over time
        </h2>
        <div className="chart-controls">
          <ExportMenu
            chart={() =>
              figure.current?.querySelector<SVGSVGElement>('svg.recharts-surface') ?? null
            }
          />
          <div className="segmented" role="group" aria-label="Show as">
            <button
              type="button"
              aria-pressed={display.mode === 'chart'}
              onClick={() => setDisplay({ mode: 'chart' })}
            >
              Chart
            </button>
            <button
              type="button"
              aria-pressed={display.mode === 'table'}
              onClick={() => setDisplay({ mode: 'table' })}
            >
              Table
            </button>
          </div>
          <label>
            Rolling mean{' '}
            <select
              value={display.rolling}
              onChange={(e) => setDisplay({ rolling: Number(e.target.value) as 1 | 7 | 28 })}
            >
              {ROLLING_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {w === 1 ? 'none (daily)' : `${w} days`}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={display.showOracle}
              onChange={(e) => setDisplay({ showOracle: e.target.checked })}
            />{' '}
            Oracle
          </label>
          <label>
            <input
              type="checkbox"
              checked={display.showBaseline}
              onChange={(e) => setDisplay({ showBaseline: e.target.checked })}
            />{' '}
            Baseline
          </label>
        </div>
      </header>
      {display.mode === 'chart' ? (
        <figure
          ref={figure}
          className="chart-figure"
          aria-label="Daily accuracy of both models"
          data-rows={drawn.length}
          data-days={rows.length}
        >
          <ChartLegend series={series} />
          <Suspense
            fallback={
              <div className="chart-loading" style={{ height: height ?? 380 }}>
                Drawing the chart…
              </div>
            }
          >
            <AccuracyChart
              rows={drawn}
              lastDay={lastDay}
              view={view}
              series={series}
              floor={floor}
              months={months}
              collectionDays={Math.min(COLLECTION_DAYS, lastDay)}
              holidays={holidays}
              retrains={retrains}
              alerts={alerts}
              quarantined={quarantined}
              height={height}
            />
          </Suspense>
          <figcaption>
            Shaded: the July–August data the static model was trained on. Ticks along the bottom:
            the dynamic model’s retraining jobs (blue: served; amber: rejected by the validation
            gate; red: failed; tall purple: a rollback); a grey bar: days the data gate quarantined.
            Triangles along the top: days the drift monitor raised an alert for that model. Switch
            to the table for every value.
            {drawn.length < rows.length &&
              ` This run is long, so the lines pass through ${drawn.length} of its ${rows.length} days: in each stretch, the days where a line is lowest or highest. The table has every day.`}
          </figcaption>
        </figure>
      ) : (
        <DataTable rows={rows} series={series} rolling={display.rolling} events={notes} />
      )}
    </section>
  );
}
