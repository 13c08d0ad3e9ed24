/**
 * The model headlines and cards in Chromium: what they say after February
 * (the worst 7 days, the serving version's own check), their size (a
 * headline about 90 px high in the side column at 1366x768; on the
 * projector, numbers at least twice the chart's smallest text), and no
 * sideways overflow on a phone. The headlines stand beside every view but
 * the models' own, where the cards open with them.
 * Screenshots go to test-artifacts/cards-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';

/** 16 March 2026 in the default run: the week before Valentine's Day is past. */
const AFTER_FEBRUARY = 259;

/** A model's headline beside the views (a region named after the model and its version). */
const headlineIn = (page: Page, name: 'Static model' | 'Dynamic model') =>
  page.getByRole('region', { name: new RegExp(`^${name}`) });

/** A model's card, in the models' view. */
const cardOf = (page: Page, name: 'Static model' | 'Dynamic model') =>
  page.getByRole('article', { name });

/** A locator's height once it has a box. */
async function heightOf(locator: Locator): Promise<number> {
  let height = 0;
  await expect
    .poll(async () => {
      height = (await locator.boundingBox())?.height ?? 0;
      return height;
    })
    .toBeGreaterThan(0);
  return height;
}

test.describe('model headlines and cards', () => {
  test('after February: worst 7 days with their dates; the serving version’s own check; compact', async ({
    lab,
  }) => {
    const lp = await lab.open(`?day=${AFTER_FEBRUARY}`, { width: 1366, height: 768 });
    const { page } = lp;
    await lp.waitForDay(AFTER_FEBRUARY);
    const staticHead = headlineIn(page, 'Static model');
    const dynamicHead = headlineIn(page, 'Dynamic model');
    await expect(staticHead.locator('dt:text("Worst 7 days so far") + dd')).toHaveText(
      /^\d+\.\d%\d+–\d+ Feb 2026$/,
    );
    await expect(dynamicHead.locator('.version')).toHaveText(/^v\d{2,}$/);
    const version = (await dynamicHead.locator('.version').textContent())!;
    await expect(dynamicHead).toContainText(`vs ${version}’s own check`);
    for (const head of [staticHead, dynamicHead]) {
      expect(await heightOf(head)).toBeLessThanOrEqual(100);
    }
    await page
      .locator('.headlines')
      .screenshot({ path: `${ARTIFACTS}/cards-1366x768-day${AFTER_FEBRUARY}.png` });
    await lp.openTab('The two models');
    await expect(
      cardOf(page, 'Dynamic model').locator('dt:text("Validation accuracy") + dd'),
    ).toContainText(`${version}’s own check`);
    await page
      .locator('.models-view')
      .screenshot({ path: `${ARTIFACTS}/cards-models-view-day${AFTER_FEBRUARY}.png` });
    expect(lp.errors).toEqual([]);
  });

  test('on the projector (1280x720): numbers at least twice the chart’s 18 px, beside the chart', async ({
    lab,
  }) => {
    const lp = await lab.open(`?present=cards&day=${AFTER_FEBRUARY}`, { width: 1280, height: 720 });
    const { page } = lp;
    await lp.waitForDay(AFTER_FEBRUARY);
    const heads = [headlineIn(page, 'Static model'), headlineIn(page, 'Dynamic model')];
    for (const head of heads) {
      const numbers = head.locator('.headline-number');
      await expect(numbers).toHaveCount(2);
      for (const n of await numbers.all()) {
        // The rendered box of the text itself, not of its element.
        const { size, glyphs } = await n.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return {
            size: parseFloat(getComputedStyle(el).fontSize),
            glyphs: range.getBoundingClientRect().height,
          };
        });
        expect(size).toBeGreaterThanOrEqual(32);
        expect(glyphs).toBeGreaterThanOrEqual(36);
      }
    }
    await page.screenshot({ path: `${ARTIFACTS}/cards-present-1280x720.png` });
    // Beside the chart, both on screen.
    const chart = page.locator('.chart-panel');
    const chartBox = (await chart.boundingBox())!;
    for (const head of heads) {
      const box = (await head.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(chartBox.x + chartBox.width);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    }
  });

  test('on a phone (390x844): no card reaches past the screen’s edge', async ({ lab }) => {
    const lp = await lab.open(`?day=${AFTER_FEBRUARY}`, { width: 390, height: 844 });
    const { page } = lp;
    await lp.waitForDay(AFTER_FEBRUARY);
    await lp.openTab('The two models');
    for (const name of ['Static model', 'Dynamic model'] as const) {
      const card = cardOf(page, name);
      await expect(card.locator('.headline-number')).toHaveCount(2);
      // The right edge of the card and of everything in it, against the viewport.
      const widest = await card.evaluate((el) =>
        Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
      );
      expect(widest).toBeLessThanOrEqual(390);
      await card.screenshot({ path: `${ARTIFACTS}/cards-390x844-${name.split(' ')[0]}.png` });
    }
  });

  test('day 62: what version 1 learned, not dashes', async ({ lab }) => {
    const lp = await lab.open('?day=62', { width: 1366, height: 768 });
    const { page } = lp;
    await lp.waitForDay(62);
    await lp.openTab('The two models');
    const learned = cardOf(page, 'Static model').locator('table.effects tbody tr td:first-of-type');
    await expect(learned.first()).toHaveText(/^[+−]\d+\.\d+$/);
    await expect(learned.filter({ hasText: /^–$/ })).toHaveCount(0);
    await page.locator('.models-view').screenshot({ path: `${ARTIFACTS}/cards-day62.png` });
  });
});
