/**
 * The live chart's geometry (src/ui/chart/linePath.ts): its lines go through
 * the same points, with the same gaps, as the d3-shape linear line that
 * Recharts' Line drew them with; the tooltip's row is the nearest drawn day.
 */
import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import type { ChartRow } from '../../src/ui/chart/chartData';
import { linePath, nearestRow } from '../../src/ui/chart/linePath';
import { bandPath, medianPath } from '../../src/ui/chart/manyWorldsLayer';

const row = (day: number, value: number | null): ChartRow => ({
  day,
  date: `2025-07-${String(day).padStart(2, '0')}`,
  static: value,
  dynamic: value === null ? null : 1 - value,
  oracle: null,
  baseline: null,
});

const x = (day: number) => 10 + day * 7.3;
const y = (value: number) => 300 - value * 250;

/** The strokes of a path: each "M" starts one, as a list of [x, y]. */
function strokes(d: string): [number, number][][] {
  return (d.match(/M[^M]*/g) ?? []).map((part) =>
    (part.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [])
      .map(Number)
      .reduce<[number, number][]>(
        (pts, v, i, all) => (i % 2 ? pts : [...pts, [v, all[i + 1]]]),
        [],
      ),
  );
}

describe('linePath', () => {
  const rows = [
    row(1, null),
    row(2, null),
    row(3, 0.8),
    row(4, 0.75),
    row(5, 0.9),
    row(6, null),
    row(7, 0.6),
    row(8, 0.65),
  ];

  it.each(['static', 'dynamic'] as const)('%s: the points and gaps of a d3 linear line', (key) => {
    const d3 = line<ChartRow>()
      .defined((r) => r[key] !== null)
      .x((r) => x(r.day))
      .y((r) => y(r[key] as number))(rows);
    const ours = strokes(linePath(rows, key, x, y));
    const theirs = strokes(d3 ?? '');
    expect(ours.map((s) => s.length)).toEqual([3, 2]);
    expect(ours.map((s) => s.length)).toEqual(theirs.map((s) => s.length));
    ours.flat().forEach(([px, py], i) => {
      const [qx, qy] = theirs.flat()[i];
      expect(Math.abs(px - qx)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(py - qy)).toBeLessThanOrEqual(0.05);
    });
  });

  it('draws nothing for a line without values', () => {
    expect(linePath(rows, 'oracle', x, y)).toBe('');
  });
});

describe('nearestRow', () => {
  const thinned = [row(1, 0.5), row(4, 0.5), row(10, 0.5)];

  it('picks the drawn day nearest the pointer, the earlier one on a tie', () => {
    expect(nearestRow(thinned, 1)?.day).toBe(1);
    expect(nearestRow(thinned, 2)?.day).toBe(1);
    expect(nearestRow(thinned, 2.5)?.day).toBe(1);
    expect(nearestRow(thinned, 3)?.day).toBe(4);
    expect(nearestRow(thinned, 8)?.day).toBe(10);
  });

  it('past the last row (after the day on screen), the last row', () => {
    expect(nearestRow(thinned, 365)?.day).toBe(10);
  });

  it('nothing without rows or without a day', () => {
    expect(nearestRow([], 3)).toBeUndefined();
    expect(nearestRow(thinned, Number.NaN)).toBeUndefined();
  });
});

describe('the many-worlds band', () => {
  const band = [
    { day: 1, median: 0.5, low: 0.4, high: 0.6 },
    { day: 2, median: 0.6, low: 0.5, high: 0.7 },
  ];
  const x = (day: number) => day * 10;
  const y = (value: number) => value * 100;

  it('draws the median through each day, and the band along the high quantile and back along the low one', () => {
    expect(medianPath(band, x, y)).toBe('M10.0,50.0L20.0,60.0');
    expect(bandPath(band, x, y)).toBe('M10.0,60.0L20.0,70.0L20.0,50.0L10.0,40.0Z');
    expect(bandPath([], x, y)).toBe('');
  });
});
