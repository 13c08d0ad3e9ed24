/**
 * The words written on the accuracy chart never overprint: "today" moves out
 * of the way of "training data" and of the holidays' names, which stagger
 * into a second row or shorten when they crowd (a phone's chart), at every
 * day of a year and at the widths of a phone, a laptop and two projectors.
 */
import { describe, expect, it } from 'vitest';
import {
  type Box,
  chartNotes,
  holidayRowsNeeded,
  intersects,
  type NoteGeometry,
  placeNotes,
  SHORT_HOLIDAY,
} from '../../src/ui/chart/annotations';
import { lineHeightOf } from '../../src/ui/chart/axes';
import { holidayMarks } from '../../src/ui/chart/chartData';

const measureAt = (px: number) => (text: string) => text.length * px * 0.62;

const HOLIDAYS = holidayMarks('2025-07-01', 365);
const input = (view: number) => ({ collectionDays: 62, lastDay: 365, view, holidays: HOLIDAYS });

/** A chart `width` px wide with text of `px`: the plot as AccuracyChart lays it out. */
function geometry(width: number, px: number, rows?: number): NoteGeometry {
  // As the chart does: as many rows of holiday names as they need.
  const holidayRows = rows ?? holidayRowsNeeded(geometry(width, px, 0), input(0), measureAt(px));
  const line = lineHeightOf(px);
  const plotX = 4 + Math.ceil(measureAt(px)('100%') + 10 + line);
  const plot = {
    x: plotX,
    y: holidayRows * line + 4,
    width: width - plotX - 16,
    height: 300,
  };
  return {
    plot,
    chart: { width, height: plot.y + plot.height + 2 * line + 14 },
    px,
    x: (day) => plot.x + ((day - 1) / 364) * plot.width,
    holidayRows,
  };
}

/** Chart widths: a phone, presenting at 1280x720 beside the cards, a laptop, presenting at 1920x1080. */
const SIZES: [number, number][] = [
  [328, 12.75],
  [328, 14],
  [740, 16.6],
  [860, 12.75],
  [1150, 24.8],
];

const inside = (a: Box, b: Box) =>
  a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

describe('labels on the chart never overprint', () => {
  it('at every day of the year, at each width: no two labels meet, all inside the chart', () => {
    for (const [width, px] of SIZES) {
      const g = geometry(width, px);
      const chart = { left: 0, top: 0, right: width, bottom: g.chart.height };
      for (let view = 0; view <= 365; view++) {
        const notes = chartNotes(g, input(view), measureAt(px));
        for (const n of notes) expect(inside(n.box, chart)).toBe(true);
        for (let i = 0; i < notes.length; i++)
          for (let j = i + 1; j < notes.length; j++)
            expect(intersects(notes[i].box, notes[j].box), `${width}px day ${view}`).toBe(false);
        // "today" is always written, inside the plot, beside its own line.
        const today = notes.find((n) => n.kind === 'today');
        if (view === 0) expect(today).toBeUndefined();
        else {
          expect(today).toBeDefined();
          const x = g.x(view);
          const side = Math.min(Math.abs(today!.box.left - x), Math.abs(today!.box.right - x));
          expect(side).toBeLessThanOrEqual(px);
          expect(today!.box.left).toBeGreaterThanOrEqual(g.plot.x);
          expect(today!.box.right).toBeLessThanOrEqual(g.plot.x + g.plot.width);
        }
      }
    }
  });

  it('on Valentine’s Day (today on the holiday’s line) every label is written', () => {
    for (const [width, px] of SIZES) {
      const notes = chartNotes(geometry(width, px), input(229), measureAt(px));
      expect(notes.map((n) => n.kind).sort(), `${width}px, ${px}px text`).toEqual([
        'holiday',
        'holiday',
        'holiday',
        'today',
        'training',
      ]);
    }
  });

  it('"today" steps aside where "training data" is written', () => {
    const g = geometry(860, 12.75);
    const notes = chartNotes(g, input(20), measureAt(12.75));
    const training = notes.find((n) => n.kind === 'training')!;
    const today = notes.find((n) => n.kind === 'today')!;
    expect(intersects(training.box, today.box)).toBe(false);
  });

  it('a laptop’s chart names the three holidays in full on one row; a phone’s staggers or shortens them', () => {
    const wide = geometry(860, 12.75, 0);
    expect(holidayRowsNeeded(wide, input(229), measureAt(12.75))).toBe(1);
    const full = chartNotes(geometry(860, 12.75, 1), input(229), measureAt(12.75));
    expect(full.filter((n) => n.kind === 'holiday').map((n) => n.text)).toEqual([
      'Valentine’s Day',
      'Mother’s Day',
      'Christmas',
    ]);

    const phone = geometry(328, 12.75, 0);
    expect(holidayRowsNeeded(phone, input(229), measureAt(12.75))).toBe(2);
    const crowded = chartNotes(geometry(328, 12.75, 2), input(229), measureAt(12.75)).filter(
      (n) => n.kind === 'holiday',
    );
    expect(crowded).toHaveLength(3);
    const tops = new Set(crowded.map((n) => n.top));
    const short = crowded.filter((n) => Object.values(SHORT_HOLIDAY).includes(n.text));
    expect(tops.size > 1 || short.length > 0).toBe(true);
    // Valentine's Day, the lesson's holiday, keeps its full name.
    expect(crowded[0].text).toBe('Valentine’s Day');
  });

  it('the holidays’ places do not move as the days go by', () => {
    for (const [width, px] of SIZES) {
      const g = geometry(width, px);
      const at = (view: number) =>
        chartNotes(g, input(view), measureAt(px))
          .filter((n) => n.kind === 'holiday')
          .map((n) => [n.text, n.box.left, n.top]);
      expect(at(1)).toEqual(at(365));
    }
  });
});

describe('placing labels', () => {
  const bounds = { left: 0, top: 0, right: 100, bottom: 100 };
  const measure = (t: string) => t.length * 10;

  it('takes the first spot that is clear, and leaves a label out when none is', () => {
    const placed = placeNotes(
      [
        { key: 'a', kind: 'holiday', spots: [{ text: 'aaa', x: 50, top: 0, anchor: 'middle' }] },
        {
          key: 'b',
          kind: 'holiday',
          spots: [
            { text: 'bbb', x: 60, top: 0, anchor: 'middle' },
            { text: 'bbb', x: 60, top: 20, anchor: 'middle' },
          ],
        },
        { key: 'c', kind: 'holiday', spots: [{ text: 'ccc', x: 45, top: 0, anchor: 'start' }] },
      ],
      measure,
      16,
      bounds,
      4,
    );
    expect(placed.map((p) => [p.key, p.box.left, p.top])).toEqual([
      ['a', 35, 0],
      ['b', 45, 20],
    ]);
  });

  it('a spot reaching past its bounds is not taken', () => {
    const placed = placeNotes(
      [
        {
          key: 'a',
          kind: 'today',
          spots: [
            { text: 'today', x: 80, top: 0, anchor: 'start' },
            { text: 'today', x: 75, top: 0, anchor: 'end' },
          ],
        },
      ],
      measure,
      16,
      bounds,
      4,
    );
    expect(placed[0].box).toEqual({ left: 25, top: 0, right: 75, bottom: 16 });
  });

  it('two labels side by side closer than the gap count as touching', () => {
    const a = { left: 0, top: 0, right: 10, bottom: 10 };
    expect(intersects(a, { left: 12, top: 0, right: 20, bottom: 10 }, 4)).toBe(true);
    expect(intersects(a, { left: 15, top: 0, right: 20, bottom: 10 }, 4)).toBe(false);
    // Rows of text are spaced by their line height: one under the other never touch.
    expect(intersects(a, { left: 0, top: 10, right: 10, bottom: 20 }, 4)).toBe(false);
  });
});
