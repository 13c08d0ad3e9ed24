/**
 * THE chart: daily accuracy of the static and the dynamic model side by side
 * over simulated time, with the oracle and the majority baseline, the static
 * model's training window shaded, holidays marked, retraining jobs as ticks
 * and a "today" cursor.
 *
 * Owns: drawing, and the legend (HTML, so it never overlaps the plot and a
 * screen reader reads it). All numbers come from chartData.ts.
 * Must not touch: the engine; it reads prepared rows only.
 */
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MonthMark } from '../../store/timeline';
import { formatDate } from '../../store/timeline';
import {
  type ChartRow,
  type HolidayMark,
  percent,
  type RetrainMark,
  SERIES_LABELS,
  type SeriesKey,
} from './chartData';

export const SERIES_COLORS: Record<SeriesKey, string> = {
  static: '#c2410c',
  dynamic: '#1d4ed8',
  oracle: '#15803d',
  baseline: '#6b7280',
};

const DASHES: Record<SeriesKey, string | undefined> = {
  static: undefined,
  dynamic: undefined,
  oracle: '6 4',
  baseline: '2 4',
};

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
  height?: number;
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

/** A short vertical mark at the bottom of the plot for each retraining job. */
function RetrainTick(props: { cx?: number; cy?: number; payload?: RetrainMark }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined) return <g />;
  return (
    <line
      x1={cx}
      x2={cx}
      y1={cy - 8}
      y2={cy}
      stroke={payload?.released === false ? '#b91c1c' : SERIES_COLORS.dynamic}
      strokeWidth={1}
      opacity={payload?.released === false ? 1 : 0.45}
    />
  );
}

export function AccuracyChart(props: AccuracyChartProps) {
  const { rows, lastDay, view, series, floor, months, collectionDays, holidays, retrains } = props;
  const ticks = retrains.map((r) => ({ ...r, y: floor }));
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 380}>
      <ComposedChart data={rows} margin={{ top: 24, right: 24, bottom: 28, left: 8 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis
          dataKey="day"
          type="number"
          domain={[1, lastDay]}
          ticks={months.map((m) => m.day)}
          tickFormatter={(day: number) => months.find((m) => m.day === day)?.label ?? ''}
          allowDataOverflow
          label={{ value: 'Simulated date', position: 'insideBottom', offset: -18 }}
          stroke="var(--axis)"
        />
        <YAxis
          domain={[floor, 1]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          allowDataOverflow
          width={64}
          label={{ value: 'Accuracy (%)', angle: -90, position: 'insideLeft', offset: 10 }}
          stroke="var(--axis)"
        />
        <ReferenceArea
          x1={1}
          x2={collectionDays}
          fill="var(--training-window)"
          fillOpacity={1}
          label={{
            value: 'training data',
            position: 'insideTop',
            fontSize: 11,
            fill: 'var(--muted)',
          }}
          ifOverflow="hidden"
        />
        {holidays.map((h) => (
          <ReferenceLine
            key={h.day}
            x={h.day}
            stroke="var(--holiday)"
            strokeDasharray="4 3"
            label={{ value: h.label, position: 'top', fontSize: 12, fill: 'var(--holiday)' }}
          />
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
        <Scatter
          data={ticks}
          dataKey="y"
          name="Dynamic retraining job"
          fill={SERIES_COLORS.dynamic}
          shape={RetrainTick}
          isAnimationActive={false}
          legendType="line"
        />
        {view > 0 && (
          <ReferenceLine
            x={view}
            stroke="var(--today)"
            strokeWidth={2}
            label={{ value: 'today', position: 'insideTopRight', fill: 'var(--today)' }}
          />
        )}
        <Tooltip content={<ChartTooltip series={series} />} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** The chart's legend: every line and mark, in words. */
export function ChartLegend({ series }: { series: SeriesKey[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {series.map((key) => (
        <li key={key}>
          <svg width="22" height="10" aria-hidden="true">
            <line
              x1="0"
              x2="22"
              y1="5"
              y2="5"
              stroke={SERIES_COLORS[key]}
              strokeWidth={key === 'static' || key === 'dynamic' ? 3 : 2}
              strokeDasharray={DASHES[key]}
            />
          </svg>
          {SERIES_LABELS[key]}
        </li>
      ))}
      <li>
        <span className="legend-box" aria-hidden="true" />
        Static model’s training window
      </li>
      <li>
        <svg width="10" height="12" aria-hidden="true">
          <line x1="5" x2="5" y1="0" y2="12" stroke={SERIES_COLORS.dynamic} strokeWidth={2} />
        </svg>
        Dynamic retraining job
      </li>
      <li>
        <svg width="10" height="12" aria-hidden="true">
          <line
            x1="5"
            x2="5"
            y1="0"
            y2="12"
            stroke="var(--holiday)"
            strokeDasharray="3 2"
            strokeWidth={2}
          />
        </svg>
        Gift holiday
      </li>
    </ul>
  );
}
