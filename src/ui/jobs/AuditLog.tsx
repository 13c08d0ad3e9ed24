/**
 * The audit log: every promotion, rejection, failure, rollback and gate
 * switch, newest first, with the serving version before and after and why.
 *
 * Owns: the table's markup and the words for each action. Must not touch:
 * what gets logged (src/sim/ops).
 */
import type { AuditAction } from '../../sim/contract';
import { formatDate } from '../../sim/world/calendar';
import type { DatedAudit } from './jobsData';

/** The scrolling list's name, so keyboard users can reach and scroll it. */
const SCROLL_LABEL = 'Audit log entries';

const ACTION: Record<AuditAction, string> = {
  promote: 'promoted',
  reject: 'rejected',
  fail: 'failed',
  rollback: 'rolled back',
  gate: 'gate switched',
};

const version = (v: number | null) => (v === null ? '–' : `v${v}`);

export function AuditLog({ entries }: { entries: readonly DatedAudit[] }) {
  if (entries.length === 0) return <p className="hint">Nothing logged yet.</p>;
  return (
    <div className="jobs-scroll" tabIndex={0} role="region" aria-label={SCROLL_LABEL}>
      <table className="jobs-table audit-table">
        <caption>Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Action</th>
            <th scope="col">Serving</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ day, entry }, i) => (
            <tr key={`${day}-${i}`}>
              <td>{formatDate(entry.date)}</td>
              <td className={`audit-${entry.action}`}>{ACTION[entry.action]}</td>
              <td>
                {version(entry.from)} → {version(entry.to)}
              </td>
              <td>{entry.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
