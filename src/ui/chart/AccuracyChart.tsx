/**
 * THE chart: daily accuracy of the static and the dynamic model side by side
 * over simulated time, with the oracle and the majority baseline, the static
 * model's training window shaded, holidays marked, retraining jobs as ticks
 * and a "today" cursor; its text at the size the page gives it (larger when
 * presenting), the month names thinned and the labels placed to fit.
 *
 * Owns: drawing, and the plot's margins. All numbers come from chartData.ts;
 * which labels fit, from axes.ts and annotations.ts. This file loads as a
 * chunk of its own, fetched after the page shows, and without Recharts
 * (issue 15: Recharts was ~47% of the chart view's JS and drew only the
 * frame). The frame (grid, axes, training window, holidays: frameMarks.tsx,
 * in the box PlotSurface.tsx gives them) changes only with the run's length,
 * the lines shown, the axis' floor or the box; what a new batch of days
 * changes is drawn by liveChart.tsx, so a running year redraws only those
 * few shapes per batch.
 * Must not touch: the engine; it reads prepared rows only.
 */
import { memo, useMemo } from 'react';
import type { ModelRole } from '../../sim/contract';
import type { MonthMark } from '../../sim/world/calendar';
import type { BandDay } from '../../store/manySeedsSlice';
import {
  type AlertMark,
  type ChartRow,
  type HolidayMark,
  labelledHolidays,
  type RetrainMark,
  type SeriesKey,
} from './chartData';
import { holidayRowsNeeded } from './annotations';
import {
  ACCURACY_AXIS_NAME,
  accuracyAxisWidth,
  type ChartType,
  lineHeightOf,
  thinMonths,
} from './axes';
import type { Callout, RushBand } from './callouts';
import { RushShade } from './calloutMarks';
import {
  LiveActiveDots,
  LiveChart,
  type LiveChartData,
  LiveLines,
  LiveMarks,
  LiveNotes,
  LiveTooltip,
} from './liveChart';
import { LiveBandFill, LiveBandMedians } from './manyWorldsLayer';
import {
  AccuracyAxis,
  DateAxis,
  Grid,
  HolidayLines,
  tickHeight,
  TrainingWindow,
} from './frameMarks';
import { PlotSurface } from './PlotSurface';
import { plotOf, shownAccuracyTicks } from './plotScale';

export interface AccuracyChartProps {
  rows: ChartRow[];
  lastDay: number;
  view: number;
  series: SeriesKey[];
  floor: number;
  months: MonthMark[];
  collectionDays: number;
  holidays: HolidayMark[];
  retrains: RetrainMark[];
  /** Days the data gate kept out of training. */
  quarantined?: number[];
  /** Days with a drift alert, per model. */
  alerts?: AlertMark[];
  /** The chart's text (its size follows presentation mode) and the box it is drawn in. */
  type: ChartType;
  width: number;
  /** The box's height as measured (the chart's height when it fills the box). */
  boxHeight: number;
  /** Fixed, or the whole height of the box. */
  height: number | '100%';
  /** What the callouts say (callouts.ts), and the Valentine's rush to shade. */
  callouts?: Callout[];
  rush?: RushBand | null;
  /** Many worlds: each model's median and 10-90% band over the seeds, while shown. */
  band?: Record<ModelRole, BandDay[]> | null;
}

/** Space right of the plot, so the last month's name and "today" are not cut. */
const RIGHT = 16;
const LEFT = 4;

/**
 * Where the plot sits in a chart `width` px wide, and which labels fit: the
 * month names along the axis and the rows of holiday names above the plot.
 */
function layoutOf(props: FrameProps) {
  const { type, width, lastDay, months, collectionDays } = props;
  const line = lineHeightOf(type.px);
  const chartHeight = props.height === '100%' ? props.boxHeight : props.height;
  // Roughly the plot's height: the axis' name goes along it only where it fits.
  const axisNamed = type.measure(ACCURACY_AXIS_NAME) + 8 <= chartHeight - 5 * line - 24;
  const plotX = LEFT + accuracyAxisWidth(type, axisNamed);
  const plotWidth = Math.max(1, width - plotX - RIGHT);
  const x = (day: number) => plotX + ((day - 1) / Math.max(1, lastDay - 1)) * plotWidth;
  const shownMonths = thinMonths(months, {
    x,
    anchor: 'middle',
    bounds: [0, width],
    gap: Math.round(type.px * 0.8),
    measure: type.measure,
  });
  // In a long run some holidays keep only their line: the names would overlap.
  const named = labelledHolidays(props.holidays, lastDay);
  const holidays = props.holidays.filter((h) => named.has(h.day));
  const rows = holidayRowsNeeded(
    {
      plot: { x: plotX, y: 2 * line + 2, width: plotWidth, height: 10 * line },
      chart: { width, height: 14 * line },
      px: type.px,
      x,
    },
    // "today" is placed inside the plot, never in the rows above it: no day changes them.
    { collectionDays, lastDay, view: 0, holidays },
    type.measure,
  );
  return { line, shownMonths, holidays, rows, axisNamed };
}

/** What the frame is drawn from: nothing a new day changes. */
type FrameProps = Omit<
  AccuracyChartProps,
  'rows' | 'view' | 'series' | 'retrains' | 'quarantined' | 'alerts' | 'callouts' | 'band'
>;

const NONE: never[] = [];

/** What a screen reader calls the chart, and how to move along it. */
const SURFACE_LABEL = 'Accuracy chart: the arrow keys step through the days';

/** Memoised: a render of the panel with the same prepared rows (an urgent one) stops here. */
export default memo(function AccuracyChart(props: AccuracyChartProps) {
  const { rows, view, series, retrains } = props;
  const quarantined = props.quarantined ?? NONE;
  const alerts = props.alerts ?? NONE;
  const callouts = props.callouts ?? NONE;
  const band = props.band ?? null;
  const live = useMemo<LiveChartData>(
    () => ({ rows, view, series, retrains, quarantined, alerts, callouts, band }),
    [rows, view, series, retrains, quarantined, alerts, callouts, band],
  );
  return (
    <LiveChart.Provider value={live}>
      <ChartFrame
        lastDay={props.lastDay}
        floor={props.floor}
        months={props.months}
        collectionDays={props.collectionDays}
        holidays={props.holidays}
        type={props.type}
        width={props.width}
        boxHeight={props.boxHeight}
        height={props.height}
        rush={props.rush ?? null}
      />
    </LiveChart.Provider>
  );
});

/**
 * The chart's layers, back to front: the frame, rendered again only when one
 * of its props changes (never for a new day), and the live layers, which
 * read the day's data from LiveChart.
 */
const ChartFrame = memo(function ChartFrame(props: FrameProps) {
  const { lastDay, floor, collectionDays, type, width } = props;
  const layout = layoutOf(props);
  const chartHeight = props.height === '100%' ? props.boxHeight : props.height;
  const plot = useMemo(
    () =>
      plotOf(
        width,
        chartHeight,
        {
          top: Math.max(12, layout.rows * layout.line + 4),
          right: RIGHT,
          // The date axis' box (a line of text and 10 px) and a line for its name.
          bottom: layout.line + 10 + layout.line + 4,
          left: LEFT + accuracyAxisWidth(type, layout.axisNamed),
        },
        lastDay,
        floor,
      ),
    [width, chartHeight, layout.rows, layout.line, layout.axisNamed, type, lastDay, floor],
  );
  const yTicks = useMemo(() => shownAccuracyTicks(plot, tickHeight(type.px)), [plot, type.px]);
  const rush = props.rush ?? null;
  return (
    <PlotSurface
      plot={plot}
      height={props.height}
      label={SURFACE_LABEL}
      tooltip={(day) => <LiveTooltip active label={day} />}
      over={
        <>
          <LiveActiveDots />
          <LiveNotes
            type={type}
            collectionDays={collectionDays}
            lastDay={lastDay}
            holidays={layout.holidays}
            holidayRows={layout.rows}
            rush={rush}
          />
        </>
      }
    >
      <Grid months={layout.shownMonths} ticks={yTicks} />
      <RushShade rush={rush} />
      <LiveMarks />
      <TrainingWindow collectionDays={collectionDays} />
      <LiveBandFill />
      <HolidayLines holidays={props.holidays} />
      <LiveLines />
      {/* Over the lines (and "today"): the median leads, the seed's own lines are thin. */}
      <LiveBandMedians />
      <DateAxis months={layout.shownMonths} type={type} line={layout.line} />
      <AccuracyAxis ticks={yTicks} type={type} named={layout.axisNamed} left={LEFT} />
    </PlotSurface>
  );
});
