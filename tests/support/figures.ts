/**
 * Figures that reliability tests report (fuzz cases tried, faults survived,
 * tensor counts, heap growth, requests off-origin). A test calls
 * `recordFigures(section, values)`; when `BLOOMCAST_FIGURES` names a folder
 * (set by `npm run test:reliability`) the values are written there and the
 * reliability script gathers them into bench/results.json. Without the
 * variable nothing is written, so plain `npm test` leaves no files behind.
 *
 * Owns: that file format. Must not touch: what a test asserts (record the
 * figure next to the assertion that checks it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Figure = number | string | boolean | null | Figure[] | { [key: string]: Figure };

let written = 0;

/**
 * Records `values` under `section`. Each call writes a file of its own (test
 * files run in parallel processes, Vitest's forks and Playwright's workers,
 * which inherit BLOOMCAST_FIGURES, so two writers of one file could lose each
 * other's figures); the reliability script merges a section's files in the
 * order they were written, later values winning per key.
 */
export function recordFigures(section: string, values: Record<string, Figure>): void {
  const dir = process.env.BLOOMCAST_FIGURES;
  if (!dir) return;
  if (!/^[\w-]+$/.test(section)) throw new Error(`bad figures section name "${section}"`);
  mkdirSync(dir, { recursive: true });
  const stamp = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${String(written++).padStart(4, '0')}`;
  writeFileSync(join(dir, `${section}.${stamp}.json`), `${JSON.stringify(values, null, 2)}\n`);
}
