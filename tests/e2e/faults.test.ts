/**
 * Faults injected into the running lab in Chromium: the engine worker throws
 * mid-run, and the engine worker dies without a word (closed, as an
 * out-of-memory kill would leave it). Each time the lab must say what
 * happened, keep the days it has, keep the settings and the quiz progress
 * untouched, and resume from the last good day to numbers identical to a run
 * that was never interrupted.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../support/figures';
import { labForFile } from './browser';
import { engineWorker, LabPage, type TableRow } from './labPage';

const lab = labForFile();
let reference: TableRow[];
const survived: string[] = [];
const QUERY = '?seed=5&days=200';

beforeAll(async () => {
  // The uninterrupted run every recovered run must equal.
  const lp = await LabPage.open(lab(), QUERY);
  await lp.button('Run to the end').click();
  await lp.waitForDay(200, 60_000);
  reference = await lp.readTable();
  expect(reference).toHaveLength(200);
  await lp.page.close();
}, 120_000);

afterAll(() => {
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

/** Answers part of quiz A, so there is progress to lose. */
async function startQuiz(page: Page) {
  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  await quiz
    .getByRole('group', { name: /Quiz A/ })
    .getByRole('checkbox', { name: /needs less watching/ })
    .check();
  return quiz;
}

async function crashAndRecover(inject: (worker: Worker) => Promise<unknown>, expected: RegExp) {
  const lp = await LabPage.open(lab(), QUERY, { width: 1280, height: 900 });
  const { page } = lp;
  const quiz = await startQuiz(page);
  await lp.button('Run to the end').click();
  await page.waitForFunction(() => {
    const text = document.querySelector('.today-day')?.textContent ?? '';
    return Number(/day (\d+)/.exec(text)?.[1] ?? 0) >= 60;
  });
  const before = await keptState(page);
  expect(before.quiz).toContain('A');
  await inject(engineWorker(page));

  const alert = page.getByRole('alert').filter({ hasText: 'The simulation engine stopped' });
  await alert.waitFor({ timeout: 30_000 });
  expect(await alert.textContent()).toMatch(expected);
  const restart = alert.getByRole('button', { name: /Restart from day \d+/ });
  const lastGood = Number(/day (\d+)/.exec((await restart.textContent()) ?? '')?.[1]);
  expect(lastGood).toBeGreaterThanOrEqual(60);
  expect(lastGood).toBeLessThan(200);
  // The days computed before the fault are still on screen.
  expect(await lp.dayOnScreen()).toBeLessThanOrEqual(lastGood);
  expect(await keptState(page)).toEqual(before);
  await page.screenshot({ path: 'test-artifacts/engine-stopped.png' });

  await restart.click();
  await lp.waitForDay(200, 60_000);
  expect(await page.getByText('The simulation engine stopped').count()).toBe(0);
  expect(await lp.readTable()).toEqual(reference);
  expect(await keptState(page)).toEqual(before);
  expect(
    await quiz
      .getByRole('group', { name: /Quiz A/ })
      .getByRole('checkbox', { name: /needs less watching/ })
      .isChecked(),
  ).toBe(true);
  expect(lp.offOrigin()).toEqual([]);
  // The worker's own report of the injected error is expected; nothing else.
  expect(lp.errors.filter((e) => !/injected fault/.test(e))).toEqual([]);
  await page.close();
}

describe('engine faults in Chromium', () => {
  it('the worker throws mid-run: reported, then resumed from the last good day', async () => {
    await crashAndRecover(
      (worker) =>
        worker.evaluate(() => {
          setTimeout(() => {
            throw new Error('injected fault: the engine threw');
          });
        }),
      /injected fault: the engine threw/,
    );
    survived.push('worker throws mid-run');
  }, 120_000);

  it('the worker dies silently mid-run: the silence is noticed, then resumed', async () => {
    await crashAndRecover(
      (worker) => worker.evaluate(() => (self as unknown as { close(): void }).close()),
      /stopped answering/,
    );
    survived.push('worker dies silently mid-run');
  }, 120_000);
});
