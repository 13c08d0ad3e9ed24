/**
 * The fixtures every end-to-end test file starts from: one preview server of
 * the built app per Playwright worker (a free loopback port, so parallel
 * workers and other runs on the machine never share one), `baseURL` pointing
 * at it, and `lab`, which opens the lab in the test's own browser context.
 * Files with special needs (a persistent profile, a sub-path server) extend
 * this `test` with fixtures of their own.
 *
 * Owns: those fixtures and test-artifacts/ (screenshots the tests save).
 * Must not touch: the browser's launch options (playwright.config.ts) or
 * what a test asserts.
 */
import { mkdirSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { recordFigures } from '../support/figures';
import { LabPage, type Size } from './labPage';
import { type PreviewHandle, servePreview } from './previewServer';

/** Where tests save the screenshots a person looks at (failure artifacts go below it too). */
export const ARTIFACTS = 'test-artifacts';

export interface LabOpener {
  /** Opens the lab at `query` (e.g. '?seed=4&day=80') and waits for its engine. */
  open(query?: string, size?: Size): Promise<LabPage>;
  /** The same, with `setup` run in the page before any of the app's scripts. */
  openWith(setup: () => void, query?: string, size?: Size): Promise<LabPage>;
}

export const test = base.extend<{ lab: LabOpener }, { labServer: PreviewHandle }>({
  labServer: [
    // Playwright reads a fixture's dependencies from this destructuring: it must be there, empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const server = await servePreview();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ labServer }, use) => {
    await use(labServer.baseUrl);
  },
  lab: async ({ context, labServer }, use) => {
    await use({
      open: (query, size) => LabPage.open(context, labServer.baseUrl, query, size),
      openWith: (setup, query, size) =>
        LabPage.open(context, labServer.baseUrl, query, size, setup),
    });
  },
});

export { expect } from '@playwright/test';

/**
 * Records, for `npm run test:reliability`, how many of the calling file's
 * tests ran and which passed, under `section` (call it once, at the top level
 * of a test file).
 */
export function recordCases(section: string): void {
  const passed: string[] = [];
  let tried = 0;
  // Playwright reads a hook's fixtures from this destructuring: it must be there, empty.
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(({}, testInfo) => {
    tried += 1;
    if (testInfo.status === testInfo.expectedStatus) passed.push(testInfo.title);
  });
  test.afterAll(() => {
    recordFigures(section, { browserCases: tried, browserPassed: passed.length, passed });
  });
}
