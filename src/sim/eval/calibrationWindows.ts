/**
 * The calibration windows of the drift monitor: which runs of collection
 * days its rolling-window alarm levels are measured on, and the order they
 * are summed in.
 *
 * Owns: `windowCombos` and `chainedCombos` (plain index lists).
 * Must not touch: counts or statistics (monitoring.ts, monitor.ts).
 */

/** Strides used to form calibration windows from the collection days. */
const CALIBRATION_STRIDES = [1, 3, 5, 7, 9, 11, 13];

/**
 * Windows of `size` collection days for calibration: every run of days taken
 * with each stride (wrapping around), so weeks of unusual weather are
 * combined in many ways, not only as the few consecutive weeks of July and
 * August. Deterministic: no random draw.
 */
export function windowCombos(days: number, size: number): number[][] {
  if (size > days) return [Array.from({ length: days }, (_, i) => i)];
  const combos: number[][] = [];
  for (const stride of CALIBRATION_STRIDES) {
    for (let start = 0; start < days; start++) {
      combos.push(Array.from({ length: size }, (_, k) => (start + k * stride) % days));
    }
  }
  return combos;
}

/**
 * `windowCombos`' windows in an order where each shares all but one day with
 * the one before (a stride's windows walked along the stride), so a running
 * sum moves by two days per window. The calibration floors are maxima, which
 * no order changes.
 */
export function chainedCombos(days: number, size: number): number[][] {
  const combos = windowCombos(days, size);
  if (size > days) return combos;
  const out: number[][] = [];
  CALIBRATION_STRIDES.forEach((stride, s) => {
    const seen = new Uint8Array(days);
    for (let first = 0; first < days; first++) {
      for (let start = first; !seen[start]; start = (start + stride) % days) {
        seen[start] = 1;
        out.push(combos[s * days + start]);
      }
    }
  });
  return out;
}
