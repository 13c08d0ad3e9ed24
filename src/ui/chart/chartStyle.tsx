/**
 * The chart's colours and line styles, and its legend (HTML, so it never
 * overlaps the plot and a screen reader reads it).
 *
 * Owns: how each series looks, shared by the chart, the legend and the cards.
 * Must not touch: Recharts (this file loads with the page; the chart later).
 */
import { SERIES_LABELS, type SeriesKey } from './chartData';
import { bandLegend } from './manyWorldsText';

export const SERIES_COLORS: Record<SeriesKey, string> = {
  static: '#c2410c',
  dynamic: '#1d4ed8',
  oracle: '#15803d',
  baseline: '#6b7280',
};

export const DASHES: Record<SeriesKey, string | undefined> = {
  static: undefined,
  // Orange against blue, and solid against long dashes: the two models stay
  // apart without colour vision, and in greyscale print.
  dynamic: '10 3',
  oracle: '6 4',
  baseline: '2 4',
};

/** A short horizontal line in a series' colour, width and dashes: a legend's swatch. */
export function LineSwatch({
  color,
  width,
  dash,
  length = 22,
}: {
  color: string;
  width: number;
  dash?: string;
  length?: number;
}) {
  return (
    <svg width={length} height="10" aria-hidden="true">
      <line
        x1="0"
        x2={length}
        y1="5"
        y2="5"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    </svg>
  );
}

/** The chart's legend: every line and mark, in words (and the band of `seeds` seeds when drawn). */
export function ChartLegend({ series, seeds }: { series: SeriesKey[]; seeds?: number }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {seeds !== undefined && (
        <li className="legend-band">
          <svg width="22" height="12" aria-hidden="true">
            <rect x="0" y="1" width="11" height="10" fill={SERIES_COLORS.static} opacity={0.2} />
            <rect x="11" y="1" width="11" height="10" fill={SERIES_COLORS.dynamic} opacity={0.2} />
            <line x1="0" x2="11" y1="6" y2="6" stroke={SERIES_COLORS.static} strokeWidth={2.5} />
            <line x1="11" x2="22" y1="6" y2="6" stroke={SERIES_COLORS.dynamic} strokeWidth={2.5} />
          </svg>
          {bandLegend(seeds)} (the seed on screen: thin line)
        </li>
      )}
      {series.map((key) => (
        <li key={key}>
          <LineSwatch
            color={SERIES_COLORS[key]}
            width={key === 'static' || key === 'dynamic' ? 3 : 2}
            dash={DASHES[key]}
          />
          {SERIES_LABELS[key]}
        </li>
      ))}
      <li>
        <span className="legend-box" aria-hidden="true" />
        Static model’s training window
      </li>
      <li>
        <svg width="10" height="12" aria-hidden="true">
          <line x1="5" x2="5" y1="0" y2="12" stroke={SERIES_COLORS.dynamic} strokeWidth={2} />
        </svg>
        Dynamic retraining job
      </li>
      <li>
        <svg width="10" height="12" aria-hidden="true">
          <line
            x1="5"
            x2="5"
            y1="0"
            y2="12"
            stroke="var(--holiday)"
            strokeDasharray="3 2"
            strokeWidth={2}
          />
        </svg>
        Gift holiday
      </li>
      <li>
        <svg width="10" height="8" aria-hidden="true">
          <path d="M1 0h8l-4 7z" fill={SERIES_COLORS.static} />
        </svg>
        Inputs drifted (colour: which model)
      </li>
      <li>
        <svg width="8" height="8" aria-hidden="true">
          <circle cx="4" cy="4" r="3.5" fill={SERIES_COLORS.static} />
        </svg>
        Errors rose
      </li>
    </ul>
  );
}
