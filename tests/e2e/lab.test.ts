/**
 * The built lab in real Chromium: it loads clean, the lesson shows up month
 * by month, the keys work, a link reproduces its numbers, a bad link is
 * named, and a full-year run can be paused and finished. Screenshots of the
 * lab at projector and desktop sizes are saved to test-artifacts/.
 */
import type { Page } from '@playwright/test';
import {
  batchesHandled,
  countHandledBatches,
  probeWorker,
  release,
  workerProbe,
} from './engineProbe';
import { ARTIFACTS, expect, test } from './fixtures';
import { engineWorker, meanOf } from './labPage';

/** The end of each month from July 2025 to March 2026: where "+1 month" lands. */
const MONTH_ENDS = [
  '31 Jul 2025',
  '31 Aug 2025',
  '30 Sep 2025',
  '31 Oct 2025',
  '30 Nov 2025',
  '31 Dec 2025',
  '31 Jan 2026',
  '28 Feb 2026',
  '31 Mar 2026',
];

/** Whether the chart has been laid out again for the window's current width. */
const chartFitsWindow = (page: Page) =>
  page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('.chart-figure svg.chart-surface');
    const box = svg?.closest('.chart-frame') ?? svg?.parentElement;
    return !!svg && !!box && Math.abs(svg.width.baseVal.value - box.clientWidth) <= 1;
  });

test.describe('the lab in Chromium', () => {
  test('loads with no errors, on WebAssembly, talking only to its own origin', async ({ lab }) => {
    const lp = await lab.open();
    const { page } = lp;
    await expect(page).toHaveTitle('Bloomcast');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bloomcast');
    await expect(page.locator('#scenario option')).toHaveCount(5);
    await expect(page.getByText(/TensorFlow\.js on WebAssembly/)).toHaveCount(1);
    await expect(page.locator('.chart-surface').first()).toBeVisible();
    expect(lp.errors).toEqual([]);
    expect(lp.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(lp.offOrigin()).toEqual([]);
    await page.close();
  });

  test('month by month to March: both lines, and the static line drops before Valentine’s Day', async ({
    lab,
  }) => {
    const lp = await lab.open();
    for (const monthEnd of MONTH_ENDS) {
      await lp.button('+1 month').click();
      await expect(lp.date).toHaveText(monthEnd);
      await expect(lp.page.locator('.progress')).toHaveCount(0);
    }
    const rows = await lp.readTable(274);
    expect(rows).toHaveLength(274);
    const serving = rows.filter((r) => r.date >= '2025-09-01');
    expect(serving.every((r) => r.static !== null && r.dynamic !== null)).toBe(true);
    await lp.openTab('The two models');
    const validationCell = lp.page
      .getByRole('article', { name: /Static model/ })
      .locator('dt:text("Validation accuracy") + dd');
    await expect(validationCell).toHaveText(/[\d.]+%/);
    const validation =
      Number(/([\d.]+)%/.exec((await validationCell.textContent()) ?? '')?.[1]) / 100;
    const staticWeek = meanOf(rows, 'static', '2026-02-07', '2026-02-13');
    const dynamicWeek = meanOf(rows, 'dynamic', '2026-02-07', '2026-02-13');
    const staticJanuary = meanOf(rows, 'static', '2026-01-05', '2026-01-25');
    expect(validation).toBeGreaterThan(0.75);
    expect(staticWeek).toBeLessThan(validation - 0.15);
    expect(staticWeek).toBeLessThan(staticJanuary - 0.15);
    expect(dynamicWeek).toBeGreaterThan(staticWeek + 0.1);
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  test('keyboard shortcuts: month, week, day, back, table, help, play and pause', async ({
    lab,
  }) => {
    const lp = await lab.open();
    const { page } = lp;
    await page.keyboard.press('m');
    await lp.waitForDay(31);
    await expect(lp.date).toHaveText('31 Jul 2025');
    await page.keyboard.press('w');
    await lp.waitForDay(38);
    await page.keyboard.press('d');
    await lp.waitForDay(39);
    await page.keyboard.press('ArrowLeft');
    await lp.waitForDay(38);
    await page.keyboard.press('t');
    await expect(page.locator('.data-table')).toBeVisible();
    await page.keyboard.press('t');
    await expect(page.locator('.chart-surface').first()).toBeVisible();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByText('Run to the end')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    // Focus is back on the ? button, where Space would press it: a click on
    // plain text gives the page the keys again.
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();
    await page.getByRole('heading', { name: 'Bloomcast' }).click();
    // Space plays: the days move on; space again pauses.
    await page.keyboard.press(' ');
    await expect(lp.button('Pause')).toBeVisible();
    await lp.waitPastDay(38);
    await page.keyboard.press(' ');
    await expect(lp.button('Play')).toBeVisible();
    await expect.poll(() => lp.dayOnScreen()).toBeGreaterThan(38);
    await page.keyboard.press('End');
    await lp.waitForDay(365);
    expect(lp.errors).toEqual([]);
    await page.close();
  });

  test('a shared link reproduces the numbers of the same moment reached by hand', async ({
    lab,
  }) => {
    const byHand = await lab.open('?scenario=seasons&seed=3');
    // Seven quick clicks add up to seven months, even while the engine computes.
    for (let i = 0; i < 7; i++) await byHand.button('+1 month').click();
    await byHand.waitForDay(215);
    await expect(byHand.page).toHaveURL(/day=215/);
    const link = new URL(byHand.page.url()).search;
    expect(link).toContain('scenario=seasons');
    expect(link).toContain('seed=3');
    const expected = await byHand.readTable(215);

    const shared = await lab.open(link);
    await shared.waitForDay(215);
    await expect(shared.page.locator('#scenario')).toHaveValue('seasons');
    expect(await shared.readTable(215)).toEqual(expected);
    expect(shared.errors).toEqual([]);
    await byHand.page.close();
    await shared.page.close();
  });

  test('a bad link loads the defaults for the bad fields and names them', async ({ lab }) => {
    const lp = await lab.open('?seed=abc&window=9999&cadence=hourly&visitors=300');
    const notice = lp.page.getByRole('alert').filter({ hasText: 'could not be used' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Seed (seed): ');
    await expect(notice).toContainText('Training window (window): ');
    await expect(notice).toContainText('Retrain the dynamic model (cadence): ');
    await expect(notice).not.toContainText(/visitors|windowDays/);
    await expect(lp.page.locator('#seed')).toHaveValue('1');
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  test('pause during a full-year run stops it before the end; run to the end completes it', async ({
    lab,
  }) => {
    const lp = await lab.openWith(countHandledBatches, '?seed=11');
    const worker = await engineWorker(lp.page);
    // The engine holds its run loop after its first batch past day 100, so the
    // pause lands mid-year however fast or slow this machine is today.
    await probeWorker(worker, 100);
    const handledBefore = await batchesHandled(lp.page);
    await lp.button('Run to the end').click();
    await expect.poll(async () => (await workerProbe(worker)).holding).toBe(true);
    await lp.waitPastDay(100);
    await lp.button('Pause').click();
    await expect(lp.button('Play')).toBeVisible();
    const stopped = await lp.dayOnScreen();
    await expect
      .poll(async () => (await workerProbe(worker)).sentAtPause, {
        message: 'the engine worker takes the pause',
      })
      .not.toBeNull();
    // Let the engine go on: paused, it must send nothing more.
    await release(worker);
    await expect.poll(async () => (await workerProbe(worker)).settled).toBe(true);
    const probe = await workerProbe(worker);
    expect(probe.sent).toBe(probe.sentAtPause);
    // Once the page has handled every batch sent, nothing can move the day any more.
    await expect
      .poll(async () => (await batchesHandled(lp.page)) - handledBefore, {
        message: 'the page handles every batch the engine sent',
      })
      .toBe(probe.sent);
    await expect(lp.day).toHaveText(`day ${stopped} of 365`);
    expect(stopped).toBeLessThan(365);
    await lp.button('Run to the end').click();
    await lp.waitForDay(365);
    await expect(lp.page.locator('.data-table, .chart-surface').first()).toBeAttached();
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await lp.page.setViewportSize({ width, height });
      await expect.poll(() => chartFitsWindow(lp.page)).toBe(true);
      await lp.page.screenshot({ path: `${ARTIFACTS}/lab-${width}x${height}.png` });
    }
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });
});
