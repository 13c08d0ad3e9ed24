/**
 * The part of the accuracy chart that changes while a run streams in: the
 * lines, the "today" line and its label, the job ticks and the alert marks,
 * the hovered day's dots and its tooltip. They read the day's data from a
 * context (LiveChart) and the plot's scales from another (plotContext.ts),
 * so a new batch of days redraws these few shapes while the frame (the axes,
 * the grid, the shaded band, the holidays: frameMarks.tsx) keeps its last
 * render: redrawing all of it per batch was most of the page's main-thread
 * time while a year ran (issue 15; the figures are in bench/README.md).
 *
 * Owns: drawing the live shapes (colours, dashes, widths). Must not touch:
 * the numbers (chartData.ts), where labels go (annotations.ts), the marks
 * themselves (chartMarks.tsx), the order of the layers (AccuracyChart.tsx).
 * Loaded with AccuracyChart.
 */
import { createContext, memo, useContext } from 'react';
import type { ModelRole } from '../../sim/contract';
import { formatDate } from '../../sim/world/calendar';
import type { BandDay } from '../../store/manySeedsSlice';
import {
  type AlertMark,
  type ChartRow,
  type HolidayMark,
  percent,
  type RetrainMark,
  SERIES_LABELS,
  type SeriesKey,
} from './chartData';
import type { ChartType } from './axes';
import { AlertMarks, ChartNotes, RetrainTicks } from './chartMarks';
import type { Callout, RushBand } from './callouts';
import { DASHES, SERIES_COLORS } from './chartStyle';
import { linePath, nearestRow } from './linePath';
import { useActiveDay, usePlot } from './plotContext';

/** What the live shapes draw: the rows on screen and the marks up to the day on screen. */
export interface LiveChartData {
  rows: ChartRow[];
  view: number;
  series: SeriesKey[];
  retrains: RetrainMark[];
  quarantined: number[];
  alerts: AlertMark[];
  /** What the callouts say at the day on screen (callouts.ts). */
  callouts: readonly Callout[];
  /** Many worlds: each model's median and 10-90% band over the seeds, while shown. */
  band?: Record<ModelRole, BandDay[]> | null;
}

const EMPTY: LiveChartData = {
  rows: [],
  view: 0,
  series: [],
  retrains: [],
  quarantined: [],
  alerts: [],
  callouts: [],
};

export const LiveChart = createContext<LiveChartData>(EMPTY);

/** The models' lines are thin while many worlds' medians are drawn: the median leads. */
const strokeWidthOf = (key: SeriesKey, thin: boolean) =>
  key === 'static' || key === 'dynamic' ? (thin ? 1 : 2.5) : 1.5;

/** The accuracy lines, one path each (gaps stay gaps), and the "today" line. */
export function LiveLines() {
  const { rows, series, view, band } = useContext(LiveChart);
  const plot = usePlot();
  const thin = Boolean(band);
  if (!plot) return null;
  const { x: px, y: py, area } = plot;
  return (
    <g className="chart-lines">
      {series.map((key) => (
        <g key={key} className="chart-series" data-series={key}>
          <path
            className="chart-line"
            d={linePath(rows, key, px, py)}
            stroke={SERIES_COLORS[key]}
            strokeWidth={strokeWidthOf(key, thin)}
            strokeDasharray={DASHES[key]}
            fill="none"
          />
        </g>
      ))}
      {view > 0 && (
        <g className="today-line">
          <line
            x1={px(view)}
            x2={px(view)}
            y1={area.y}
            y2={area.y + area.height}
            stroke="var(--today)"
            strokeWidth={2}
            fill="none"
          />
        </g>
      )}
    </g>
  );
}

/** The dots on the hovered (or keyboard-selected) day. */
export function LiveActiveDots() {
  const { rows, series } = useContext(LiveChart);
  const day = useActiveDay();
  const plot = usePlot();
  const row = day === null ? undefined : nearestRow(rows, day);
  if (!row || !plot) return null;
  return (
    <g className="chart-active-dots">
      {series.map((key) => {
        const value = row[key];
        if (value === null) return null;
        return (
          <circle
            key={key}
            className="chart-active-dot"
            cx={plot.x(row.day)}
            cy={plot.y(value)}
            r={4}
            fill={SERIES_COLORS[key]}
            stroke="#fff"
            strokeWidth={2}
          />
        );
      })}
    </g>
  );
}

/** The job ticks and alert marks up to the day on screen (chartMarks.tsx draws them). */
export function LiveMarks() {
  const { retrains, quarantined, alerts } = useContext(LiveChart);
  return (
    <>
      <RetrainTicks retrains={retrains} quarantined={quarantined} />
      <AlertMarks alerts={alerts} />
    </>
  );
}

/** The chart's written labels with "today" and the callouts at the day on screen. */
export const LiveNotes = memo(function LiveNotes({
  rush,
  ...props
}: {
  type: ChartType;
  collectionDays: number;
  lastDay: number;
  holidays: HolidayMark[];
  holidayRows: number;
  /** The Valentine's rush (it changes with the run's settings, not with the day). */
  rush: RushBand | null;
}) {
  const { view, callouts, rows, series } = useContext(LiveChart);
  return <ChartNotes {...props} view={view} story={{ callouts, rush, rows, series }} />;
});

interface TooltipProps {
  active?: boolean;
  label?: unknown;
}

/**
 * The tooltip's words: the date and each line's value on the day nearest the
 * pointer among the rows drawn (the day on screen when the pointer is past it).
 */
export function LiveTooltip({ active, label }: TooltipProps) {
  const { rows, series } = useContext(LiveChart);
  const row = nearestRow(rows, Number(label));
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip" role="status">
      <strong>{formatDate(row.date)}</strong>
      <dl>
        {series.map((key) => (
          <div key={key}>
            <dt>
              <span className="swatch" style={{ background: SERIES_COLORS[key] }} />
              {SERIES_LABELS[key]}
            </dt>
            <dd>{percent(row[key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
