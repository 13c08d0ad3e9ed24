/**
 * The callouts' marks on the accuracy chart: the shaded days of the
 * Valentine's rush (under the lines), and for each callout placed a ring on
 * the point it talks about with a leader line to its words. Layers of the
 * chart's box (PlotSurface.tsx): they read its plot from plotContext.ts.
 *
 * Owns: drawing these marks. Must not touch: which callouts exist
 * (callouts.ts) or where they go (calloutPlacement.ts, annotations.ts).
 */
import type { PlacedNote } from './annotations';
import type { RushBand } from './callouts';
import { usePlot } from './plotContext';

/** The rush's days shaded from top to bottom of the plot, half a day either side of its ends. */
export function RushShade({ rush }: { rush: RushBand | null }) {
  const plot = usePlot();
  if (!plot || !rush) return null;
  const { x, area } = plot;
  const left = Math.max(area.x, x(rush.from - 0.5));
  const right = Math.min(area.x + area.width, x(rush.to + 0.5));
  if (right <= left) return null;
  return (
    <rect
      className="rush-band"
      data-from={rush.from}
      data-to={rush.to}
      x={left}
      y={area.y}
      width={right - left}
      height={area.height}
      fill="#fbe6ee"
      aria-hidden="true"
    />
  );
}

/** A ring on the callout's point and a line from it to the nearest edge of its words. */
export function CalloutLeader({ note }: { note: PlacedNote }) {
  if (!note.point) return null;
  const { x, y } = note.point;
  const { box } = note;
  const toX = Math.max(box.left, Math.min(box.right, x));
  const toY = y < box.top ? box.top : y > box.bottom ? box.bottom : y;
  return (
    <g className="callout-leader" aria-hidden="true">
      <line x1={x} y1={y} x2={toX} y2={toY} stroke="var(--ink)" strokeWidth={1.25} />
      <circle cx={x} cy={y} r={4.5} fill="none" stroke="var(--ink)" strokeWidth={2} />
    </g>
  );
}
