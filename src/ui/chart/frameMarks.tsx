/**
 * The accuracy chart's frame, in plain SVG: the dashed grid, the date axis
 * (a tick per month, the names that fit, "Simulated date"), the accuracy
 * axis (ticks in %, its name where it fits), the static model's training
 * window and the holidays' dashed lines. Nothing here changes with a new day
 * of a run: the live layers (liveChart.tsx) draw over it.
 *
 * Drawn as Recharts drew them (same positions, sizes, colours and dashes:
 * the chart looks the same) so that the chart view does not load Recharts
 * (issue 15; the strategy comparison still uses it, loaded when it opens).
 *
 * Owns: those shapes. Must not touch: which months are named (axes.ts
 * thinMonths) or the numbers (chartData.ts).
 */
import type { MonthMark } from '../../sim/world/calendar';
import type { HolidayMark } from './chartData';
import { ACCURACY_AXIS_NAME, type ChartType } from './axes';
import { usePlot } from './plotContext';
import { percentTick } from './plotScale';

/** A tick's length outside the plot, and the gap from its end to its words (px). */
const TICK = 6;
const TICK_GAP = 2;
/** The axes' names are grey, as Recharts' labels were. */
const NAME_FILL = '#808080';

/** The month marks inside the run (a tick each, named or not). */
const inRun = (months: readonly MonthMark[], lastDay: number) =>
  months.filter((m) => m.day >= 1 && m.day <= lastDay);

const tickHeights = new Map<number, number>();

/**
 * How tall a line of tick words is at `px`, measured as Recharts measured it
 * (a span of the page's text at that size; 0 where nothing lays out text):
 * which accuracy ticks fit depends on it. Once per size.
 */
export function tickHeight(px: number): number {
  let height = tickHeights.get(px);
  if (height === undefined) {
    const span = document.createElement('span');
    span.style.fontSize = `${px}px`;
    span.style.position = 'absolute';
    span.style.top = '-20000px';
    span.textContent = '100%';
    document.body.appendChild(span);
    height = span.getBoundingClientRect().height;
    span.remove();
    tickHeights.set(px, height);
  }
  return height;
}

/**
 * The dashed grid: a line at each accuracy tick shown and each month named
 * on the date axis, and at the plot's edges.
 */
export function Grid({
  months,
  ticks,
}: {
  months: readonly MonthMark[];
  /** The accuracy ticks shown (plotScale.ts shownAccuracyTicks). */
  ticks: readonly number[];
}) {
  const plot = usePlot();
  if (!plot) return null;
  const { area, x, y } = plot;
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  const withEdges = (points: number[], low: number, high: number) => [
    ...points,
    ...(points.includes(low) ? [] : [low]),
    ...(points.includes(high) ? [] : [high]),
  ];
  const rows = withEdges(ticks.map(y), area.y, bottom);
  const columns = withEdges(
    inRun(months, plot.lastDay).map((m) => x(m.day)),
    area.x,
    right,
  );
  return (
    <g className="chart-grid" stroke="var(--grid)" strokeDasharray="3 3" fill="none">
      {rows.map((py, i) => (
        <line key={`h${i}`} x1={area.x} x2={right} y1={py} y2={py} />
      ))}
      {columns.map((px, i) => (
        <line key={`v${i}`} x1={px} x2={px} y1={area.y} y2={bottom} />
      ))}
    </g>
  );
}

/** The static model's training window, shaded from the first day to `collectionDays`. */
export function TrainingWindow({ collectionDays }: { collectionDays: number }) {
  const plot = usePlot();
  if (!plot) return null;
  const { area, x } = plot;
  const left = Math.max(area.x, x(1));
  const right = Math.min(area.x + area.width, x(collectionDays));
  if (right <= left) return null;
  return (
    <rect
      className="training-window"
      x={left}
      y={area.y}
      width={right - left}
      height={area.height}
      fill="var(--training-window)"
    />
  );
}

/** A dashed line from top to bottom of the plot on each holiday of the run. */
export function HolidayLines({ holidays }: { holidays: readonly HolidayMark[] }) {
  const plot = usePlot();
  if (!plot) return null;
  const { area, x } = plot;
  return (
    <g className="holiday-lines" stroke="var(--holiday)" strokeDasharray="4 3" fill="none">
      {holidays
        .filter((h) => h.day >= 1 && h.day <= plot.lastDay)
        .map((h) => (
          <line key={h.day} x1={x(h.day)} x2={x(h.day)} y1={area.y + area.height} y2={area.y} />
        ))}
    </g>
  );
}

/**
 * The date axis: its line, a tick and a name at each of the `months` (already
 * thinned to fit: axes.ts thinMonths), and the axis' name under them, `line`
 * px lower.
 */
export function DateAxis({
  months,
  type,
  line,
}: {
  months: readonly MonthMark[];
  type: ChartType;
  line: number;
}) {
  const plot = usePlot();
  if (!plot) return null;
  const { area, x } = plot;
  const bottom = area.y + area.height;
  const ticks = inRun(months, plot.lastDay);
  // The axis' box is a line of text and 10 px tall; its name sits `line` px below the box.
  const nameY = bottom + line + 10 + line;
  return (
    <g className="chart-axis chart-date-axis">
      <line
        x1={area.x}
        x2={area.x + area.width}
        y1={bottom}
        y2={bottom}
        stroke="var(--axis)"
        fill="none"
      />
      <g stroke="var(--axis)" fill="none">
        {ticks.map((m) => (
          <line key={m.day} x1={x(m.day)} x2={x(m.day)} y1={bottom + TICK} y2={bottom} />
        ))}
      </g>
      {ticks.map((m) => (
        <text
          key={m.day}
          className="chart-tick-value"
          x={x(m.day)}
          y={bottom + TICK + TICK_GAP}
          dy="0.71em"
          textAnchor="middle"
          fontSize={type.px}
          fill="var(--axis)"
        >
          {m.label}
        </text>
      ))}
      <text
        className="chart-axis-name"
        x={area.x + area.width / 2}
        y={nameY}
        textAnchor="middle"
        fontSize={type.px}
        fill={NAME_FILL}
      >
        Simulated date
      </text>
    </g>
  );
}

/**
 * The accuracy axis: its line, a tick and its % at each of the `ticks`, and,
 * when `named`, its name along it, starting at its middle, `left` px from
 * the chart's edge.
 */
export function AccuracyAxis({
  ticks,
  type,
  named,
  left,
}: {
  /** The accuracy ticks shown (plotScale.ts shownAccuracyTicks). */
  ticks: readonly number[];
  type: ChartType;
  named: boolean;
  left: number;
}) {
  const plot = usePlot();
  if (!plot) return null;
  const { area, y } = plot;
  const middle = area.y + area.height / 2;
  return (
    <g className="chart-axis chart-accuracy-axis">
      <line
        x1={area.x}
        x2={area.x}
        y1={area.y}
        y2={area.y + area.height}
        stroke="var(--axis)"
        fill="none"
      />
      <g stroke="var(--axis)" fill="none">
        {ticks.map((v) => (
          <line key={v} x1={area.x - TICK} x2={area.x} y1={y(v)} y2={y(v)} />
        ))}
      </g>
      {ticks.map((v) => (
        <text
          key={v}
          className="chart-tick-value"
          x={area.x - TICK - TICK_GAP}
          y={y(v)}
          dy="0.355em"
          textAnchor="end"
          fontSize={type.px}
          fill="var(--axis)"
        >
          {percentTick(v)}
        </text>
      ))}
      {named && (
        <text
          className="chart-axis-name"
          transform={`rotate(-90, ${left}, ${middle})`}
          x={left}
          y={middle}
          dy="0.355em"
          textAnchor="start"
          fontSize={type.px}
          fill={NAME_FILL}
        >
          {ACCURACY_AXIS_NAME}
        </text>
      )}
    </g>
  );
}
