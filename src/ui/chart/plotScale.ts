/**
 * The accuracy chart's geometry, as plain numbers: where the plot sits in
 * the chart's box, the day and accuracy scales, the accuracy axis' ticks,
 * which day the pointer is on and where the tooltip goes. What Recharts
 * computed for the chart's frame until the chart view stopped loading it
 * (issue 15: Recharts was ~47% of the first view's JS and drew only the
 * frame); the same numbers, so the chart looks as it did.
 *
 * Owns: that arithmetic. Must not touch: React, the DOM or the numbers drawn
 * (chartData.ts).
 */

/** The plot's rectangle inside the chart's box (px). */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The plot as the chart's layers draw it: its scales, its rectangle and the box's size. */
export interface Plot {
  /** A run day's x (px); days between and beyond are placed on the same line. */
  x: (day: number) => number;
  /** An accuracy's y (px), 1 at the top of the plot. */
  y: (value: number) => number;
  area: PlotArea;
  /** The whole chart's box (px). */
  width: number;
  height: number;
  /** The run's days: 1 to lastDay along the plot's width. */
  lastDay: number;
  /** The accuracy axis' lower edge (its upper edge is 1). */
  floor: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A linear map from `domain` onto `range` (a degenerate domain maps onto the range's start). */
export function linear(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (v: number) => number {
  const span = d1 - d0;
  if (span === 0) return () => r0;
  const k = (r1 - r0) / span;
  return (v) => r0 + (v - d0) * k;
}

/**
 * The plot in a `width` x `height` box with `margins` around it: days 1 to
 * `lastDay` across, accuracy `floor` to 1 up.
 */
export function plotOf(
  width: number,
  height: number,
  margins: Margins,
  lastDay: number,
  floor: number,
): Plot {
  const area: PlotArea = {
    x: margins.left,
    y: margins.top,
    width: Math.max(0, width - margins.left - margins.right),
    height: Math.max(0, height - margins.top - margins.bottom),
  };
  return {
    x: linear([1, lastDay], [area.x, area.x + area.width]),
    y: linear([floor, 1], [area.y + area.height, area.y]),
    area,
    width,
    height,
    lastDay,
    floor,
  };
}

/** 10^n for the order of magnitude `n` of `v` (0.125 -> n = 0, as Recharts counts digits). */
function digitCount(v: number): number {
  return v === 0 ? 1 : Math.floor(Math.log10(Math.abs(v))) + 1;
}

/** Rounds away float noise (0.15 / 0.05 = 2.9999999999999996). */
const clean = (v: number) => Math.round(v * 1e9) / 1e9;

/**
 * The accuracy axis' ticks from `floor` to 1: a round step that gives at most
 * `count` ticks, from the floor up, and 1 itself (Recharts' rule for an
 * axis of fixed domain: 0.5 -> 50, 65, 80, 95, 100%).
 */
export function accuracyTicks(floor: number, count = 5): number[] {
  if (floor >= 1) return [1];
  const rough = (1 - floor) / (Math.max(2, count) - 1);
  const digits = digitCount(rough);
  const magnitude = 10 ** digits;
  const scale = digits !== 1 ? 0.05 : 0.1;
  const step = clean(Math.ceil(clean(rough / magnitude / scale)) * scale * magnitude);
  const ticks: number[] = [];
  for (let v = floor; v < 1 - 1e-9; v = clean(v + step)) ticks.push(v);
  ticks.push(1);
  return ticks;
}

/** The least room between two accuracy ticks' words (px), as Recharts kept it. */
const MIN_TICK_GAP = 5;

/**
 * The accuracy ticks whose words fit, `labelHeight` px tall each, down the
 * chart's height: from the top (100%) down, a tick is kept when its words
 * clear the words kept above it by 5 px and stay inside the chart (Recharts'
 * "preserveEnd" rule: a short plot drops 95% rather than overprint 100%).
 */
export function shownAccuracyTicks(plot: Plot, labelHeight: number): number[] {
  const ticks = accuracyTicks(plot.floor);
  const half = labelHeight / 2;
  let clear = 0;
  const shown: number[] = [];
  for (let i = ticks.length - 1; i >= 0; i--) {
    let at = plot.y(ticks[i]);
    // The top tick's words may reach above the chart: they are judged as if moved down inside it.
    if (i === ticks.length - 1 && half > at) at = half;
    if (at - half < clear || at + half > plot.height) continue;
    clear = at + half + MIN_TICK_GAP;
    shown.unshift(ticks[i]);
  }
  return shown;
}

/** An accuracy tick's words: "65%". */
export const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The day under the pointer at `px` (from the box's left edge): the nearest
 * run day, or null when the pointer is left or right of the plot.
 */
export function dayAt(plot: Plot, px: number): number | null {
  const { area, lastDay } = plot;
  if (px < area.x || px > area.x + area.width) return null;
  if (lastDay <= 1 || area.width === 0) return 1;
  const day = 1 + Math.round(((px - area.x) / area.width) * (lastDay - 1));
  return Math.min(lastDay, Math.max(1, day));
}

/** How far the tooltip keeps from the point it describes (px). */
const TOOLTIP_GAP = 10;

/**
 * Where the tooltip's box (`w` x `h`) goes for a point at (`x`, `y`): right
 * of and below it, or left of and above it where it would leave the plot
 * (never past the plot's left or top edge), as Recharts placed it.
 */
export function tooltipAt(
  area: PlotArea,
  x: number,
  y: number,
  w: number,
  h: number,
): { x: number; y: number } {
  const place = (at: number, size: number, start: number, length: number) => {
    const after = at + TOOLTIP_GAP;
    if (after + size > start + length) return Math.max(at - size - TOOLTIP_GAP, start);
    return Math.max(after, start);
  };
  return { x: place(x, w, area.x, area.width), y: place(y, h, area.y, area.height) };
}
