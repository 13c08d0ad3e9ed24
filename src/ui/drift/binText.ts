/**
 * The words under a drift histogram: each bin's label, the range the bins
 * cover (read from the engine's bin edges) and whether the bars can show a
 * change at all.
 *
 * Owns: these texts (pure, tested without rendering).
 * Must not touch: the edges or the shares (the engine's).
 */

/** An edge as a person reads it: 30 (not 30.0), 18.7 (not 18.700000762939453), 120. */
export function edgeText(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  const tenths = Math.round(value * 10) / 10;
  return Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1);
}

/** Bin `i` of the bins the edges cut: "≤ 18.7", "18.7–20.1", "> 26.9". */
export function binLabel(edges: readonly number[], i: number): string {
  if (edges.length === 0) return 'all values';
  if (i === 0) return `≤ ${edgeText(edges[0])}`;
  if (i >= edges.length) return `> ${edgeText(edges[edges.length - 1])}`;
  return `${edgeText(edges[i - 1])}–${edgeText(edges[i])}`;
}

/** A feature's unit as it follows a number: "°C", "%", none for yes/no, no parenthesis. */
function unitText(unit: string): string {
  const short = unit.replace(/\s*\(.*\)\s*$/, '').trim();
  if (short === '' || short === 'yes/no') return '';
  return short === '%' ? '%' : ` ${short}`;
}

/**
 * How many bins there are and where they are cut, from the engine's edges:
 * "10 bins, cut at the training data's deciles from 18.7 to 26.9 °C",
 * "2 bins, split at 30 days", "3 bins, cut at 0 and 1".
 */
export function binRange(edges: readonly number[], unit: string): string {
  const u = unitText(unit);
  const bins = edges.length + 1;
  if (edges.length === 0) return 'one bin: every training value was the same';
  if (edges.length === 1) return `2 bins, split at ${edgeText(edges[0])}${u}`;
  const first = edgeText(edges[0]);
  const last = edgeText(edges[edges.length - 1]);
  if (edges.length === 2) return `3 bins, cut at ${first} and ${last}${u}`;
  return `${bins} bins, cut at the training data’s deciles from ${first} to ${last}${u}`;
}

/**
 * Above this share of the training rows in one bin, the bars can look alike
 * while the values differ: in July and August every visitor is 30 days or
 * more from a gift holiday (the value is capped at 30), so the one bin
 * "≤ 30" holds all of them, and in February it holds "4 days to go" too.
 */
export const ONE_BIN_SHARE = 0.9;

/** True when one bin holds almost all of the training rows (see ONE_BIN_SHARE). */
export function barsCanHideChange(reference: readonly number[]): boolean {
  return reference.some((share) => share >= ONE_BIN_SHARE);
}
