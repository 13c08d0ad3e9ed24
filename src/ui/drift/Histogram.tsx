/**
 * One feature's histogram: the model's training reference against today's
 * serving inputs, bin by bin (bins cut at the training data's deciles), with
 * the bins' real range in the caption (binText.ts).
 *
 * Owns: the SVG bars and their text alternative.
 * Must not touch: the shares (the engine's).
 */
import { barsCanHideChange, binLabel, binRange } from './binText';

const W = 320;
const H = 120;

export function Histogram({
  feature,
  unit,
  edges,
  reference,
  serving,
}: {
  feature: string;
  /** The feature's unit (features.ts), for the caption's range. */
  unit: string;
  edges: number[];
  reference: number[];
  serving: number[];
}) {
  const bins = reference.length;
  const max = Math.max(0.01, ...reference, ...serving);
  const bw = W / bins;
  const label = `${feature}: training reference against today's inputs, share of visitors per bin`;
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${W} ${H + 4}`} role="img" aria-label={label}>
        {reference.map((r, i) => {
          const s = serving[i] ?? 0;
          const x = i * bw;
          return (
            <g key={i}>
              <rect
                x={x + 2}
                width={bw / 2 - 2}
                y={H - (r / max) * H}
                height={(r / max) * H}
                className="hist-ref"
              />
              <rect
                x={x + bw / 2}
                width={bw / 2 - 2}
                y={H - (s / max) * H}
                height={(s / max) * H}
                className="hist-now"
              />
            </g>
          );
        })}
        <line x1={0} x2={W} y1={H} y2={H} stroke="var(--axis)" />
      </svg>
      <figcaption>
        <span className="legend-ref">■ training</span> <span className="legend-now">■ today</span> —{' '}
        {feature}: {binRange(edges, unit)}.
        {barsCanHideChange(reference) &&
          ' Almost all training values share one bin, so the bars can look alike while the values differ: KS compares the values themselves.'}
      </figcaption>
      <details>
        <summary>Values</summary>
        <table className="hist-table">
          <thead>
            <tr>
              <th scope="col">Bin</th>
              <th scope="col">Training</th>
              <th scope="col">Today</th>
            </tr>
          </thead>
          <tbody>
            {reference.map((r, i) => (
              <tr key={i}>
                <th scope="row">{binLabel(edges, i)}</th>
                <td>{(r * 100).toFixed(1)}%</td>
                <td>{((serving[i] ?? 0) * 100).toFixed(1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
