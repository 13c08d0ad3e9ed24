/**
 * The accuracy panel: the chart, its legend and caption, the rolling-mean
 * selector, the toggles for the reference lines and many worlds (ManyWorlds.tsx), and the
 * world editor ("What if…", src/ui/world/) beside or under the chart. Its height is fixed or
 * fills the cell the layout puts it in. (The same numbers as a table are a
 * view of their own: DataTablePanel.)
 *
 * Owns: selecting results from the store and preparing them once per change.
 * Must not touch: the engine or playback.
 */
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { ExportMenu } from '../export/ExportMenu';
import { Term } from '../glossary/Glossary';
import { COLLECTION_DAYS } from '../../sim/ops/schedule';
import { useLab } from '../storeContext';
import { ChartLegend } from './chartStyle';
import { ChartOptions } from './ChartOptions';
import { useChartBox } from './chartType';
import {
  type SeriesKey,
  accuracyFloor,
  alertMarks,
  axisMonths,
  downsampleRows,
  quarantineMarks,
  retrainMarks,
} from './chartData';
import { useChartData } from './useChartData';
import { useCallouts } from './calloutsHook';
import { ManyWorlds, ManyWorldsSentence, ManyWorldsToggle } from './ManyWorlds';
import { WorldEditor, WorldEditorToggle } from '../world/WorldEditor';
import { useWorldEditorOpen } from '../world/useWorldEditorOpen';
import { bandFor } from '../../store/manySeedsSlice';
import './chart.css';

const AccuracyChart = lazy(() => import('./AccuracyChart'));

/** The chart's height when the caller gives none. */
const DEFAULT_HEIGHT = 380;

export interface ChartPanelProps {
  /**
   * The plot's height in px, or 'fill': the panel fills its parent's height
   * (a grid or flex cell of definite height) and the plot takes what the
   * header, legend and caption leave.
   */
  height?: number | 'fill';
  /**
   * The projector's chart: the plot alone (its title kept for screen readers);
   * the legend and options stand beside it (ChartKey), the caption says what to see.
   */
  projector?: boolean;
}

export function ChartPanel({ height = DEFAULT_HEIGHT, projector = false }: ChartPanelProps) {
  const figure = useRef<HTMLElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const presenting = useLab((s) => s.display.presenting);
  const data = useChartData();
  const { days, view, lastDay, start, series, rows, holidays } = data;
  const box = useChartBox(plot, figure, presenting);
  const fill = height === 'fill';

  // What the chart draws: a long run thinned to its lows and highs; the table keeps `rows`.
  const drawn = useMemo(() => downsampleRows(rows, series), [rows, series]);
  const months = useMemo(() => axisMonths(start, lastDay), [start, lastDay]);
  const retrains = useMemo(() => retrainMarks(days, view), [days, view]);
  const alerts = useMemo(() => alertMarks(days, view), [days, view]);
  const quarantined = useMemo(() => quarantineMarks(days, view), [days, view]);
  const floor = useMemo(() => accuracyFloor(rows, series), [rows, series]);
  const story = useCallouts(days, view);
  const worlds = useLab((s) => s.seedsResult);
  const worldsBusy = useLab((s) => s.seedsProgress !== null);
  const worldsBand = useMemo(
    () => worlds && bandFor(worlds, data.rolling, view),
    [worlds, data.rolling, view],
  );
  // The many-worlds row shows once asked for, and while seeds run or a band is drawn.
  const [worldsOpen, setWorldsOpen] = useState(false);
  const worldsShown = worldsOpen || worldsBusy || worlds !== null;
  const [editorOpen, setEditorOpen] = useWorldEditorOpen();
  const editorShown = editorOpen && !projector;

  const caption = (
    <>
      Shaded: the July–August data the static model was trained on. Ticks along the bottom: the
      dynamic model’s retraining jobs (blue: served; amber: rejected by the validation gate; red:
      failed; tall purple: a rollback); a grey bar: days the data gate quarantined. Along the top,
      in the model’s colour: a triangle on a day its inputs drifted from its training data, a dot on
      a day its errors rose (the monitor’s error alarms). Ringed points with a line to their words:
      what the lesson looks at, computed from this run. The table view has every value.
      {drawn.length < rows.length &&
        ` This run is long, so the lines pass through ${drawn.length} of its ${rows.length} days: in each stretch, the days where a line is lowest or highest. The table has every day.`}
    </>
  );

  return (
    <section
      className={`panel chart-panel${fill ? ' chart-fill' : ''}`}
      aria-labelledby="chart-title"
    >
      <header className={projector ? 'visually-hidden' : 'panel-head'}>
        <h2 id="chart-title">
          <Term id="accuracy">Accuracy</Term> over time
        </h2>
        {!projector && (
          <div className="chart-controls">
            <ExportMenu
              chart={() =>
                figure.current?.querySelector<SVGSVGElement>('svg.chart-surface') ?? null
              }
            />
            <ChartOptions />
            {!worldsShown && <ManyWorldsToggle onOpen={() => setWorldsOpen(true)} />}
            <WorldEditorToggle open={editorOpen} onToggle={() => setEditorOpen(!editorOpen)} />
          </div>
        )}
      </header>
      {!projector && worldsShown && <ManyWorlds onClose={() => setWorldsOpen(false)} />}
      <div className="chart-body">
        <figure
          ref={figure}
          className="chart-figure"
          data-evidence="chart"
          aria-label="Daily accuracy of both models"
          data-rows={drawn.length}
          data-days={rows.length}
        >
          {!projector && <ChartLegend series={series} seeds={worlds?.seeds.length} />}
          <div className="chart-plot" ref={plot} style={fill ? undefined : { height }}>
            <Suspense fallback={<div className="chart-loading">Drawing the chart…</div>}>
              {box.width > 0 && (
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
                  type={box.type}
                  width={box.width}
                  boxHeight={box.height}
                  height={fill ? '100%' : height}
                  callouts={story.callouts}
                  rush={story.rush}
                  band={worldsBand}
                />
              )}
            </Suspense>
          </div>
          {worlds && !projector && <ManyWorldsSentence result={worlds} />}
          {/* Filling a screen, the plot keeps the height: the caption waits behind a click. */}
          {projector ? null : fill ? (
            <figcaption>
              <details>
                <summary>How to read the chart</summary>
                {caption}
              </details>
            </figcaption>
          ) : (
            <figcaption>{caption}</figcaption>
          )}
        </figure>
        {editorShown && <WorldEditor onClose={() => setEditorOpen(false)} />}
      </div>
    </section>
  );
}

/** The chart's legend and options as a block of their own, beside the projector's chart. */
export function ChartKey() {
  const [editorOpen, setEditorOpen] = useWorldEditorOpen();
  const showOracle = useLab((s) => s.display.showOracle);
  const showBaseline = useLab((s) => s.display.showBaseline);
  const seeds = useLab((s) => s.seedsResult?.seeds.length);
  const series: SeriesKey[] = ['static', 'dynamic'];
  if (showOracle) series.push('oracle');
  if (showBaseline) series.push('baseline');
  return (
    <div className="chart-key">
      <ChartLegend series={series} seeds={seeds} />
      <ChartOptions />
      <WorldEditorToggle open={editorOpen} onToggle={() => setEditorOpen(!editorOpen)} />
      {editorOpen && <WorldEditor reveal onClose={() => setEditorOpen(false)} />}
    </div>
  );
}
