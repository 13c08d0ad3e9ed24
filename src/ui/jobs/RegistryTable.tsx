/**
 * The model registry as a table: every version of the dynamic model, newest
 * first, with its status, the `serving` and `previous` aliases, its
 * validation and live accuracy, and a rollback action on every other version
 * that has served and still has its weights.
 *
 * Owns: the table's markup. Must not touch: the registry itself; rollbacks go
 * through the callback.
 */
import { useId } from 'react';
import { RETAIN_DAYS } from '../../sim/contract';
import { formatDate } from '../../sim/world/calendar';
import { percent } from '../chart/chartData';
import type { RegistryRow } from './jobsData';
import { JobStatusChip } from './JobStatusChip';

/** The scrolling list's name, so keyboard users can reach and scroll it. */
const SCROLL_LABEL = 'Registry versions';

/**
 * Whether a version still has weights to roll back to on `day`: made within the
 * registry's retention, or version 1, or the `previous` alias. (The registry
 * also keeps one older known-good version for automatic rollback; the table
 * does not offer it, so it never offers a rollback the engine would refuse.)
 */
const hasWeights = (r: RegistryRow, day: number) =>
  r.version === 1 || r.aliases.includes('previous') || r.createdDay >= day - RETAIN_DAYS;

export function RegistryTable({
  rows,
  day,
  onRollback,
}: {
  rows: readonly RegistryRow[];
  /** The day on screen. */
  day: number;
  onRollback: (version: number) => void;
}) {
  const captionId = useId();
  // The table's name is a paragraph above its scrolling box, not a caption inside it: a
  // caption is as wide as the table, so on a phone it would run off the box's edge.
  return (
    <>
      <p id={captionId} className="jobs-caption">
        Every version the dynamic model has made, newest first. Only versions that have served can
        be rolled back to, and only while their weights are kept ({RETAIN_DAYS} days).
      </p>
      <div className="jobs-scroll" tabIndex={0} role="region" aria-label={SCROLL_LABEL}>
        <table className="jobs-table registry-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Made on</th>
              <th scope="col">Status</th>
              <th scope="col">Aliases</th>
              <th scope="col">Validation accuracy</th>
              <th scope="col">Days served</th>
              <th scope="col">Live accuracy</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.version} className={r.aliases.includes('serving') ? 'is-serving' : ''}>
                <th scope="row">
                  v{r.version}
                  {r.parentVersion !== null && (
                    <>
                      {' '}
                      <small>from v{r.parentVersion}</small>
                    </>
                  )}
                </th>
                <td>{formatDate(r.createdDate)}</td>
                <td>
                  <JobStatusChip status={r.status} served={r.promoted} />
                </td>
                <td>
                  {r.aliases.map((a) => (
                    <span key={a} className={`badge badge-${a}`}>
                      {a}
                    </span>
                  ))}
                </td>
                <td>{percent(r.validationAccuracy)}</td>
                <td>{r.servedDays}</td>
                <td>{percent(r.liveAccuracy)}</td>
                <td>
                  {r.servedDays > 0 &&
                    !r.aliases.includes('serving') &&
                    (hasWeights(r, day) ? (
                      <button type="button" onClick={() => onRollback(r.version)}>
                        Roll back to v{r.version}
                      </button>
                    ) : (
                      <small>weights let go after {RETAIN_DAYS} days</small>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
