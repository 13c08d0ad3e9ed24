/**
 * What the accuracy chart draws over its plot besides the lines: the ticks of
 * the retraining jobs and the quarantined days along the bottom, the drift
 * alerts along the top, and the written labels ("training data", the
 * holidays' names, "today"), placed by annotations.ts so none overprints
 * another. Layers of the chart's box (PlotSurface.tsx): they read its plot
 * (scales and area) from plotContext.ts.
 *
 * Owns: drawing these marks. Must not touch: where labels go (annotations.ts)
 * or the numbers (chartData.ts). Loaded with AccuracyChart.
 */
import type { AlertMark, ChartRow, HolidayMark, RetrainMark, SeriesKey } from './chartData';
import { chartNotes } from './annotations';
import type { ChartType } from './axes';
import type { Callout, RushBand } from './callouts';
import { type Polyline, storyRequests } from './calloutPlacement';
import { CalloutLeader } from './calloutMarks';
import { SERIES_COLORS } from './chartStyle';
import { usePlot } from './plotContext';

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
  const plot = usePlot();
  if (!plot) return null;
  const { x, area } = plot;
  const bottom = area.y + area.height;
  const path = (kind: RetrainMark['kind'], height: number) =>
    retrains
      .filter((r) => r.kind === kind)
      .map((r) => `M${x(r.day).toFixed(1)} ${bottom}v-${height}`)
      .join('');
  const band = quarantined
    .map(
      (day) =>
        `M${x(day - 0.5).toFixed(1)} ${bottom - 12}h${Math.max(2, x(day + 0.5) - x(day - 0.5)).toFixed(1)}`,
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

/**
 * A small mark along the top of the plot on each day the monitor raised an
 * alert, in the model's colour: a triangle when the inputs drifted, a dot
 * when the model's errors rose (an error-rate detector), so each says what it is.
 */
export function AlertMarks({ alerts }: { alerts: AlertMark[] }) {
  const plot = usePlot();
  if (!plot || alerts.length === 0) return null;
  const { x, area } = plot;
  const path = (model: AlertMark['model']) =>
    alerts
      .filter((a) => a.model === model)
      .map((a) => {
        const cx = x(a.day);
        const top = area.y + (model === 'static' ? 0 : 7);
        return a.signal === 'inputs'
          ? `M${(cx - 4).toFixed(1)} ${top}h8l-4 6z`
          : `M${(cx - 3).toFixed(1)} ${top + 3}a3 3 0 1 0 6 0a3 3 0 1 0 -6 0z`;
      })
      .join('');
  return (
    <g className="alert-marks" aria-hidden="true">
      <path d={path('static')} fill={SERIES_COLORS.static} stroke="#fff" strokeWidth={0.5} />
      <path d={path('dynamic')} fill={SERIES_COLORS.dynamic} stroke="#fff" strokeWidth={0.5} />
    </g>
  );
}

const NOTE_FILL = {
  training: 'var(--muted)',
  holiday: 'var(--holiday)',
  today: 'var(--today)',
  callout: 'var(--ink)',
  rush: 'var(--holiday)',
};

/** The callouts and the rush band's label, with the lines they keep clear of. */
export interface StoryProps {
  callouts: readonly Callout[];
  rush: RushBand | null;
  rows: readonly ChartRow[];
  series: readonly SeriesKey[];
}

/** Each series as drawn, in px: one polyline per stretch of days with values. */
function polylines(
  rows: readonly ChartRow[],
  series: readonly SeriesKey[],
  x: (day: number) => number,
  y: (value: number) => number,
): Record<string, Polyline[]> {
  const out: Record<string, Polyline[]> = {};
  for (const key of series) {
    const lines: { x: number; y: number }[][] = [];
    let open: { x: number; y: number }[] | null = null;
    for (const row of rows) {
      const v = row[key];
      if (v === null) {
        open = null;
        continue;
      }
      if (!open) lines.push((open = []));
      open.push({ x: x(row.day), y: y(v) });
    }
    out[key] = lines;
  }
  return out;
}

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
  story,
}: {
  type: ChartType;
  collectionDays: number;
  lastDay: number;
  view: number;
  holidays: HolidayMark[];
  holidayRows: number;
  story?: StoryProps;
}) {
  const plot = usePlot();
  if (!plot || !plot.width || !plot.height) return null;
  const { y } = plot;
  const g = {
    plot: plot.area,
    chart: { width: plot.width, height: plot.height },
    px: type.px,
    x: plot.x,
    holidayRows,
  };
  const { extra, clear } = story
    ? storyRequests(
        g,
        {
          callouts: story.callouts,
          rush: story.rush,
          lines: polylines(story.rows, story.series, g.x, y),
          view,
        },
        type.measure,
      )
    : { extra: [], clear: undefined };
  const toneOf = new Map(story?.callouts.map((c) => [c.key, c.tone]));
  const fill = (n: (typeof notes)[number]) => {
    const tone = n.kind === 'callout' ? toneOf.get(n.key) : null;
    return tone ? SERIES_COLORS[tone] : NOTE_FILL[n.kind];
  };
  const notes = chartNotes(
    g,
    { collectionDays, lastDay, view, holidays },
    type.measure,
    extra,
    clear,
  );
  // The baseline: the glyph box (about 1.16 em: 0.93 above the baseline in DejaVu and
  // Liberation Sans) centred in its line of 1.25 em.
  const baseline = Math.round(type.px * 0.97);
  // Drawn last (AccuracyChart.tsx), above the shaded band, the lines and the axes.
  return (
    <g className="chart-notes">
      {notes.map((n) => n.point && <CalloutLeader key={`leader-${n.key}`} note={n} />)}
      {notes.map((n) => (
        <text
          key={n.key}
          className={`chart-note chart-note-${n.kind}`}
          x={n.box.left}
          y={n.top + baseline}
          fontSize={type.px}
          fill={fill(n)}
          data-day={n.kind === 'today' ? view : undefined}
          data-callout={n.kind === 'callout' ? n.key : undefined}
        >
          {n.text}
        </text>
      ))}
    </g>
  );
}
