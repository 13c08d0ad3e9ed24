/**
 * Figures that reliability tests report (fuzz cases tried, faults survived,
 * tensor counts, heap growth, requests off-origin). A test calls
 * `recordFigures(section, values)`; when `BLOOMCAST_FIGURES` names a folder
 * (set by `npm run test:reliability`) the values are merged into
 * `<folder>/<section>.json`, which the reliability script gathers into
 * bench/results.json. Without the variable nothing is written, so plain
 * `npm test` leaves no files behind.
 *
 * Owns: that file format. Must not touch: what a test asserts (record the
 * figure next to the assertion that checks it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Figure = number | string | boolean | null | Figure[] | { [key: string]: Figure };

/** Merges `values` into the section's figures (later values win per key). */
export function recordFigures(section: string, values: Record<string, Figure>): void {
  const dir = process.env.BLOOMCAST_FIGURES;
  if (!dir) return;
  if (!/^[\w-]+$/.test(section)) throw new Error(`bad figures section name "${section}"`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${section}.json`);
  const current = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Figure>)
    : {};
  writeFileSync(file, `${JSON.stringify({ ...current, ...values }, null, 2)}\n`);
}
