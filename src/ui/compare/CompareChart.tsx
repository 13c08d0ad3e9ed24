/**
 * The strategy comparison's chart: one line per retraining strategy (trailing
 * 7-day mean accuracy) over the serving days, months along the bottom.
 *
 * Owns: drawing. Rows, colours and labels come prepared from CompareView.tsx.
 * Recharts is loaded only with this file (React.lazy), never in the main chunk.
 * Must not touch: the store or the engine.
 */
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Strategy } from '../../sim/contract';
import { formatDate, type MonthMark } from '../../sim/world/calendar';
import { accuracyAxis, dateAxis } from '../chart/axes';
import { percent } from '../chart/chartData';

/** One serving day: its date and every strategy's trailing mean accuracy. */
export type CompareChartRow = { day: number; date: string } & Record<Strategy, number | null>;

export interface CompareSeries {
  key: Strategy;
  label: string;
  color: string;
  dash?: string;
  width: number;
}

export interface CompareChartProps {
  rows: CompareChartRow[];
  series: CompareSeries[];
  months: MonthMark[];
  /** Lower edge of the accuracy axis (0..1). */
  floor: number;
  /** Pixels, or a share of its box's height (the default: all of it; compare.css sizes the box). */
  height?: number | `${number}%`;
}

interface TooltipEntry {
  payload?: unknown;
}

function CompareTooltip({
  active,
  payload,
  series,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  series: CompareSeries[];
}) {
  const row = payload?.[0]?.payload as CompareChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip" role="status">
      <strong>{formatDate(row.date)}</strong>
      <dl>
        {series.map((s) => (
          <div key={s.key}>
            <dt>
              <span className="swatch" style={{ background: s.color }} />
              {s.label}
            </dt>
            <dd>{percent(row[s.key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export default function CompareChart({ rows, series, months, floor, height }: CompareChartProps) {
  const first = rows[0]?.day ?? 1;
  const last = rows[rows.length - 1]?.day ?? first;
  const ticks = months.filter((m) => m.day >= first && m.day <= last);
  // Tenths from the floor to 100%, so the gridlines fall on round percentages.
  const yTicks = Array.from(
    { length: Math.round((1 - floor) * 10) + 1 },
    (_, i) => Math.round((floor + i / 10) * 10) / 10,
  );
  return (
    <ResponsiveContainer width="100%" height={height ?? '100%'}>
      <LineChart data={rows} margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis {...dateAxis(ticks, [first, last])} />
        <YAxis {...accuracyAxis(floor)} ticks={yTicks} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={s.width}
            strokeDasharray={s.dash}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        <Tooltip content={<CompareTooltip series={series} />} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
