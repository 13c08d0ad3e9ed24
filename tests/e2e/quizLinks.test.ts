/**
 * Quiz links land on their evidence (Chromium, 1366x768): after both quizzes
 * are checked, each "See it in the lab" link opens its scenario on its day,
 * in the view that holds the evidence, with that evidence in the viewport and
 * outlined; no console error on the way. One screenshot per landing goes to
 * test-artifacts/.
 */
import { QUIZZES } from '../../src/content/quiz';
import { dateOfDay, formatDate } from '../../src/sim/world/calendar';
import { defaultSettings } from '../../src/sim/settings';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const TAB_NAME = {
  chart: 'Chart',
  models: 'The two models',
  inputs: 'Watching the inputs',
  jobs: 'Training jobs',
  compare: 'Compare strategies',
  table: 'Data table',
} as const;

const SIZE = { width: 1366, height: 768 };

/** The share of an element on screen: of its own height, or of the screen's when it is taller. */
function shownShare(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const shown = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
    return Math.max(0, shown) / Math.min(box.height, window.innerHeight);
  });
}

test.describe('quiz links', () => {
  test('each link opens its view on its day, with its evidence in view and outlined', async ({
    lab,
  }) => {
    test.setTimeout(600_000);
    const lp = await lab.open('', SIZE);
    const { page } = lp;
    await lp.openTab('Quizzes');
    const quiz = page.getByRole('region', { name: 'Check your understanding' });
    await quiz
      .getByRole('group', { name: /Quiz B/ })
      .getByRole('radio', { name: 'It stays up to date as new data comes in.' })
      .check();
    // Checking a quiz turns its button into "Try again": the first "Check" left is the next quiz's.
    const check = quiz.getByRole('button', { name: 'Check' });
    await check.first().click();
    await expect(check).toHaveCount(1);
    await check.first().click();
    await expect(check).toHaveCount(0);
    await expect(quiz.getByRole('link', { name: /See it in the lab/ })).toHaveCount(
      QUIZZES.flatMap((q) => q.options).length,
    );

    for (const option of QUIZZES.flatMap((q) => q.options)) {
      await test.step(option.id, async () => {
        const target = option.lab;
        const view = target.view ?? 'chart';
        await lp.openTab('Quizzes');
        await quiz.getByRole('link', { name: `See it in the lab: ${target.label}` }).click();
        await expect(lp.tab(TAB_NAME[view])).toHaveAttribute('aria-selected', 'true');
        await lp.waitForDay(target.day);
        await expect(lp.date).toHaveText(
          formatDate(dateOfDay(defaultSettings().startDate, target.day)),
        );
        await expect(page.locator('#scenario')).toHaveValue(target.scenario);
        const evidence = page.locator(target.spotlight!).first();
        await expect(evidence).toBeVisible();
        // In view, not just touching it: at least 90% of it, or of the screen when it is taller.
        await expect.poll(() => shownShare(evidence), { timeout: 10_000 }).toBeGreaterThan(0.9);
        await expect(evidence).toHaveCSS('outline-style', 'solid');
        await expect(evidence).toHaveCSS('outline-width', '4px');
        await page.screenshot({ path: `test-artifacts/quiz-link-${option.id}-1366x768.png` });
      });
    }
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});
