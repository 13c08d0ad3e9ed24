/**
 * Many worlds on the accuracy chart: for each model, the 10-90% band of its
 * daily accuracy over the seeds (a light fill, under every line) and its
 * median (a line of its colour). A live layer like liveChart.tsx's: it reads
 * the band from the LiveChart context and the plot's scales from plotContext.ts.
 *
 * Owns: the band's and the median's shapes. Must not touch: the numbers
 * (src/sim/seeds.ts through the store), the other lines.
 */
import { useContext } from 'react';
import type { ModelRole } from '../../sim/contract';
import type { BandDay } from '../../store/manySeedsSlice';
import { DASHES, SERIES_COLORS } from './chartStyle';
import { polylinePath } from './linePath';
import { LiveChart } from './liveChart';
import { usePlot } from './plotContext';

const ROLES: readonly ModelRole[] = ['static', 'dynamic'];
/** How light the band's fill is. */
export const BAND_OPACITY = 0.16;

/** The median's path: "M x,y L x,y ..." through each day. */
export function medianPath(
  band: readonly BandDay[],
  x: (day: number) => number,
  y: (value: number) => number,
): string {
  return polylinePath(
    band,
    (d) => d.day,
    (d) => d.median,
    x,
    y,
  );
}

/** The band's outline: along the 90% quantile, back along the 10% one, closed. */
export function bandPath(
  band: readonly BandDay[],
  x: (day: number) => number,
  y: (value: number) => number,
): string {
  if (band.length === 0) return '';
  const top = polylinePath(
    band,
    (d) => d.day,
    (d) => d.high,
    x,
    y,
  );
  // Back along the low quantile: the same line, continued rather than started.
  const bottom = polylinePath(
    [...band].reverse(),
    (d) => d.day,
    (d) => d.low,
    x,
    y,
  );
  return `${top}L${bottom.slice(1)}Z`;
}

/** The bands, under every line, when a many-worlds result is shown. */
export function LiveBandFill() {
  const { band } = useContext(LiveChart);
  const plot = usePlot();
  if (!band || !plot) return null;
  return (
    <g className="many-worlds-bands">
      {ROLES.map((role) => (
        <path
          key={role}
          className="many-worlds-band"
          data-model={role}
          d={bandPath(band[role], plot.x, plot.y)}
          fill={SERIES_COLORS[role]}
          fillOpacity={BAND_OPACITY}
          stroke="none"
        />
      ))}
    </g>
  );
}

/** The medians, with the lines, when a many-worlds result is shown. */
export function LiveBandMedians() {
  const { band } = useContext(LiveChart);
  const plot = usePlot();
  if (!band || !plot) return null;
  return (
    <g className="many-worlds-medians">
      {ROLES.map((role) => (
        <path
          key={role}
          className="many-worlds-median"
          data-model={role}
          d={medianPath(band[role], plot.x, plot.y)}
          stroke={SERIES_COLORS[role]}
          strokeWidth={2.5}
          strokeDasharray={DASHES[role]}
          fill="none"
        />
      ))}
    </g>
  );
}
