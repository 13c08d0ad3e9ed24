/**
 * A drift status as a chip: colour AND text, so it never relies on colour.
 *
 * Owns: the chip's look. Must not touch: how statuses are decided.
 */
import type { DriftStatus } from '../../sim/contract';

export function StatusChip({ status }: { status: DriftStatus }) {
  return <span className={`chip chip-${status}`}>{status}</span>;
}
