/**
 * Faults injected into the running lab in Chromium: the engine worker throws
 * mid-run, and the engine worker dies without a word (closed, as an
 * out-of-memory kill would leave it). Each time the lab must say what
 * happened, keep the days it has, keep the settings and the quiz progress
 * untouched, and resume from the last good day to numbers identical to a run
 * that was never interrupted.
 */
import type { Page, Worker } from '@playwright/test';
import { recordFigures } from '../support/figures';
import { expect, type LabOpener, test } from './fixtures';
import { engineWorker, LabPage, type TableRow } from './labPage';

let reference: TableRow[];
const survived: string[] = [];
const QUERY = '?seed=5&days=200';

test.beforeAll(async ({ browser, labServer }) => {
  test.setTimeout(180_000);
  // The uninterrupted run every recovered run must equal.
  const context = await browser.newContext();
  const lp = await LabPage.open(context, labServer.baseUrl, QUERY);
  await lp.button('Run to the end').click();
  await lp.waitForDay(200);
  reference = await lp.readTable(200);
  expect(reference).toHaveLength(200);
  await context.close();
});

test.afterAll(() => {
  recordFigures('faults', { browserCases: 2, browserSurvived: survived.length, survived });
});

/** What a crash must not touch: stored settings, stored quiz progress, the link's settings. */
async function keptState(page: Page) {
  return page.evaluate(() => ({
    settings: localStorage.getItem('bloomcast.settings'),
    quiz: localStorage.getItem('bloomcast.quiz'),
    link: new URLSearchParams(location.search).get('seed'),
  }));
}

/** The "needs less watching" answer of quiz A. */
const lessWatching = (page: Page) =>
  page
    .getByRole('region', { name: 'Check your understanding' })
    .getByRole('group', { name: /Quiz A/ })
    .getByRole('checkbox', { name: /needs less watching/ });

async function crashAndRecover(
  lab: LabOpener,
  inject: (worker: Worker) => Promise<unknown>,
  expected: RegExp,
) {
  const lp = await lab.open(QUERY, { width: 1280, height: 900 });
  const { page } = lp;
  // Part of quiz A answered, so there is progress to lose.
  await lp.openTab('Quizzes');
  await lessWatching(page).check();
  await lp.button('Run to the end').click();
  await lp.waitPastDay(59);
  await expect.poll(async () => (await keptState(page)).quiz).toContain('A');
  const before = await keptState(page);
  await inject(await engineWorker(page));

  const alert = page.getByRole('alert').filter({ hasText: 'The simulation engine stopped' });
  await expect(alert).toHaveText(expected, { timeout: 30_000 });
  // Nothing is computing any more: the progress line gives way to the failure (issue 16, item 5).
  await expect(page.getByText(/Computing day \d+ of \d+/)).toHaveCount(0);
  const restart = alert.getByRole('button', { name: /Restart from day \d+/ });
  const lastGood = Number(/day (\d+)/.exec((await restart.textContent()) ?? '')?.[1]);
  expect(lastGood).toBeGreaterThanOrEqual(60);
  expect(lastGood).toBeLessThan(200);
  // The days computed before the fault are still on screen.
  expect(await lp.dayOnScreen()).toBeLessThanOrEqual(lastGood);
  await expect.poll(() => keptState(page)).toEqual(before);
  await page.screenshot({ path: 'test-artifacts/engine-stopped.png' });

  await restart.click();
  await lp.waitForDay(200);
  await expect(page.getByText('The simulation engine stopped')).toHaveCount(0);
  expect(await lp.readTable(200)).toEqual(reference);
  await expect.poll(() => keptState(page)).toEqual(before);
  await expect(lessWatching(page)).toBeChecked();
  expect(lp.offOrigin()).toEqual([]);
  // The worker's own report of the injected error is expected; nothing else.
  expect(lp.errors.filter((e) => !/injected fault/.test(e))).toEqual([]);
  await page.close();
}

test.describe('engine faults in Chromium', () => {
  test('the worker throws mid-run: reported, then resumed from the last good day', async ({
    lab,
  }) => {
    test.setTimeout(180_000);
    await crashAndRecover(
      lab,
      (worker) =>
        worker.evaluate(() => {
          setTimeout(() => {
            throw new Error('injected fault: the engine threw');
          });
        }),
      /injected fault: the engine threw/,
    );
    survived.push('worker throws mid-run');
  });

  test('the worker dies silently mid-run: the silence is noticed, then resumed', async ({
    lab,
  }) => {
    test.setTimeout(180_000);
    await crashAndRecover(
      lab,
      (worker) => worker.evaluate(() => (self as unknown as { close(): void }).close()),
      /stopped answering/,
    );
    survived.push('worker dies silently mid-run');
  });
});
