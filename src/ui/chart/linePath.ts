/**
 * The accuracy lines as SVG path data, and the row a pointer's day falls on:
 * the geometry the live part of the chart (liveChart.tsx) draws with, as
 * Recharts' linear Line drew it (a gap, a null value, starts a new stroke).
 *
 * Owns: these two pure functions. Must not touch: React, Recharts or the
 * numbers themselves (chartData.ts).
 */
import type { ChartRow, SeriesKey } from './chartData';

/**
 * The SVG path through `items` in their order ("M x,y L x,y ..."): a new
 * stretch after each missing value, so a gap is never bridged.
 */
export function polylinePath<T>(
  items: readonly T[],
  day: (item: T) => number,
  value: (item: T) => number | null,
  x: (day: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  let drawing = false;
  for (const item of items) {
    const v = value(item);
    if (v === null) {
      drawing = false;
      continue;
    }
    d += `${drawing ? 'L' : 'M'}${x(day(item)).toFixed(1)},${y(v).toFixed(1)}`;
    drawing = true;
  }
  return d;
}

/**
 * "M x,y L x,y ..." through each row's value of `key`, a new "M" after every
 * gap; coordinates to 0.1 px (finer than any screen draws).
 */
export function linePath(
  rows: readonly ChartRow[],
  key: SeriesKey,
  x: (day: number) => number,
  y: (value: number) => number,
): string {
  return polylinePath(
    rows,
    (row) => row.day,
    (row) => row[key],
    x,
    y,
  );
}

/** The row whose day is nearest `day` (rows in day order); undefined without rows or a day. */
export function nearestRow(rows: readonly ChartRow[], day: number): ChartRow | undefined {
  if (rows.length === 0 || !Number.isFinite(day)) return undefined;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].day < day) lo = mid + 1;
    else hi = mid;
  }
  // rows[lo] is the first at or after `day`; the one before may be nearer.
  if (lo > 0 && day - rows[lo - 1].day <= rows[lo].day - day) return rows[lo - 1];
  return rows[lo];
}
