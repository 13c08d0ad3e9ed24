/**
 * The model headlines and cards in Chromium: what they say after February
 * (the worst 7 days, the serving version's own check), their size (a
 * headline about 90 px high at 440 px wide; on the projector, numbers of
 * 40 px and more in about 120 px), and no sideways overflow on a phone.
 * Screenshots go to test-artifacts/cards-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';

/** 16 March 2026 in the default run: the week before Valentine's Day is past. */
const AFTER_FEBRUARY = 259;

const headlineIn = (page: Page, name: 'Static model' | 'Dynamic model') =>
  page.getByRole('article', { name }).locator('.model-headline');

/**
 * The headline's height when its inside is `width` px wide (a standalone
 * headline adds its panel's padding and border, `frame` px, to both).
 */
async function heightAt(headline: Locator, width: number): Promise<number> {
  await headline.evaluate((el: HTMLElement, w) => {
    el.style.width = `${w}px`;
  }, width);
  let height = 0;
  await expect
    .poll(async () => {
      const box = await headline.boundingBox();
      height = box?.height ?? 0;
      return box?.width;
    })
    .toBe(width);
  return height;
}

/** .model-headline-panel's padding and border (cards.css), left plus right and top plus bottom. */
const FRAME = { x: 2 * 11.25 + 2, y: 2 * 6 + 2 };

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
    await expect(
      page
        .getByRole('article', { name: 'Dynamic model' })
        .locator('dt:text("Validation accuracy") + dd'),
    ).toContainText(`${version}’s own check`);
    await page
      .locator('.cards')
      .screenshot({ path: `${ARTIFACTS}/cards-1366x768-day${AFTER_FEBRUARY}.png` });

    for (const head of [staticHead, dynamicHead]) {
      expect(await heightAt(head, 440 - FRAME.x)).toBeLessThanOrEqual(90 - FRAME.y);
    }
    await staticHead.screenshot({ path: `${ARTIFACTS}/cards-headline-440.png` });
    expect(lp.errors).toEqual([]);
  });

  test('on the projector (1280x720): numbers of 40 px and more, two abreast in about 120 px', async ({
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
        expect(size).toBeGreaterThanOrEqual(40);
        expect(glyphs).toBeGreaterThanOrEqual(40);
      }
    }
    await page.screenshot({ path: `${ARTIFACTS}/cards-present-1280x720.png` });
    // Two side by side above a chart: half of the page's width, less a gap, each.
    const half = (1280 - 2 * 16 - 16) / 2;
    for (const head of heads) {
      expect(await heightAt(head, half - FRAME.x)).toBeLessThanOrEqual(120 - FRAME.y);
    }
    await heads[1].screenshot({ path: `${ARTIFACTS}/cards-present-headline-half.png` });
  });

  test('on a phone (390x844): no card reaches past the screen’s edge', async ({ lab }) => {
    const lp = await lab.open(`?day=${AFTER_FEBRUARY}`, { width: 390, height: 844 });
    const { page } = lp;
    await lp.waitForDay(AFTER_FEBRUARY);
    for (const name of ['Static model', 'Dynamic model'] as const) {
      const card = page.getByRole('article', { name });
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
    const learned = page
      .getByRole('article', { name: 'Static model' })
      .locator('table.effects tbody tr td:first-of-type');
    await expect(learned.first()).toHaveText(/^[+−]\d+\.\d+$/);
    await expect(learned.filter({ hasText: /^–$/ })).toHaveCount(0);
    await page.locator('.cards').screenshot({ path: `${ARTIFACTS}/cards-day62.png` });
  });
});
