/**
 * A small line over serving days, around zero: prediction drift, label drift
 * or the calibration gap of one model.
 *
 * Owns: the SVG path. Must not touch: the numbers.
 */
const W = 300;
const H = 56;

export function Sparkline({
  title,
  points,
  lastDay,
  firstDay,
}: {
  title: string;
  points: { day: number; value: number }[];
  firstDay: number;
  lastDay: number;
}) {
  const extent = Math.max(0.05, ...points.map((p) => Math.abs(p.value)));
  const x = (day: number) => ((day - firstDay) / Math.max(1, lastDay - firstDay)) * W;
  const y = (v: number) => H / 2 - (v / extent) * (H / 2 - 2);
  const d = points
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.day).toFixed(1)} ${y(p.value).toFixed(1)}`)
    .join('');
  const last = points.at(-1);
  return (
    <figure className="sparkline">
      <figcaption>
        {title}:{' '}
        <strong>
          {last
            ? `${last.value >= 0 ? '+' : '−'}${Math.abs(last.value * 100).toFixed(1)} points`
            : '–'}
        </strong>
      </figcaption>
      {/* Stretched to the column's width; the strokes keep their width. */}
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${title} over time, ±${(extent * 100).toFixed(0)} points scale`}
      >
        <line
          x1={0}
          x2={W}
          y1={H / 2}
          y2={H / 2}
          stroke="var(--grid)"
          vectorEffect="non-scaling-stroke"
        />
        <path
          d={d}
          fill="none"
          stroke="var(--ink)"
          strokeWidth={1.2}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </figure>
  );
}
