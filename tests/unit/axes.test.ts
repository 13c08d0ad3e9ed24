/**
 * Month labels that thin out instead of colliding, along the chart's date
 * axis and under the timeline's scrubber, at a phone's width and wider; the
 * axes sized for the chart's text.
 */
import { describe, expect, it } from 'vitest';
import { type MonthMark, monthMarks } from '../../src/sim/world/calendar';
import {
  accuracyAxis,
  accuracyAxisWidth,
  dateAxis,
  type MonthLine,
  thinMonths,
} from '../../src/ui/chart/axes';
import { axisMonths } from '../../src/ui/chart/chartData';

/** DejaVu Sans is about 0.6 em a character; tests use a little more, as the app's fallback does. */
const measureAt = (px: number) => (text: string) => text.length * px * 0.62;

/** The scrubber: a label starts at its month's day, across `width` px. */
function scrubber(width: number, lastDay: number, px = 11.25): MonthLine {
  return {
    x: (day) => ((day - 1) / lastDay) * width,
    anchor: 'start',
    bounds: [0, width],
    gap: Math.round(px * 0.6),
    measure: measureAt(px),
  };
}

/** The chart's axis: a label centred on its tick, the plot `plotX` px from the chart's left. */
function axis(width: number, lastDay: number, px: number, plotX = 70): MonthLine {
  const plotWidth = width - plotX - 16;
  return {
    x: (day) => plotX + ((day - 1) / (lastDay - 1)) * plotWidth,
    anchor: 'middle',
    bounds: [0, width],
    gap: Math.round(px * 0.8),
    measure: measureAt(px),
  };
}

/** Each label's [left, right], in the line's px. */
function spans(marks: readonly MonthMark[], line: MonthLine): [number, number][] {
  return marks.map((m) => {
    const w = line.measure(m.label);
    const left = line.anchor === 'middle' ? line.x(m.day) - w / 2 : line.x(m.day);
    return [left, left + w];
  });
}

function expectClear(marks: readonly MonthMark[], line: MonthLine) {
  const boxes = spans(marks, line);
  for (const [left, right] of boxes) {
    expect(left).toBeGreaterThanOrEqual(line.bounds[0]);
    expect(right).toBeLessThanOrEqual(line.bounds[1]);
  }
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i][0] - boxes[i - 1][1]).toBeGreaterThanOrEqual(line.gap);
}

const YEAR = monthMarks('2025-07-01', 365);
const labels = (marks: readonly MonthMark[]) => marks.map((m) => m.label);

describe('month labels thin out instead of colliding', () => {
  it('a wide scrubber names every month', () => {
    const line = scrubber(1300, 365);
    const kept = thinMonths(YEAR, line);
    expect(kept).toEqual(YEAR);
    expectClear(kept, line);
  });

  it('a phone’s scrubber (326 px) names every third month, the years among them', () => {
    const line = scrubber(326, 365);
    // Every month at once collides: "Jul 2025" runs into "Aug" (the bug: "Jul 20Aug").
    const all = spans(YEAR, line);
    expect(all[0][1]).toBeGreaterThan(all[1][0]);
    const kept = thinMonths(YEAR, line);
    expect(labels(kept)).toEqual(['Jul 2025', 'Oct', 'Jan 2026', 'Apr']);
    expectClear(kept, line);
  });

  it('at every width from a phone to a projector, no two labels touch and January is named', () => {
    for (let width = 200; width <= 1900; width += 7) {
      const lines = [scrubber(width, 365), axis(width, 365, 12.75), axis(width, 365, 24.8)];
      for (const line of lines) expectClear(thinMonths(YEAR, line), line);
      // The sizes each width meets: a phone's text from 320 px, a projector's from 900.
      for (const line of width >= 900 ? lines : width >= 320 ? lines.slice(0, 2) : [])
        expect(labels(thinMonths(YEAR, line))).toContain('Jan 2026');
    }
  });

  it('the kept months are evenly spaced: every month, or every 2nd, 3rd, 6th or 12th', () => {
    const index = (m: MonthMark) => YEAR.findIndex((y) => y.day === m.day);
    for (let width = 300; width <= 1900; width += 50) {
      const kept = thinMonths(YEAR, axis(width, 365, 16.6));
      const steps = new Set(kept.slice(1).map((m, i) => index(m) - index(kept[i])));
      expect(steps.size).toBeLessThanOrEqual(1);
    }
  });

  it('a run that starts mid-month keeps its first, dated mark and drops the month beside it', () => {
    const marks = monthMarks('2025-07-25', 365);
    expect(marks[0].label).toBe('Jul 2025');
    expect(marks[1].day).toBe(8); // 1 August
    const line = scrubber(900, 365);
    const kept = thinMonths(marks, line);
    expect(kept[0].label).toBe('Jul 2025');
    expect(labels(kept)).not.toContain('Aug');
    expect(labels(kept)).toContain('Sep');
    expectClear(kept, line);
  });

  it('ten years on a phone: Januaries only, as many as fit', () => {
    const marks = axisMonths('2025-07-01', 3650);
    const line = scrubber(326, 3650);
    const kept = thinMonths(marks, line);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.every((m) => /\d{4}/.test(m.label))).toBe(true);
    expectClear(kept, line);
  });
});

describe('axes sized for the chart’s text', () => {
  it('without a size they are as before (the comparison’s chart)', () => {
    expect(accuracyAxis(0.5).width).toBe(64);
    expect(dateAxis(YEAR, [1, 365])).not.toHaveProperty('interval');
  });

  it('with one, ticks and labels take it, and the accuracy axis grows to hold them', () => {
    const type = { px: 24, measure: measureAt(24) };
    const x = dateAxis(YEAR, [1, 365], type) as ReturnType<typeof dateAxis> & {
      tick: unknown;
      interval: number;
      height: number;
    };
    expect(x.tick).toEqual({ fontSize: 24 });
    // Every given tick is drawn: the caller thinned them to fit.
    expect(x.interval).toBe(0);
    expect(x.height).toBeGreaterThanOrEqual(24 * 1.16 + 6);
    const y = accuracyAxis(0.5, type);
    expect(y.tick).toEqual({ fontSize: 24 });
    expect(y.width).toBe(accuracyAxisWidth(type));
    expect(y.width).toBeGreaterThan(type.measure('100%') + 24);
  });
});
