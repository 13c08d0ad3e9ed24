/**
 * A job's or version's status as a chip: colour AND text (blessed green,
 * rejected amber, failed red), so it never relies on colour alone.
 *
 * Owns: the chip's markup. Must not touch: how statuses are decided (src/sim/ops).
 */
import type { VersionStatus } from '../../sim/contract';

export function JobStatusChip({ status }: { status: VersionStatus }) {
  return <span className={`chip chip-${status}`}>{status}</span>;
}
