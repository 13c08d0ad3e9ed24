/**
 * Many worlds on the accuracy chart: for each model, the 10-90% band of its
 * daily accuracy over the seeds (a light fill, under every line) and its
 * median (a line of its colour). A live layer like liveChart.tsx's: it reads
 * the band from the LiveChart context and Recharts' scales from its hooks.
 *
 * Owns: the band's and the median's shapes. Must not touch: the numbers
 * (src/sim/seeds.ts through the store), the other lines.
 */
import { useContext } from 'react';
import { DefaultZIndexes, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { ModelRole } from '../../sim/contract';
import type { BandDay } from '../../store/manySeedsSlice';
import { DASHES, SERIES_COLORS } from './chartStyle';
import { polylinePath } from './linePath';
import { LiveChart } from './liveChart';

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

/** The bands (under the lines) and the medians (with them), when a many-worlds result is shown. */
export function LiveBand() {
  const { band } = useContext(LiveChart);
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!band || !x || !y) return null;
  const px = (day: number) => x(day) ?? 0;
  const py = (value: number) => y(value) ?? 0;
  return (
    <>
      <ZIndexLayer zIndex={DefaultZIndexes.area}>
        {ROLES.map((role) => (
          <path
            key={role}
            className="many-worlds-band"
            data-model={role}
            d={bandPath(band[role], px, py)}
            fill={SERIES_COLORS[role]}
            fillOpacity={BAND_OPACITY}
            stroke="none"
          />
        ))}
      </ZIndexLayer>
      <ZIndexLayer zIndex={DefaultZIndexes.line}>
        {ROLES.map((role) => (
          <path
            key={role}
            className="many-worlds-median"
            data-model={role}
            d={medianPath(band[role], px, py)}
            stroke={SERIES_COLORS[role]}
            strokeWidth={2.5}
            strokeDasharray={DASHES[role]}
            fill="none"
          />
        ))}
      </ZIndexLayer>
    </>
  );
}
