/**
 * Where the chart's callouts may go: the places around the point each one
 * talks about (above or below it, centred or to one side, nearest first),
 * kept clear of the plotted lines, whose height over a label's width is read
 * from the lines as drawn; and the Valentine's rush label at the top of its
 * shaded band. annotations.ts's placeNotes then picks, in order of
 * importance, the first place that overprints nothing, or leaves a callout out.
 *
 * Owns: those places, as pure geometry in px of the chart's SVG (whether a
 * box touches a line: calloutLines.ts). Must not touch: React, Recharts, the
 * words (callouts.ts).
 */
import {
  ALERT_STRIP,
  type Box,
  type NoteGeometry,
  type NoteRequest,
  type Spot,
  TICK_STRIP,
} from './annotations';
import { lineHeightOf } from './axes';
import type { Callout, RushBand } from './callouts';
import { lineTest, type Point, type Polyline, yAt } from './calloutLines';

export type { Point, Polyline };

export interface CalloutAt {
  key: string;
  text: string;
  /** Tried after every place for `text`, then `tiny` after every place for `short`. */
  short: string;
  tiny: string;
  /** The point it talks about. */
  point: Point;
}

/** How far a box is from a point (0 if the point is inside it). */
export function distanceTo(box: Box, p: Point): number {
  const dx = Math.max(box.left - p.x, 0, p.x - box.right);
  const dy = Math.max(box.top - p.y, 0, p.y - box.bottom);
  return Math.hypot(dx, dy);
}

/**
 * A request per callout, in the order given (most important first): its
 * places are rows of the plot (`within`) at half a line apart, the words
 * centred on the point's x, ending just left of it, starting just right of
 * it, or starting right of the day on screen (where no line is drawn yet),
 * in full, shorter or fewest words, nearest the point first (a shorter
 * wording counting as three lines further); at most `cap` callouts are placed.
 */
export function calloutRequests(
  callouts: readonly CalloutAt[],
  measure: (text: string) => number,
  line: number,
  within: Box,
  cap: number,
  todayX: number | null,
): NoteRequest[] {
  const side = Math.round(line * 0.5);
  return callouts.map((c) => {
    const { x } = c.point;
    const xs: [Spot['anchor'], number][] = [
      ['middle', x],
      ['end', x - side],
      ['start', x + side],
    ];
    if (todayX !== null && todayX > x) xs.push(['start', todayX + side]);
    // Fewer words near the point beat all the words far from it: each step down
    // to a shorter wording counts as three lines of distance.
    const places: { spot: Spot; d: number }[] = [];
    [...new Set([c.text, c.short, c.tiny])].forEach((text, shorter) => {
      const w = measure(text);
      for (let top = within.top; top + line <= within.bottom; top += line / 2)
        for (const [anchor, at] of xs) {
          const spot: Spot = { text, x: at, top, anchor };
          const left = anchor === 'start' ? at : anchor === 'end' ? at - w : at - w / 2;
          const box = { left, right: left + w, top, bottom: top + line };
          // Not on the point itself: its ring and leader must show.
          const d = distanceTo(box, c.point);
          if (d >= side) places.push({ spot, d: d + shorter * 3 * line });
        }
    });
    places.sort((a, b) => a.d - b.d);
    const spots = places.map((p) => p.spot);
    return {
      key: c.key,
      kind: 'callout',
      spots,
      within,
      point: c.point,
      avoid: true,
      cap,
    };
  });
}

/** The rush's label: at the top of the plot, over its band, or just left or right of it. */
export function rushRequest(
  text: string,
  from: number,
  to: number,
  top: number,
  line: number,
  within: Box,
): NoteRequest {
  const spots: Spot[] = [];
  for (const row of [0, 1, 2])
    spots.push(
      { text, x: (from + to) / 2, top: top + row * line, anchor: 'middle' },
      { text, x: from - 3, top: top + row * line, anchor: 'end' },
      { text, x: to + 3, top: top + row * line, anchor: 'start' },
    );
  return { key: 'rush', kind: 'rush', spots, within, avoid: true };
}

/** Callouts on screen at once: a phone's chart has room for two. */
export function calloutCap(chartWidth: number): number {
  return chartWidth < 500 ? 2 : 4;
}

export interface StoryLayer {
  callouts: readonly Callout[];
  rush: RushBand | null;
  /** The lines as drawn, per series ("static", "dynamic", and any reference line shown). */
  lines: Readonly<Record<string, readonly Polyline[]>>;
  /** The day on screen (its vertical line is kept clear too); 0: none. */
  view: number;
}

/**
 * The callouts' and the rush label's requests for chartNotes, and the test
 * that keeps them clear of the lines (the series and "today"'s line), by a
 * third of a line of text.
 */
export function storyRequests(
  g: Pick<NoteGeometry, 'plot' | 'px' | 'x' | 'chart'>,
  layer: StoryLayer,
  measure: (text: string) => number,
): { extra: NoteRequest[]; clear: (box: Box) => boolean } {
  const { plot } = g;
  const line = lineHeightOf(g.px);
  const within: Box = {
    left: plot.x,
    top: plot.y + ALERT_STRIP,
    right: plot.x + plot.width,
    bottom: plot.y + plot.height - TICK_STRIP,
  };
  const at: CalloutAt[] = [];
  for (const c of layer.callouts) {
    const x = g.x(c.day);
    const y = (layer.lines[c.role] ?? []).map((l) => yAt(l, x)).find((v) => v !== null);
    if (y !== undefined && y !== null)
      at.push({ key: c.key, text: c.text, short: c.short, tiny: c.tiny, point: { x, y } });
  }
  const todayX = layer.view > 0 ? g.x(layer.view) : null;
  const extra = calloutRequests(at, measure, line, within, calloutCap(g.chart.width), todayX);
  if (layer.rush)
    extra.push(
      rushRequest(
        layer.rush.label,
        g.x(layer.rush.from),
        g.x(layer.rush.to),
        within.top,
        line,
        within,
      ),
    );
  const drawn: Polyline[] = Object.values(layer.lines).flat();
  if (layer.view > 0) {
    const x = g.x(layer.view);
    drawn.push([
      { x, y: plot.y },
      { x, y: plot.y + plot.height },
    ]);
  }
  // Clear of the lines by a quarter of a line of text (at least 3 px).
  const pad = Math.max(3, Math.round(line / 4));
  const crosses = lineTest(drawn, pad);
  return { extra, clear: (box) => !crosses(box) };
}
