/**
 * Playwright Test for the end-to-end tests (tests/e2e): the built app (dist/,
 * served by `vite preview` from a worker fixture, see tests/e2e/fixtures.ts)
 * in Debian's Chromium, which nothing downloads. `npm run test:e2e` builds
 * first; `npm test` runs this suite last, after the CPU-heavy unit tests.
 *
 * Owns: the runner's settings (workers, timeouts, retries, reporters,
 * failure artifacts). Must not touch: the app's build or its tests.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './tests/e2e/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.test.ts',
  // Two, measured on the 2-core machine while other work loaded it: 292 s with
  // two workers against 429 s with one at a load of 4-12, and 490 s against
  // 497 s at 10-12. A test keeps about one core busy (the engine's worker
  // thread, then drawing), so one worker leaves a core idle; with two, the ten
  // years run on one while the rest of the suite (as long) runs on the other.
  // The waits allow for the slower days that brings. E2E_WORKERS overrides it.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  // Flakes must show: a test that passes only on a second try is a failure.
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous: the machine these run on has 2 cores, often shared; a hang still shows.
  timeout: 120_000,
  // As long as playwright-core's own waits: a day's batch can be slow on a busy 2-core machine.
  expect: { timeout: 30_000 },
  // Failure artifacts (screenshots, traces) go below the screenshots the tests save.
  outputDir: 'test-artifacts/playwright',
  // `list` ends with how many passed and failed; CI also gets a JUnit file.
  reporter: process.env.CI
    ? [['list'], ['junit', { outputFile: 'test-artifacts/junit.xml' }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_FLAGS },
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
