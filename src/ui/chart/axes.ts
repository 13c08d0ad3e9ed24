/**
 * The date and accuracy axes of the strategy comparison, as props to spread
 * on Recharts' XAxis and YAxis; the sizes both accuracy charts share (the
 * accuracy axis' width and name, a line of chart text; the lab's chart draws
 * its own axes: frameMarks.tsx); and which month labels fit along a line of
 * a given width (the date axis and the timeline's scrubber), so labels thin
 * out instead of colliding.
 *
 * Owns: the axes' look, ticks and labels, sized for the chart's text.
 * Must not touch: Recharts itself (plain objects, so this loads with either
 * chart's chunk and nothing more) or the DOM (text is measured by the caller).
 */
import type { MonthMark } from '../../sim/world/calendar';

/** The chart's text: its size in px, and how wide a string is drawn at that size. */
export interface ChartType {
  px: number;
  measure: (text: string) => number;
}

/** Height of one line of chart text: the rendered glyph box is about 1.16 em. */
export const lineHeightOf = (px: number) => Math.ceil(px * 1.25);

/** Days along the bottom, with a month mark's label at each of its days. */
export function dateAxis(months: readonly MonthMark[], domain: [number, number], type?: ChartType) {
  const line = type ? lineHeightOf(type.px) : 0;
  return {
    dataKey: 'day',
    type: 'number' as const,
    domain,
    ticks: months.map((m) => m.day),
    tickFormatter: (day: number) => months.find((m) => m.day === day)?.label ?? '',
    allowDataOverflow: true,
    stroke: 'var(--axis)',
    // Sized text: the caller has already thinned the months to fit (thinMonths), so all show.
    ...(type
      ? {
          interval: 0 as const,
          tick: { fontSize: type.px },
          height: line + 10,
          label: {
            value: 'Simulated date',
            position: 'insideBottom' as const,
            offset: -line,
            fontSize: type.px,
          },
        }
      : { label: { value: 'Simulated date', position: 'insideBottom' as const, offset: -18 } }),
  };
}

export const ACCURACY_AXIS_NAME = 'Accuracy (%)';

/**
 * Room left of the plot for the accuracy ticks and, when `named`, the
 * rotated axis name.
 */
export function accuracyAxisWidth(type?: ChartType, named = true): number {
  if (!type) return 64;
  return Math.ceil(type.measure('100%') + 10 + (named ? lineHeightOf(type.px) : 0));
}

/**
 * Accuracy as a percentage, from `floor` to 100%; `named`: with the axis'
 * name along it (a plot shorter than the name goes without: its ticks say %).
 */
export function accuracyAxis(floor: number, type?: ChartType, named = true) {
  return {
    domain: [floor, 1] as [number, number],
    tickFormatter: (v: number) => `${Math.round(v * 100)}%`,
    allowDataOverflow: true,
    width: accuracyAxisWidth(type, named),
    label: named
      ? {
          value: ACCURACY_AXIS_NAME,
          angle: -90,
          position: 'insideLeft' as const,
          offset: type ? 0 : 10,
          ...(type ? { fontSize: type.px } : {}),
        }
      : undefined,
    ...(type ? { tick: { fontSize: type.px } } : {}),
    stroke: 'var(--axis)',
  };
}

/** Where the month labels sit along their line, and how much room they have. */
export interface MonthLine {
  /** The label's position (px) of a run day. */
  x: (day: number) => number;
  /** 'middle': centred on the mark (an axis tick); 'start': begins at it (the scrubber). */
  anchor: 'middle' | 'start';
  /** No label may reach past these edges (px). */
  bounds: [number, number];
  /** The least space between two labels (px). */
  gap: number;
  measure: (text: string) => number;
}

/** Calendar month (0 = January) of each mark, whose label starts with the month's name. */
const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const monthOf = (m: MonthMark) => MONTH_NAMES.indexOf(m.label.slice(0, 3));

/** Every nth calendar month, n dividing 12, so January (which names the year) is always among them. */
const STEPS = [1, 2, 3, 6, 12];

/**
 * The month marks to label along a line: every month if their labels fit
 * side by side, else every second, third, sixth or twelfth calendar month
 * (January, with its year, is always one of them), the first mark always (it
 * carries the year too). A label that would collide with one already kept, or
 * reach past the edges, is left out; a step is taken when only labels at the
 * ends are left out (past an edge, or the month beside a first mark that
 * starts mid-month), so the labels kept are evenly spaced.
 * The marks not labelled keep their tick or position; only the words go.
 */
export function thinMonths(marks: readonly MonthMark[], line: MonthLine): MonthMark[] {
  let best: MonthMark[] = [];
  for (const step of STEPS) {
    const wanted = marks.filter((m, i) => i === 0 || monthOf(m) % step === 0);
    const kept = fitAlong(wanted, line);
    const ends = new Set([wanted[0], wanted[1], wanted[wanted.length - 1]]);
    if (wanted.every((m) => kept.includes(m) || ends.has(m))) return kept;
    if (kept.length > best.length) best = kept;
  }
  return best;
}

/** The marks, in order, that fit: each inside the bounds and clear of the one kept before it. */
function fitAlong(marks: readonly MonthMark[], line: MonthLine): MonthMark[] {
  const kept: MonthMark[] = [];
  let end = -Infinity;
  for (const m of marks) {
    const width = line.measure(m.label);
    const left = line.anchor === 'middle' ? line.x(m.day) - width / 2 : line.x(m.day);
    const right = left + width;
    if (left < line.bounds[0] || right > line.bounds[1]) continue;
    if (left < end + line.gap) continue;
    kept.push(m);
    end = right;
  }
  return kept;
}
