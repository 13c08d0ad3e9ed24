/**
 * The accuracy chart's own geometry (src/ui/chart/plotScale.ts) gives the
 * numbers Recharts gave the chart before the chart view stopped loading it:
 * the accuracy ticks of every floor the chart can have, the plot's place
 * and scales in a box measured from the Recharts chart (884 x 396 px at
 * 1366x768), the day under the pointer and the tooltip's place.
 */
import { describe, expect, it } from 'vitest';
import type * as NiceTicks from 'recharts/types/util/scale/getNiceTickValues';
import {
  accuracyTicks,
  dayAt,
  percentTick,
  plotOf,
  shownAccuracyTicks,
  tooltipAt,
} from '../../src/ui/chart/plotScale';

// Recharts' own rule for the ticks of an axis of fixed domain: not in its public index,
// so its file is loaded by path (its types are shipped apart from it).
const NICE_TICKS: string = 'recharts/lib/util/scale/getNiceTickValues';
const { getTickValuesFixedDomain } = (await import(NICE_TICKS)) as typeof NiceTicks;

describe('the accuracy axis', () => {
  it('has the ticks Recharts gave it, for every floor the chart can have', () => {
    for (const floor of [0, 0.1, 0.2, 0.3, 0.4, 0.5]) {
      const theirs = getTickValuesFixedDomain([floor, 1], 5).map(percentTick);
      expect(accuracyTicks(floor).map(percentTick), `floor ${floor}`).toEqual(theirs);
    }
    expect(accuracyTicks(0.5).map(percentTick)).toEqual(['50%', '65%', '80%', '95%', '100%']);
  });

  it('drops the ticks whose words would overprint the one above, as Recharts did', () => {
    // Words 18.5 px tall (12.75 px text in this machine's system font, measured in Chromium).
    const tall = plotOf(884, 396, { top: 20, right: 16, bottom: 46, left: 67 }, 365, 0.5);
    expect(shownAccuracyTicks(tall, 18.5).map(percentTick)).toEqual([
      '50%',
      '65%',
      '80%',
      '95%',
      '100%',
    ]);
    // A short plot (many worlds open at 1366x768: 144 px): Recharts dropped 95%.
    const short = plotOf(884, 202, { top: 12, right: 16, bottom: 46, left: 67 }, 120, 0.5);
    expect(shownAccuracyTicks(short, 18.5).map(percentTick)).toEqual(['50%', '65%', '80%', '100%']);
    // Where nothing lays text out (height 0), every tick shows.
    expect(shownAccuracyTicks(short, 0)).toHaveLength(5);
  });
});

describe('the plot', () => {
  // The default year at 1366x768: a 884 x 396 box, as the Recharts chart drew it.
  const plot = plotOf(884, 396, { top: 20, right: 16, bottom: 46, left: 67 }, 365, 0.5);

  it('sits where Recharts put it, with the same scales', () => {
    expect(plot.area).toEqual({ x: 67, y: 20, width: 801, height: 330 });
    expect(plot.x(1)).toBe(67);
    expect(plot.x(32)).toBeCloseTo(135.217, 3); // 1 Aug, the second month tick
    expect(plot.x(365)).toBeCloseTo(868, 9);
    expect(plot.y(1)).toBeCloseTo(20, 9);
    expect(plot.y(0.5)).toBeCloseTo(350, 9);
    expect(plot.y(0.65)).toBeCloseTo(251, 6);
  });

  it('points at the nearest day, and at none beside the plot', () => {
    expect(dayAt(plot, 67)).toBe(1);
    expect(dayAt(plot, 135)).toBe(32);
    expect(dayAt(plot, 353)).toBe(131);
    expect(dayAt(plot, 868)).toBe(365);
    expect(dayAt(plot, 66)).toBeNull();
    expect(dayAt(plot, 869)).toBeNull();
  });

  it('puts the tooltip right of and below the point, else left of or above it, inside the plot', () => {
    // As Recharts did for the day hovered in the screenshots: 353 px across, 197 px down.
    expect(tooltipAt(plot.area, 353.071, 197, 230, 110)).toEqual({ x: 363.071, y: 207 });
    // Too near the right edge: to the left; too near the bottom: above.
    expect(tooltipAt(plot.area, 800, 300, 230, 110)).toEqual({ x: 560, y: 180 });
    // Wider than the room on either side: against the plot's left edge.
    expect(tooltipAt(plot.area, 100, 30, 800, 110).x).toBe(67);
  });
});
