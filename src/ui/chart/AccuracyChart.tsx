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
 * Must not touch: the engine; it reads prepared rows only.
 */
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
import { formatDate, type MonthMark } from '../../sim/world/calendar';
import {
  type AlertMark,
  type ChartRow,
  type HolidayMark,
  labelledHolidays,
  percent,
  type RetrainMark,
  SERIES_LABELS,
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
import { AlertMarks, ChartNotes, RetrainTicks } from './chartMarks';
import type { Callout, RushBand } from './callouts';
import { RushShade } from './calloutMarks';
import { DASHES, SERIES_COLORS } from './chartStyle';

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
}

interface TooltipEntry {
  dataKey?: string | number | ((obj: unknown) => unknown);
  value?: unknown;
  payload?: unknown;
}

function ChartTooltip({
  active,
  payload,
  series,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  series: SeriesKey[];
}) {
  const row = payload?.find((p) => (p.payload as ChartRow | undefined)?.date)?.payload as
    ChartRow | undefined;
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

/** Space right of the plot, so the last month's name and "today" are not cut. */
const RIGHT = 16;
const LEFT = 4;

/**
 * Where the plot sits in a chart `width` px wide, and which labels fit: the
 * month names along the axis and the rows of holiday names above the plot.
 */
function layoutOf(props: AccuracyChartProps) {
  const { type, width, lastDay, months, collectionDays, view } = props;
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
    { collectionDays, lastDay, view, holidays },
    type.measure,
  );
  return { line, shownMonths, holidays, rows, axisNamed };
}

export default function AccuracyChart(props: AccuracyChartProps) {
  const { rows, lastDay, view, series, floor, collectionDays, retrains, type } = props;
  const quarantined = props.quarantined ?? [];
  const layout = layoutOf(props);
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <ComposedChart
        data={rows}
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
        {series.map((key) => (
          <Line
            key={key}
            dataKey={key}
            name={SERIES_LABELS[key]}
            stroke={SERIES_COLORS[key]}
            strokeWidth={key === 'static' || key === 'dynamic' ? 2.5 : 1.5}
            strokeDasharray={DASHES[key]}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        <RetrainTicks retrains={retrains} quarantined={quarantined} />
        <AlertMarks alerts={props.alerts ?? []} />
        {view > 0 && <ReferenceLine x={view} stroke="var(--today)" strokeWidth={2} />}
        <ChartNotes
          type={type}
          collectionDays={collectionDays}
          lastDay={lastDay}
          view={view}
          holidays={layout.holidays}
          holidayRows={layout.rows}
          story={{ callouts: props.callouts ?? [], rush: props.rush ?? null, rows, series }}
        />
        <Tooltip content={<ChartTooltip series={series} />} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
