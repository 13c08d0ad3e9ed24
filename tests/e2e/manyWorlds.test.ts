/**
 * Many worlds in Chromium, on the worker pool: on a short run (120 days,
 * played to its end so the estimate shows), 10 seeds run to completion, each
 * model's band and median are drawn (two band paths, two medians, the
 * seed's own lines thin), the legend names the band, the sentence shows, the
 * headlines count their worst week over the seeds, a 7-day rolling mean
 * redraws the band and medians (and the daily one brings the first back),
 * with no console error; Cancel stops a run of 50 seeds. Screenshots at 1366x768
 * and 390x844 to test-artifacts/. Presenting at 1280x720, the bar runs the
 * seeds (progress, Cancel, Clear) in one line, the caption says what they
 * found until Clear, and the chart keeps its size.
 *
 * Owns: these checks. Must not touch: the numbers (unit tests recompute them).
 */
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';

const RUN_TIMEOUT = 180_000;

/** Opens the many-worlds row (a button in the chart's header) and returns it. */
async function worlds(page: Page) {
  await page.getByRole('button', { name: 'Many worlds…' }).click();
  return page.getByRole('group', { name: 'Many worlds' });
}

test('10 seeds of a short run draw the band and say the sentence; Cancel stops a run', async ({
  lab,
}) => {
  test.setTimeout(300_000);
  const lp = await lab.open('?days=120&day=120', { width: 1366, height: 768 });
  await lp.waitForDay(120);
  const group = await worlds(lp.page);
  const note = group.getByRole('status');
  // The lab's own run has finished: the estimate is its time per seed.
  await expect(note).toHaveText(
    /^seeds (\d+)-(\d+): the one on screen and the next 9; about \d+ (s|min)$/,
  );
  await group.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(group.getByRole('button', { name: 'Cancel' })).toBeVisible();
  const plot = lp.page.locator('.chart-panel .chart-plot');
  await expect(plot.locator('path.many-worlds-band')).toHaveCount(2, { timeout: RUN_TIMEOUT });
  await expect(plot.locator('path.many-worlds-median')).toHaveCount(2);
  for (const role of ['static', 'dynamic']) {
    await expect(plot.locator(`path.many-worlds-band[data-model=${role}]`)).toHaveAttribute(
      'd',
      /^M[\d.,L]+Z$/,
    );
  }
  // The seed on screen: thin lines under the medians.
  await expect(plot.locator('path.chart-line').first()).toHaveAttribute('stroke-width', '1');
  await expect(lp.page.getByRole('list', { name: 'Legend' })).toContainText(
    'Median and 10-90% of 10 seeds',
  );
  await expect(lp.page.locator('.many-worlds-sentence')).toHaveText(
    /^On (\d+|none) of 10 seeds the dynamic model’s mean accuracy over the run (never )?beat the static one’s \(dynamic median \d+%, 10-90%: [\d-]+%; static median \d+%, 10-90%: [\d-]+%\)\.$/,
  );
  await lp.page
    .locator('.chart-panel')
    .screenshot({ path: `${ARTIFACTS}/many-worlds-1366x768.png` });
  await lp.page.screenshot({ path: `${ARTIFACTS}/many-worlds-1366x768-page.png` });
  // The headlines say on how many seeds their worst week falls on the same days.
  for (const name of [/Static model/, /Dynamic model/]) {
    await expect(lp.page.getByRole('region', { name }).first()).toContainText(
      /\(on (\d+|none) of 10 seeds\)/,
    );
  }

  // A 7-day rolling mean: the band and the median follow it (each seed's own 7-day mean).
  const band = plot.locator('path.many-worlds-band[data-model=static]');
  const median = plot.locator('path.many-worlds-median[data-model=dynamic]');
  const dailyBand = await band.getAttribute('d');
  const dailyMedian = await median.getAttribute('d');
  await lp.page.getByRole('combobox', { name: /Rolling mean/ }).selectOption('7');
  await expect(band).not.toHaveAttribute('d', dailyBand ?? '');
  await expect(band).toHaveAttribute('d', /^M[\d.,L]+Z$/);
  await expect(median).not.toHaveAttribute('d', dailyMedian ?? '');
  await expect(plot.locator('path.many-worlds-band')).toHaveCount(2);
  await lp.page.screenshot({ path: `${ARTIFACTS}/many-worlds-7-day-1366x768-page.png` });
  await lp.page.getByRole('combobox', { name: /Rolling mean/ }).selectOption('1');
  await expect(band).toHaveAttribute('d', dailyBand ?? '');

  // Cancel: 50 seeds start, and stop on Cancel (the band shown stays).
  await group.getByRole('combobox', { name: /Many worlds/ }).selectOption('50');
  await group.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(note).toHaveText(/of 50 seeds done…$/);
  await group.getByRole('button', { name: 'Cancel' }).click();
  await expect(group.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(group.locator('progress')).toHaveCount(0);
  await expect(group.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(lp.page.locator('.many-worlds-error')).toHaveCount(0);
  expect(lp.errors).toEqual([]);
  await lp.page.close();
});

test('on a phone the control wraps inside the panel and the band is drawn', async ({ lab }) => {
  test.setTimeout(300_000);
  const lp = await lab.open('?days=120&day=120', { width: 390, height: 844 });
  await lp.waitForDay(120);
  const group = await worlds(lp.page);
  await group.getByRole('button', { name: 'Run', exact: true }).click();
  const plot = lp.page.locator('.chart-panel .chart-plot');
  await expect(plot.locator('path.many-worlds-band')).toHaveCount(2, { timeout: RUN_TIMEOUT });
  await expect(lp.page.locator('.many-worlds-sentence')).toBeVisible();
  // The control stays inside the panel's width (it wraps).
  await expect
    .poll(async () => {
      const panel = await lp.page.locator('.chart-panel').boundingBox();
      const box = await group.boundingBox();
      return Boolean(
        panel && box && box.x >= panel.x && box.x + box.width <= panel.x + panel.width + 0.5,
      );
    })
    .toBe(true);
  await lp.page.locator('.many-worlds-sentence').scrollIntoViewIfNeeded();
  await lp.page.screenshot({ path: `${ARTIFACTS}/many-worlds-390x844.png` });
  // The headline's count over the seeds stays inside its card.
  const headline = lp.page.getByRole('region', { name: /Static model/ }).first();
  await headline.scrollIntoViewIfNeeded();
  const count = headline.locator('.headline-seeds');
  await expect(count).toHaveText(/^\(on (\d+|none) of 10 seeds\)$/);
  await expect
    .poll(async () => {
      const card = await headline.boundingBox();
      const box = await count.boundingBox();
      return Boolean(card && box && box.x + box.width <= card.x + card.width + 0.5);
    })
    .toBe(true);
  await lp.page.screenshot({ path: `${ARTIFACTS}/many-worlds-headline-390x844.png` });
  expect(lp.errors).toEqual([]);
  await lp.page.close();
});

test('presenting at 1280x720, the bar runs the seeds in one line, the caption says what they found, and the chart keeps its size', async ({
  lab,
}) => {
  test.setTimeout(300_000);
  const size = { width: 1280, height: 720 };
  const lp = await lab.open('?days=120&day=120&present=cards', size);
  await lp.waitForDay(120);
  const { page } = lp;
  const bar = page.locator('header.projector-bar');
  const group = bar.getByRole('group', { name: 'Many worlds' });
  const title = bar.getByRole('heading', { level: 1 });
  const leave = bar.getByRole('button', { name: 'Leave presentation' });
  /** Every part of the bar on the title's line: the bar takes one row, whatever it shows. */
  const oneLine = () =>
    expect
      .poll(async () => {
        const [t, l, g] = await Promise.all([
          title.boundingBox(),
          leave.boundingBox(),
          group.boundingBox(),
        ]);
        if (!t || !l || !g) return 'missing';
        const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
        return Math.max(Math.abs(middle(l) - middle(t)), Math.abs(middle(g) - middle(t))) < 12
          ? 'one line'
          : `title at ${middle(t)}, many worlds at ${middle(g)}, leave at ${middle(l)}`;
      })
      .toBe('one line');
  await oneLine();
  await group.getByRole('button', { name: 'Many worlds (10)' }).click();
  await expect(group.getByRole('status')).toHaveText(/^\d+ of 10$/);
  await expect(group.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await oneLine();
  await page.screenshot({ path: `${ARTIFACTS}/many-worlds-presenting-running-1280x720.png` });
  const plot = page.locator('.chart-panel .chart-plot');
  await expect(plot.locator('path.many-worlds-band')).toHaveCount(2, { timeout: RUN_TIMEOUT });
  await expect(group.getByRole('button', { name: 'Clear 10 seeds' })).toBeVisible();
  await oneLine();
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText(
    'Median and 10-90% of 10 seeds',
  );
  // The caption (no chapter open) says what the seeds found, at caption size.
  const caption = page.locator('#projector-caption');
  await expect(caption).toHaveText(
    /^On (\d+|none) of 10 seeds the dynamic model’s mean accuracy over the run (never )?beat the static one’s \(dynamic median \d+%, 10-90%: [\d-]+%; static median \d+%, 10-90%: [\d-]+%\)\.$/,
  );
  const chart = await page.locator('svg.chart-surface').boundingBox();
  expect(chart?.height ?? 0, 'the chart is at least 65% of the screen high').toBeGreaterThanOrEqual(
    0.65 * size.height,
  );
  await page.screenshot({ path: `${ARTIFACTS}/many-worlds-presenting-1280x720.png` });
  await group.getByRole('button', { name: 'Clear 10 seeds' }).click();
  await expect(plot.locator('path.many-worlds-band')).toHaveCount(0);
  await expect(group.getByRole('button', { name: 'Many worlds (10)' })).toBeVisible();
  await expect(caption).toHaveText(/^The shop's usual year/);
  expect(lp.errors).toEqual([]);
  await page.close();
});
