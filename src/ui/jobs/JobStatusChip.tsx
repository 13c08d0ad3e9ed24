/**
 * A job's or version's status as a chip: colour AND text (blessed green,
 * rejected amber, failed red), so it never relies on colour alone. A version
 * the validation gate judged bad that served anyway, because the gate was
 * off, says so ("served, gate off") instead of "rejected".
 *
 * Owns: the chip's markup and words. Must not touch: how statuses are decided (src/sim/ops).
 */
import type { VersionStatus } from '../../sim/contract';

/** The chip's words for a version that did not pass but served with the validation gate off. */
export const SERVED_GATE_OFF = 'served, gate off';

export function JobStatusChip({
  status,
  served = false,
}: {
  status: VersionStatus;
  /** Whether the version started serving (a job's `promoted`). */
  served?: boolean;
}) {
  if (status !== 'blessed' && served) {
    return <span className="chip chip-gate-off">{SERVED_GATE_OFF}</span>;
  }
  return <span className={`chip chip-${status}`}>{status}</span>;
}
