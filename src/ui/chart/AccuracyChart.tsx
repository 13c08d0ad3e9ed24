/**
 * THE chart: daily accuracy of the static and the dynamic model side by side
 * over simulated time, with the oracle and the majority baseline, the static
 * model's training window shaded, holidays marked, retraining jobs as ticks
 * and a "today" cursor; its text at the size the page gives it (larger when
 * presenting), the month names thinned and the labels placed to fit.
 *
 * Owns: drawing, and the plot's margins. All numbers come from chartData.ts;
 * which labels fit, from axes.ts and annotations.ts. Recharts is loaded
 * only with this file (a chunk of its own, fetched after the page shows).
 * Recharts draws the frame (axes, grid, band, holidays, tooltip), which
 * changes only with the run's length, the lines shown, the axis' floor or the
 * box; what a new batch of days changes is drawn by liveChart.tsx, so a
 * running year does not re-run Recharts per batch (issue 15).
 * Must not touch: the engine; it reads prepared rows only.
 */
import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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
  accuracyAxis,
  accuracyAxisWidth,
  type ChartType,
  dateAxis,
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
import { LiveBand } from './manyWorldsLayer';

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

/** What Recharts' part of the chart is drawn from: nothing a new day changes. */
type FrameProps = Omit<
  AccuracyChartProps,
  'rows' | 'view' | 'series' | 'retrains' | 'quarantined' | 'alerts' | 'callouts' | 'band'
>;

/** One entry per day of the run: where the tooltip can point (its words come from LiveChart). */
function daysOfRun(lastDay: number): { day: number }[] {
  return Array.from({ length: lastDay }, (_, i) => ({ day: i + 1 }));
}

const NONE: never[] = [];

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

/** Recharts' tree: rendered again only when one of its props changes, never for a new day. */
const ChartFrame = memo(function ChartFrame(props: FrameProps) {
  const { lastDay, floor, collectionDays, type } = props;
  const layout = layoutOf(props);
  const days = useMemo(() => daysOfRun(lastDay), [lastDay]);
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <ComposedChart
        data={days}
        margin={{
          top: Math.max(12, layout.rows * layout.line + 4),
          right: RIGHT,
          bottom: layout.line + 4,
          left: LEFT,
        }}
      >
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis {...dateAxis(layout.shownMonths, [1, lastDay], type)} />
        <YAxis {...accuracyAxis(floor, type, layout.axisNamed)} />
        <RushShade rush={props.rush ?? null} />
        <ReferenceArea
          x1={1}
          x2={collectionDays}
          fill="var(--training-window)"
          fillOpacity={1}
          ifOverflow="hidden"
        />
        {props.holidays.map((h) => (
          <ReferenceLine key={h.day} x={h.day} stroke="var(--holiday)" strokeDasharray="4 3" />
        ))}
        {/* Not drawn: it gives the tooltip a day to point at (LiveTooltip says the values). */}
        <Line dataKey="day" hide isAnimationActive={false} dot={false} activeDot={false} />
        <LiveBand />
        <LiveLines />
        <LiveMarks />
        <LiveNotes
          type={type}
          collectionDays={collectionDays}
          lastDay={lastDay}
          holidays={layout.holidays}
          holidayRows={layout.rows}
          rush={props.rush ?? null}
        />
        <LiveActiveDots />
        <Tooltip content={<LiveTooltip />} includeHidden isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});
