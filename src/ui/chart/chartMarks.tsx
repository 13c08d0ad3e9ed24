/**
 * What the accuracy chart draws over its plot besides the lines: the ticks of
 * the retraining jobs and the quarantined days along the bottom, the drift
 * alerts along the top, and the written labels ("training data", the
 * holidays' names, "today"), placed by annotations.ts so none overprints
 * another. Children of Recharts' chart: they read its scale and plot area.
 *
 * Owns: drawing these marks. Must not touch: where labels go (annotations.ts)
 * or the numbers (chartData.ts). Loaded with AccuracyChart (Recharts' chunk).
 */
import {
  DefaultZIndexes,
  useChartHeight,
  useChartWidth,
  usePlotArea,
  useXAxisScale,
  ZIndexLayer,
} from 'recharts';
import { type AlertMark, type HolidayMark, type RetrainMark } from './chartData';
import { chartNotes } from './annotations';
import type { ChartType } from './axes';
import { SERIES_COLORS } from './chartStyle';

/**
 * A short vertical mark at the bottom of the plot for each retraining job,
 * drawn as one path per kind (hundreds of separate shapes would make every
 * redraw of a running year slow).
 */
export function RetrainTicks({
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
export function AlertMarks({ alerts }: { alerts: AlertMark[] }) {
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

const NOTE_FILL = { training: 'var(--muted)', holiday: 'var(--holiday)', today: 'var(--today)' };

/**
 * The chart's written labels, at the chart's text size, each where
 * chartNotes put it. Drawn last, with a halo in the card's colour, so a line
 * passing behind a label does not cross its letters.
 */
export function ChartNotes({
  type,
  collectionDays,
  lastDay,
  view,
  holidays,
  holidayRows,
}: {
  type: ChartType;
  collectionDays: number;
  lastDay: number;
  view: number;
  holidays: HolidayMark[];
  holidayRows: number;
}) {
  const x = useXAxisScale();
  const area = usePlotArea();
  const width = useChartWidth();
  const height = useChartHeight();
  if (!x || !area || !width || !height) return null;
  const notes = chartNotes(
    {
      plot: area,
      chart: { width, height },
      px: type.px,
      x: (day) => x(day) ?? 0,
      holidayRows,
    },
    { collectionDays, lastDay, view, holidays },
    type.measure,
  );
  // The baseline: the glyph box (about 1.16 em: 0.93 above the baseline in DejaVu and
  // Liberation Sans) centred in its line of 1.25 em.
  const baseline = Math.round(type.px * 0.97);
  // In the labels' layer, above the shaded band, the lines and the axes.
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <g className="chart-notes">
        {notes.map((n) => (
          <text
            key={n.key}
            className={`chart-note chart-note-${n.kind}`}
            x={n.box.left}
            y={n.top + baseline}
            fontSize={type.px}
            fill={NOTE_FILL[n.kind]}
            data-day={n.kind === 'today' ? view : undefined}
          >
            {n.text}
          </text>
        ))}
      </g>
    </ZIndexLayer>
  );
}
