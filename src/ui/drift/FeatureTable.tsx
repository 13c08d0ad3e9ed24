/**
 * Per feature: PSI, KS, JS and a status chip for one model, today or over the
 * rolling window; a row's name selects the feature for the histogram. Under
 * "Today", a feature that takes one value per day gets a line right below its
 * numbers that says why one day is judged by another rule, and what the
 * rolling window reads.
 *
 * Owns: the table's markup and its scroll region. Must not touch: the
 * readings (the engine's).
 */
import { useId } from 'react';
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
  windowReadings,
  windowDays,
}: {
  readings: FeatureReading[];
  caption: string;
  /** Features judged against the training days' own day-to-day variation (noted under "Today"). */
  dayLevel: Set<number>;
  /** The rolling window's readings, to quote beside a day-level feature; null on the window view. */
  windowReadings: FeatureReading[] | null;
  windowDays: number;
  selected: number;
  onSelect: (feature: number) => void;
}) {
  const captionId = useId();
  return (
    // A focusable scroll region: on a narrow screen the table scrolls here, not the page.
    <div className="drift-scroll-x" role="region" aria-labelledby={captionId} tabIndex={0}>
      {/* The evidence mark on the table itself: the region can be taller than it. */}
      <table className="drift-table" data-evidence="drift-table">
        <caption id={captionId}>{caption}</caption>
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
            const w = windowReadings && dayLevel.has(j) ? windowReadings[j] : null;
            const rowClass = j === selected ? 'selected' : undefined;
            return [
              <tr key={f.id} className={rowClass} data-feature={f.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    aria-pressed={j === selected}
                    onClick={() => onSelect(j)}
                  >
                    {f.label}
                  </button>
                </th>
                <td>{r.psi.toFixed(2)}</td>
                <td>{r.ks.toFixed(2)}</td>
                <td>{r.js.toFixed(2)}</td>
                <td>
                  <StatusChip status={r.status} />
                </td>
              </tr>,
              w && (
                <tr key={`${f.id}-note`} className={`day-rule ${rowClass ?? ''}`}>
                  <td colSpan={5} data-note-for={f.id}>
                    Moves with the day (weather, weekend), so one day is flagged only if clearly
                    stranger than every training day. Last {windowDays} days:{' '}
                    <StatusChip status={w.status} />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
