/**
 * Where the words written on the accuracy chart go: "training data" in its
 * shaded band, the gift holidays' names above the plot (in one, two or three
 * rows, shortened when they crowd), and "today" beside its line, on the side and
 * at the height where it hits nothing else. No two labels ever overlap: each
 * takes the first of its places that is inside the chart and clear of every
 * label placed before it, or is left out (its line stays).
 *
 * Owns: the placement rules, as pure functions of the plot's geometry and a
 * text measure, so unit tests check them at any width without a browser.
 * Must not touch: React, Recharts or the DOM.
 */
import type { HolidayMark } from './chartData';
import { lineHeightOf } from './axes';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One place a label may take: its words, the x it hangs from and the top of its line of text. */
export interface Spot {
  text: string;
  x: number;
  top: number;
  anchor: 'start' | 'middle' | 'end';
}

export type NoteKind = 'training' | 'holiday' | 'today' | 'callout' | 'rush';

export interface NoteRequest {
  key: string;
  kind: NoteKind;
  /** In order of preference. */
  spots: Spot[];
  /** Where the label must stay (the chart's bounds if not given). */
  within?: Box;
  /** The point it talks about (a callout's marker and leader line). */
  point?: { x: number; y: number };
  /** Kept clear of the plotted lines (placeNotes' `clear`). */
  avoid?: boolean;
  /** Placed only while fewer than `cap` labels of its kind are. */
  cap?: number;
}

export interface PlacedNote extends Spot {
  key: string;
  kind: NoteKind;
  box: Box;
  point?: { x: number; y: number };
}

export function boxOf(spot: Spot, width: number, height: number): Box {
  const left =
    spot.anchor === 'start' ? spot.x : spot.anchor === 'end' ? spot.x - width : spot.x - width / 2;
  return { left, top: spot.top, right: left + width, bottom: spot.top + height };
}

/**
 * Whether two boxes overlap, or come closer than `gap` side by side (so two
 * names on one row would read as one). Lines of text are spaced already.
 */
export function intersects(a: Box, b: Box, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom && b.top < a.bottom;
}

const inside = (a: Box, b: Box) =>
  a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/**
 * Places the labels in the order given (the most important first): each at
 * its first spot inside its bounds and clear of every label already placed
 * (at least `gap` px beside it), and, if it asks to avoid them, where
 * `clear` says no plotted line passes; a label with no such spot, or past
 * its kind's cap, is left out.
 */
export function placeNotes(
  requests: readonly NoteRequest[],
  measure: (text: string) => number,
  lineHeight: number,
  bounds: Box,
  gap: number,
  clear: (box: Box) => boolean = () => true,
): PlacedNote[] {
  const placed: PlacedNote[] = [];
  for (const r of requests) {
    if (r.cap !== undefined && placed.filter((p) => p.kind === r.kind).length >= r.cap) continue;
    for (const spot of r.spots) {
      const box = boxOf(spot, measure(spot.text), lineHeight);
      if (!inside(box, r.within ?? bounds)) continue;
      if (placed.some((p) => intersects(p.box, box, gap))) continue;
      if (r.avoid && !clear(box)) continue;
      placed.push({ ...spot, key: r.key, kind: r.kind, box, point: r.point });
      break;
    }
  }
  return placed;
}

/** The plot's rectangle and the whole chart's size, in px of the chart's SVG. */
export interface NoteGeometry {
  plot: { x: number; y: number; width: number; height: number };
  chart: { width: number; height: number };
  /** The chart's text size. */
  px: number;
  /** x of a run day (the date axis' scale). */
  x: (day: number) => number;
  /** Rows of holiday names above the plot (the top margin makes room for them). */
  holidayRows: number;
}

export interface NoteInputs {
  /** Days 1..collectionDays are the static model's training data (0: no band). */
  collectionDays: number;
  lastDay: number;
  /** The day on screen (0: before the first; no "today" line). */
  view: number;
  /** The holidays to name, Valentine's Day first (the lesson's holiday). */
  holidays: readonly HolidayMark[];
}

/** Shorter names for when the full ones crowd. */
export const SHORT_HOLIDAY: Record<HolidayMark['name'], string> = {
  valentine: 'Valentine’s',
  mothersDay: 'Mother’s',
  christmas: 'Xmas',
};

const PRIORITY: HolidayMark['name'][] = ['valentine', 'mothersDay', 'christmas'];

/** Height of the drift alerts' marks along the top of the plot ("today" goes below them). */
export const ALERT_STRIP = 14;
/** Height of the retraining ticks along the bottom ("today" may go above them). */
export const TICK_STRIP = 20;

/**
 * The chart's labels, placed: "training data" first (it never moves), then
 * "today" (right of its line, where no data is drawn yet; else left of it;
 * below the top strip of alerts or above the bottom strip of job ticks),
 * then `extra` (the callouts and the rush's label, calloutPlacement.ts: kept
 * clear of the lines by `clear`), then the holidays by priority, each centred
 * on its line or hung from one side of it, in the nearest row above the
 * plot, in full and then shortened.
 */
export function chartNotes(
  g: NoteGeometry,
  input: NoteInputs,
  measure: (text: string) => number,
  extra: readonly NoteRequest[] = [],
  clear?: (box: Box) => boolean,
): PlacedNote[] {
  const line = lineHeightOf(g.px);
  const gap = Math.max(4, Math.round(g.px * 0.4));
  const { plot } = g;
  const plotBox: Box = {
    left: plot.x,
    top: plot.y,
    right: plot.x + plot.width,
    bottom: plot.y + plot.height,
  };
  const requests: NoteRequest[] = [];

  if (input.collectionDays > 0) {
    const from = g.x(1);
    const to = g.x(input.collectionDays);
    const text = 'training data';
    // Beyond its band only while the band is a fair share of the run (not a sliver of a long one).
    const spots: Spot[] = [{ text, x: (from + to) / 2, top: plot.y + 3, anchor: 'middle' }];
    if (input.collectionDays / input.lastDay >= 0.08)
      spots.push({ text, x: from + 4, top: plot.y + 3, anchor: 'start' });
    requests.push({ key: 'training', kind: 'training', spots, within: plotBox });
  }

  if (input.view > 0) {
    const x = g.x(input.view);
    const high = plot.y + ALERT_STRIP;
    const low = plot.y + plot.height - TICK_STRIP - line;
    const side = Math.max(5, Math.round(g.px * 0.35));
    const text = 'today';
    requests.push({
      key: 'today',
      kind: 'today',
      spots: [
        { text, x: x + side, top: high, anchor: 'start' },
        { text, x: x - side, top: high, anchor: 'end' },
        { text, x: x + side, top: low, anchor: 'start' },
        { text, x: x - side, top: low, anchor: 'end' },
      ],
      within: plotBox,
    });
  }

  requests.push(...extra);

  const holidays = [...input.holidays].sort(
    (a, b) => PRIORITY.indexOf(a.name) - PRIORITY.indexOf(b.name) || a.day - b.day,
  );
  const rows = Array.from({ length: g.holidayRows }, (_, r) => plot.y - (r + 1) * line - 1);
  for (const h of holidays) {
    const x = g.x(h.day);
    const spots: Spot[] = [];
    for (const text of [h.label, SHORT_HOLIDAY[h.name]])
      for (const top of rows)
        spots.push(
          { text, x, top, anchor: 'middle' },
          { text, x: x + 3, top, anchor: 'end' },
          { text, x: x - 3, top, anchor: 'start' },
        );
    requests.push({ key: `holiday-${h.day}`, kind: 'holiday', spots });
  }

  const chart: Box = { left: 0, top: 0, right: g.chart.width, bottom: g.chart.height };
  return placeNotes(requests, measure, line, chart, gap, clear);
}

/**
 * Rows of holiday names the chart needs above its plot: none without a
 * holiday to name, one when every name fits in full on one row, else two
 * when every name fits in two rows (in full or shortened), else three.
 * Only the plot's left and width matter (the rows are above it).
 */
export function holidayRowsNeeded(
  g: Omit<NoteGeometry, 'holidayRows'>,
  input: NoteInputs,
  measure: (text: string) => number,
): number {
  if (input.holidays.length === 0) return 0;
  const line = lineHeightOf(g.px);
  const named = (rows: number) => {
    // A plot with room for `rows` rows of names above it.
    const plot = { ...g.plot, y: rows * line + 2 };
    const chart = { width: g.chart.width, height: plot.y + plot.height + 2 * line };
    return chartNotes({ ...g, plot, chart, holidayRows: rows }, input, measure).filter(
      (n) => n.kind === 'holiday',
    );
  };
  const full = new Set(input.holidays.map((h) => h.label));
  const one = named(1);
  if (one.length === input.holidays.length && one.every((n) => full.has(n.text))) return 1;
  return named(2).length === input.holidays.length ? 2 : 3;
}
