/**
 * The lesson panel reads well where the layout puts it: the side column
 * beside the chart at 1366x768 (about 400 px wide), and a 390x844 phone:
 * nothing inside sticks out, the comparison table stacks each aspect above
 * its two answers, the two toggles are 44 px touch targets. (Presentation
 * mode shows the chart, not the lesson: its caption slot is the chapters'.)
 * Screenshots: test-artifacts/lesson-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';

/** The side column's widest: 27rem of the 15 px root, its padding included. */
const COLUMN = 27 * 15;

/** The lesson panel where the layout puts it. */
const lessonIn = (page: Page): Locator => page.locator('section.lesson');

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
  test('in the side column at 1366x768', async ({ lab }) => {
    const lp = await lab.open('', { width: 1366, height: 768 });
    const lesson = lessonIn(lp.page);
    await expect
      .poll(async () => (await lesson.boundingBox())?.width ?? Infinity)
      .toBeLessThanOrEqual(COLUMN);
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
    const lesson = lessonIn(lp.page);
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
});
