/**
 * One screen: the lab's layout measured in Chromium from bounding boxes, at a
 * student's laptop (1366x768), a classroom projector presenting (1280x720)
 * and a large screen presenting (1920x1080), a tablet (768x1024) and a phone
 * (390x844). Every view is opened at each size, nothing scrolls sideways,
 * and each is kept as a screenshot under test-artifacts/layout/ to look at.
 *
 * Owns: the layout's numbers (the issue "One screen"). Must not touch: what
 * the panels say (their own tests), the chart's type sizes (chartReadable).
 */
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, recordCases, test } from './fixtures';
import { type LabPage, type Size, VIEW_TABS as TABS } from './labPage';

recordCases('layout');

const LAPTOP: Size = { width: 1366, height: 768 };
const PROJECTOR: Size = { width: 1280, height: 720 };
const LARGE: Size = { width: 1920, height: 1080 };
const TABLET: Size = { width: 768, height: 1024 };
const PHONE: Size = { width: 390, height: 844 };

/** The default run at the day the issue measured, and the projector's link. */
const DAY = 229;
const RUN = `?day=${DAY}`;

/** The chart's drawing surface (the SVG Recharts draws in). */
const chartSurface = (page: Page) => page.locator('.chart-panel svg.chart-surface').first();

/** A locator's box, polled until it has one. */
async function boxOf(locator: Locator) {
  await expect(locator).toBeVisible();
  let box: { x: number; y: number; width: number; height: number } | null = null;
  await expect
    .poll(async () => {
      box = await locator.boundingBox();
      return box !== null;
    })
    .toBe(true);
  return box!;
}

/** Waits until the page does not scroll sideways. */
async function noSidewaysScroll(page: Page, what: string) {
  await expect
    .poll(
      () =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      { message: `${what}: the page scrolls sideways by this many px` },
    )
    .toBeLessThanOrEqual(0);
}

/** Opens each view by its tab, checks it, and keeps its screenshot. */
async function everyView(lp: LabPage, name: string, check?: (tab: string) => Promise<void>) {
  for (const tab of TABS) {
    await lp.openTab(tab);
    await expect(lp.page.locator('.lab-view[role="tabpanel"]')).toBeVisible();
    await noSidewaysScroll(lp.page, `${name}, ${tab}`);
    if (check) await check(tab);
    const file = tab.toLowerCase().replace(/\W+/g, '-');
    await lp.page.screenshot({ path: `${ARTIFACTS}/layout/${name}-${file}.png`, fullPage: true });
  }
  await lp.openTab('Chart');
}

test.describe('one screen', () => {
  test('a laptop (1366x768) sees the timeline, a large chart, both models’ numbers and the lesson without scrolling', async ({
    lab,
  }) => {
    const lp = await lab.open(RUN, LAPTOP);
    const { page } = lp;
    await lp.waitForDay(DAY);
    const vh = LAPTOP.height;
    const chart = await boxOf(chartSurface(page));
    expect(chart.height, 'the chart is at least 45% of the screen high').toBeGreaterThanOrEqual(
      0.45 * vh,
    );
    expect(chart.width, 'the chart is at least 60% of the screen wide').toBeGreaterThanOrEqual(
      0.6 * LAPTOP.width,
    );
    expect(chart.y + chart.height).toBeLessThanOrEqual(vh);
    for (const target of [
      page.locator('.timeline'),
      page.getByRole('group', { name: 'The two models in numbers' }),
      page.getByRole('tablist', { name: 'Views of the lab' }),
    ]) {
      const box = await boxOf(target);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, 'on screen without scrolling').toBeLessThanOrEqual(vh);
    }
    for (const role of ['Static model', 'Dynamic model']) {
      const card = page.getByRole('region', { name: new RegExp(`^${role}`) });
      await expect(card).toContainText('Last 7 days');
      await expect(card).toContainText(/Worst 7 days/i);
      const box = await boxOf(card);
      expect(box.y + box.height).toBeLessThanOrEqual(vh);
    }
    const lesson = await boxOf(page.getByRole('complementary', { name: 'The lesson' }));
    expect(lesson.y + 120, 'the lesson starts on screen').toBeLessThanOrEqual(vh);
    expect(lesson.x, 'beside the chart').toBeGreaterThanOrEqual(chart.x + chart.width);
    // The chart view is the screen: nothing below it to scroll to.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollHeight))
      .toBeLessThanOrEqual(vh);
    await noSidewaysScroll(page, 'laptop');
    await everyView(lp, 'laptop', async (tab) => {
      if (tab === 'Chart') return;
      // Each view fits in about two screens; long tables scroll inside themselves.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollHeight), {
          message: `${tab}: page height`,
        })
        .toBeLessThanOrEqual(2.3 * vh);
    });
    await page.close();
  });

  test('the first screen says what this is and offers two ways in', async ({ lab }) => {
    const lp = await lab.open('', LAPTOP);
    const { page } = lp;
    const welcome = page.getByRole('region', { name: /A year in a flower shop/ });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('button', { name: 'Start the guided lesson' })).toBeVisible();
    const run = welcome.getByRole('button', { name: 'Run the year' });
    const box = await boxOf(run);
    expect(box.y + box.height).toBeLessThanOrEqual(LAPTOP.height);
    await page.screenshot({ path: `${ARTIFACTS}/layout/first-screen.png` });
    await run.click();
    await expect(welcome).toHaveCount(0);
    await lp.waitPastDay(10);
    await page.close();
  });

  for (const [name, size, minText] of [
    ['projector', PROJECTOR, 18],
    ['large', LARGE, 24],
  ] as const) {
    test(`presenting at ${size.width}x${size.height}: the chart fills the screen, the numbers are large, the timeline slim`, async ({
      lab,
    }) => {
      const lp = await lab.open(`${RUN}&present=cards`, size);
      const { page } = lp;
      await lp.waitForDay(DAY);
      const vh = size.height;
      const chart = await boxOf(chartSurface(page));
      expect(chart.height, 'the chart is at least 65% of the screen high').toBeGreaterThanOrEqual(
        0.65 * vh,
      );
      expect(chart.y + chart.height).toBeLessThanOrEqual(vh);
      const timeline = await boxOf(page.locator('.timeline'));
      expect(timeline.height, 'a slim timeline').toBeLessThanOrEqual(0.1 * vh);
      const caption = await boxOf(page.locator('#projector-caption'));
      expect(caption.y + caption.height).toBeLessThanOrEqual(chart.y + 1);
      for (const role of ['Static model', 'Dynamic model']) {
        const card = page.getByRole('region', { name: new RegExp(`^${role}`) });
        const box = await boxOf(card);
        expect(box.y + box.height, `${role} on screen`).toBeLessThanOrEqual(vh);
        // The headline number, large: its text box at least twice the chart's smallest text.
        const big = await boxOf(card.locator('.headline-number').first());
        expect(big.height).toBeGreaterThanOrEqual(2 * minText);
      }
      await noSidewaysScroll(page, name);
      await page.screenshot({ path: `${ARTIFACTS}/layout/presenting-${name}.png` });
      await page.close();
    });
  }

  test.describe('touch screens', () => {
    // A tablet and a phone have touch screens (and so a coarse pointer).
    test.use({ hasTouch: true });
    for (const [name, size] of [
      ['tablet', TABLET],
      ['phone', PHONE],
    ] as const) {
      test(`a ${name} (${size.width}x${size.height}): no view scrolls sideways, controls are touch targets`, async ({
        lab,
      }) => {
        const lp = await lab.open(RUN, size);
        const { page } = lp;
        await lp.waitForDay(DAY);
        await noSidewaysScroll(page, name);
        // One column: the options and legend wrap above the chart, yet the plot keeps
        // a readable height, and the chart's panel ends before the lesson begins.
        await expect
          .poll(async () => (await boxOf(chartSurface(page))).height)
          .toBeGreaterThanOrEqual(300);
        const chartPanel = await boxOf(page.locator('.chart-panel'));
        const side = await boxOf(page.locator('.lab-side'));
        expect(chartPanel.y + chartPanel.height).toBeLessThanOrEqual(side.y);
        const targets = [
          page.locator('.timeline button:visible'),
          page.locator('.timeline select:visible'),
          page.locator('.scrubber input[type="range"]'),
          page.locator('.app-header button:visible'),
          page.getByRole('tab'),
          page.locator('.chart-panel input[type="checkbox"]:visible'),
        ];
        for (const group of targets) {
          const count = await group.count();
          expect(count, 'controls to measure').toBeGreaterThan(0);
          for (let i = 0; i < count; i += 1) {
            // A checkbox's target is its label (a click on the label checks it).
            const target = group.nth(i);
            const isBox = (await target.getAttribute('type')) === 'checkbox';
            const box = await boxOf(isBox ? target.locator('xpath=ancestor::label[1]') : target);
            expect(box.height, `touch target height`).toBeGreaterThanOrEqual(44);
            expect(box.width, `touch target width`).toBeGreaterThanOrEqual(44);
          }
        }
        await everyView(lp, name);
        await page.getByRole('button', { name: 'Settings' }).click();
        const drawer = page.getByRole('dialog', { name: 'Settings' });
        const box = await boxOf(drawer);
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        await page.screenshot({ path: `${ARTIFACTS}/layout/${name}-settings.png` });
        await page.keyboard.press('Escape');
        await page.keyboard.press('p');
        await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
        await noSidewaysScroll(page, `${name} presenting`);
        if (size === PHONE) {
          // One column: the numbers under the chart, not squeezed beside it.
          const chart = await boxOf(chartSurface(page));
          const card = await boxOf(page.getByRole('region', { name: /^Static model/ }));
          expect(card.y).toBeGreaterThanOrEqual(chart.y + chart.height);
        }
        // However narrow the numbers' column, no two headline numbers overprint.
        await expect
          .poll(() =>
            page.locator('.headline-number').evaluateAll((els) => {
              const boxes = els.map((e) => e.getBoundingClientRect());
              return boxes.some((a, i) =>
                boxes.some(
                  (b, j) =>
                    i < j &&
                    a.left < b.right &&
                    b.left < a.right &&
                    a.top < b.bottom &&
                    b.top < a.bottom,
                ),
              );
            }),
          )
          .toBe(false);
        await page.screenshot({
          path: `${ARTIFACTS}/layout/${name}-presenting.png`,
          fullPage: true,
        });
        await page.close();
      });
    }
  });

  test('every view is one key away and its link reopens it', async ({ lab }) => {
    const lp = await lab.open(RUN, LAPTOP);
    const { page } = lp;
    await lp.waitForDay(DAY);
    await page.keyboard.press('4');
    await expect(lp.tab('Training jobs')).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/[?&]tab=jobs\b/);
    // Arrow keys move along the tabs and open them; the day stays where it was.
    await lp.tab('Training jobs').focus();
    await page.keyboard.press('ArrowRight');
    await expect(lp.tab('Compare strategies')).toBeFocused();
    await expect(lp.tab('Compare strategies')).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(/[?&]tab=compare\b/);
    await lp.waitForDay(DAY);
    await page.keyboard.press('End');
    await expect(lp.tab('Data table')).toBeFocused();
    await expect(page).toHaveURL(/[?&]tab=table\b/);
    // The link opens the same view at the same day.
    const again = await lab.open(new URL(page.url()).search, LAPTOP);
    await expect(again.tab('Data table')).toHaveAttribute('aria-selected', 'true');
    await again.waitForDay(DAY);
    await expect(again.page.locator('.data-table tbody tr')).toHaveCount(DAY);
    // Keys 1-7 work from anywhere but a field.
    await again.page.keyboard.press('1');
    await expect(again.tab('Chart')).toHaveAttribute('aria-selected', 'true');
    await page.close();
    await again.page.close();
  });
});
