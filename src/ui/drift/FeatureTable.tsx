/**
 * Per feature: PSI, KS, JS and a status chip for one model, today or over the
 * rolling window; a row's name selects the feature for the histogram.
 *
 * Owns: the table's markup. Must not touch: the readings (the engine's).
 */
import type { FeatureReading } from '../../sim/contract';
import { FEATURES } from '../../sim/world/features';
import { Term } from '../glossary/Glossary';
import { StatusChip } from './StatusChip';

export function FeatureTable({
  readings,
  caption,
  selected,
  onSelect,
  dayLevel,
}: {
  readings: FeatureReading[];
  caption: string;
  /** Features marked as judged against the training days' own day-to-day variation. */
  dayLevel: Set<number>;
  selected: number;
  onSelect: (feature: number) => void;
}) {
  return (
    <table className="drift-table">
      <caption>
        {caption}
        {dayLevel.size > 0 &&
          '. † moves with the day: a single day is only flagged when it is stranger than any training day was.'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">
            <Term id="psi">PSI</Term>
          </th>
          <th scope="col">
            <Term id="ks">KS</Term>
          </th>
          <th scope="col">
            <Term id="js">JS</Term>
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {FEATURES.map((f, j) => {
          const r = readings[j];
          return (
            <tr key={f.id} className={j === selected ? 'selected' : undefined} data-feature={f.id}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={j === selected}
                  onClick={() => onSelect(j)}
                >
                  {f.label}
                </button>
                {dayLevel.has(j) && (
                  <abbr
                    className="day-level"
                    title="Shares one value per day (weather, weekend): judged against how much training days differed from each other"
                  >
                    †
                  </abbr>
                )}
              </th>
              <td>{r.psi.toFixed(2)}</td>
              <td>{r.ks.toFixed(2)}</td>
              <td>{r.js.toFixed(2)}</td>
              <td>
                <StatusChip status={r.status} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
