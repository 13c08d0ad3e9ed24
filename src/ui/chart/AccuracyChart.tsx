/**
 * THE chart: daily accuracy of the static and the dynamic model side by side
 * over simulated time, with the oracle and the majority baseline, the static
 * model's training window shaded, holidays marked, retraining jobs as ticks
 * and a "today" cursor.
 *
 * Owns: drawing. All numbers come from chartData.ts. Recharts is loaded
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
  usePlotArea,
  useXAxisScale,
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
import { accuracyAxis, dateAxis } from './axes';
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

/**
 * A short vertical mark at the bottom of the plot for each retraining job,
 * drawn as one path per kind (hundreds of separate shapes would make every
 * redraw of a running year slow).
 */
function RetrainTicks({
  retrains,
  quarantined,
}: {
  retrains: RetrainMark[];
  quarantined: number[];
}) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  const bottom = area.y + area.height;
  const path = (kind: RetrainMark['kind'], height: number) =>
    retrains
      .filter((r) => r.kind === kind)
      .map((r) => `M${(x(r.day) ?? 0).toFixed(1)} ${bottom}v-${height}`)
      .join('');
  const band = quarantined
    .map(
      (day) =>
        `M${(x(day - 0.5) ?? 0).toFixed(1)} ${bottom - 12}h${Math.max(2, (x(day + 0.5) ?? 0) - (x(day - 0.5) ?? 0)).toFixed(1)}`,
    )
    .join('');
  return (
    <g className="retrain-ticks" aria-hidden="true">
      <path d={path('blessed', 8)} stroke={SERIES_COLORS.dynamic} strokeOpacity={0.45} />
      <path d={path('rejected', 12)} stroke="#d97706" strokeWidth={2} />
      <path d={path('failed', 12)} stroke="#b91c1c" strokeWidth={2} />
      <path d={path('rollback', 18)} stroke="#7c3aed" strokeWidth={3} />
      <path d={band} stroke="#6b7280" strokeWidth={4} />
    </g>
  );
}

/** A small marker along the top of the plot on each day the drift monitor raised an alert. */
function AlertMarks({ alerts }: { alerts: AlertMark[] }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area || alerts.length === 0) return null;
  const path = (model: AlertMark['model']) =>
    alerts
      .filter((a) => a.model === model)
      .map((a) => {
        const cx = x(a.day) ?? 0;
        const top = area.y + (model === 'static' ? 0 : 7);
        return `M${(cx - 4).toFixed(1)} ${top}h8l-4 6z`;
      })
      .join('');
  return (
    <g className="alert-marks" aria-hidden="true">
      <path d={path('static')} fill={SERIES_COLORS.static} stroke="#fff" strokeWidth={0.5} />
      <path d={path('dynamic')} fill={SERIES_COLORS.dynamic} stroke="#fff" strokeWidth={0.5} />
    </g>
  );
}

export default function AccuracyChart(props: AccuracyChartProps) {
  const { rows, lastDay, view, series, floor, months, collectionDays, holidays, retrains } = props;
  const quarantined = props.quarantined ?? [];
  // In a long run some holidays keep only their line: the names would overlap.
  const named = labelledHolidays(holidays, lastDay);
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 380}>
      <ComposedChart data={rows} margin={{ top: 24, right: 24, bottom: 28, left: 8 }}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis {...dateAxis(months, [1, lastDay])} />
        <YAxis {...accuracyAxis(floor)} />
        <ReferenceArea
          x1={1}
          x2={collectionDays}
          fill="var(--training-window)"
          fillOpacity={1}
          // Named only where the band is wide enough to hold the words (not in a long run).
          label={
            collectionDays / lastDay >= 0.08
              ? {
                  value: 'training data',
                  position: 'insideTop',
                  fontSize: 11,
                  fill: 'var(--muted)',
                }
              : undefined
          }
          ifOverflow="hidden"
        />
        {holidays.map((h) => (
          <ReferenceLine
            key={h.day}
            x={h.day}
            stroke="var(--holiday)"
            strokeDasharray="4 3"
            label={
              named.has(h.day)
                ? { value: h.label, position: 'top', fontSize: 12, fill: 'var(--holiday)' }
                : undefined
            }
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
        <RetrainTicks retrains={retrains} quarantined={quarantined} />
        <AlertMarks alerts={props.alerts ?? []} />
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
