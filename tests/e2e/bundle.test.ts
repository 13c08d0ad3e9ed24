/**
 * The built app's split: TensorFlow.js (about 270 KB gzip) lives only in the
 * engine worker's chunk. A page module that imports anything reaching
 * src/sim/model, even for one constant, would pull it into the main thread's
 * download; this catches that in the build `npm test` makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const ASSETS = 'dist/assets';
/** Strings only TF.js's core carries: its flags URL parameter and its global engine. */
const TFJS_MARKERS = ['tfjsflags', '_tfengine'];

test.describe('the built bundle', () => {
  test('TensorFlow.js is in the worker chunk and in no main-thread chunk', () => {
    const js = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    const worker = js.filter((f) => f.startsWith('engine.worker'));
    const main = js.filter((f) => !f.startsWith('engine.worker'));
    expect(worker).toHaveLength(1);
    expect(main.length).toBeGreaterThan(0);
    const text = (f: string) => readFileSync(join(ASSETS, f), 'utf8');
    for (const marker of TFJS_MARKERS) {
      expect(text(worker[0])).toContain(marker);
      for (const f of main) expect(text(f), `${f} carries TF.js (${marker})`).not.toContain(marker);
    }
  });
});
