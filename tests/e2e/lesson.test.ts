/**
 * The lesson panel reads well where the new layout puts it: a side column
 * about 380 px wide at 1366x768, a 390x844 phone, and presentation mode. The
 * side column is simulated by giving the panel that width (the page's layout
 * places it; this file checks the panel itself): nothing inside sticks out,
 * the comparison table stacks each aspect above its two answers, the two
 * toggles are 44 px touch targets, and presentation mode grows every line of
 * it. Screenshots: test-artifacts/lesson-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';

const COLUMN = 380;

/** Puts the panel in a column `width` px wide, as the side column will. */
async function inColumn(page: Page, width: number): Promise<Locator> {
  const lesson = page.locator('section.lesson');
  await lesson.evaluate((el, w) => {
    el.style.width = `${w}px`;
    el.style.boxSizing = 'border-box';
  }, width);
  return lesson;
}

/** Opens the instructor's notes too, so that every line of the panel shows. */
async function openAll(lesson: Locator) {
  const notes = lesson.locator('details.scenario-notes');
  await notes.locator('summary').click();
  await expect(notes).toHaveAttribute('open', '');
}

/** Lay-out facts of the panel, read in one go for expect.poll. */
function measure(lesson: Locator) {
  return lesson.evaluate((section) => {
    const box = section.getBoundingClientRect();
    let overflowPx = 0;
    let smallestFont = Infinity;
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        overflowPx = Math.max(overflowPx, r.right - box.right, box.left - r.left);
      }
      smallestFont = Math.min(
        smallestFont,
        parseFloat(getComputedStyle(node.parentElement).fontSize),
      );
    }
    const aspect = section.querySelector('.lesson-table tbody th')!.getBoundingClientRect();
    const table = section.querySelector('.lesson-table')!.getBoundingClientRect();
    const summaries = [...section.querySelectorAll('summary')].map(
      (s) => s.getBoundingClientRect().height,
    );
    return {
      overflowPx: Math.round(overflowPx),
      scrollsSideways: section.scrollWidth > section.clientWidth,
      smallestFont,
      /** An aspect's heading spans the table: the stacked layout. */
      stacked: aspect.width >= table.width - 2,
      shortestToggle: Math.min(...summaries),
    };
  });
}

test.describe('the lesson panel', () => {
  test('in a 380 px side column at 1366x768', async ({ lab }) => {
    const lp = await lab.open('', { width: 1366, height: 768 });
    const lesson = await inColumn(lp.page, COLUMN);
    await openAll(lesson);
    await expect
      .poll(() => measure(lesson))
      .toMatchObject({ overflowPx: 0, scrollsSideways: false, stacked: true });
    await expect.poll(async () => (await measure(lesson)).smallestFont).toBeGreaterThanOrEqual(12);
    await expect
      .poll(async () => (await measure(lesson)).shortestToggle)
      .toBeGreaterThanOrEqual(44);
    await lesson.screenshot({ path: `${ARTIFACTS}/lesson-column-380-at-1366x768.png` });
    expect(lp.errors).toEqual([]);
  });

  test('on a 390x844 phone', async ({ lab }) => {
    const lp = await lab.open('', { width: 390, height: 844 });
    const lesson = lp.page.locator('section.lesson');
    await openAll(lesson);
    await expect
      .poll(() => measure(lesson))
      .toMatchObject({ overflowPx: 0, scrollsSideways: false, stacked: true });
    await expect
      .poll(async () => {
        const box = await lesson.boundingBox();
        return box ? box.x >= 0 && box.x + box.width <= 390 : false;
      })
      .toBe(true);
    await expect
      .poll(async () => (await measure(lesson)).shortestToggle)
      .toBeGreaterThanOrEqual(44);
    await lesson.screenshot({ path: `${ARTIFACTS}/lesson-390x844.png` });
    expect(lp.errors).toEqual([]);
  });

  test('in presentation mode its text grows with the projector type (1280x720)', async ({
    lab,
  }) => {
    const lp = await lab.open('', { width: 1280, height: 720 });
    const lesson = await inColumn(lp.page, COLUMN);
    await openAll(lesson);
    await expect.poll(async () => (await measure(lesson)).smallestFont).toBeLessThan(18);
    // Presentation mode's class on the app root, with the panel where the layout puts it.
    await lp.page.locator('.app').evaluate((app) => app.classList.add('presenting'));
    await expect
      .poll(() => measure(lesson))
      .toMatchObject({ overflowPx: 0, scrollsSideways: false, stacked: true });
    await expect.poll(async () => (await measure(lesson)).smallestFont).toBeGreaterThanOrEqual(18);
    await lesson.screenshot({ path: `${ARTIFACTS}/lesson-column-380-presenting-1280x720.png` });
    expect(lp.errors).toEqual([]);
  });
});
