/**
 * What a model learned beside what is true today: per feature, the change in
 * log-odds for one unit of the feature, as numbers and as bars on one scale.
 *
 * Owns: the table's markup.
 * Must not touch: how effects are measured (src/sim/world/effects.ts).
 */
import { FEATURES } from '../../sim/world/features';

const signed = (v: number | null) =>
  v === null ? '–' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(Math.abs(v) >= 1 ? 2 : 3)}`;

function Bar({
  value,
  max,
  tone,
}: {
  value: number | null;
  max: number;
  tone: 'learned' | 'true';
}) {
  if (value === null || max === 0) return <span className="bar-track" />;
  const width = Math.min(50, (Math.abs(value) / max) * 50);
  return (
    <span className="bar-track" aria-hidden="true">
      <span
        className={`bar bar-${tone}`}
        style={{ width: `${width}%`, left: value >= 0 ? '50%' : `${50 - width}%` }}
      />
    </span>
  );
}

export function EffectsTable({
  learned,
  truth,
  caption,
}: {
  learned: readonly number[] | null;
  truth: readonly (number | null)[];
  caption: string;
}) {
  const max = Math.max(
    0,
    ...truth.map((v) => Math.abs(v ?? 0)),
    ...(learned ?? []).map((v) => Math.abs(v)),
  );
  return (
    <table className="effects">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Feature (per unit)</th>
          <th scope="col">Learned</th>
          <th scope="col">True today</th>
          <th scope="col">
            <span className="legend-learned">learned</span> /{' '}
            <span className="legend-true">true</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {FEATURES.map((f, j) => (
          <tr key={f.id}>
            <th scope="row">
              {f.label} <span className="unit">{f.unit}</span>
            </th>
            <td>{learned ? signed(learned[j]) : '–'}</td>
            <td>{truth[j] === null ? 'source dark' : signed(truth[j])}</td>
            <td className="bars">
              <Bar value={learned ? learned[j] : null} max={max} tone="learned" />
              <Bar value={truth[j]} max={max} tone="true" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
