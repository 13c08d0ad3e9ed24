/**
 * Accessibility: axe-core finds no serious or critical violation on any view
 * (each tab at a serving day), in the settings drawer, and in presentation
 * mode (the chart and another view).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VIEW_TABS as TABS } from './labPage';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, not added as an inline <script>: the app's
  // Content-Security-Policy refuses inline scripts, as it should.
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource);
  const violations = await page.evaluate<Violation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** The views' ids, in the order of their tabs (and of the keys 1-7). */
const TAB_IDS = ['chart', 'models', 'inputs', 'jobs', 'compare', 'quiz', 'table'];

test.describe('accessibility (axe-core)', () => {
  test('no serious or critical violation on every view, the drawer and presentation mode', async ({
    lab,
  }) => {
    const lp = await lab.open('?scenario=buggy-job&vgate=false&day=160', {
      width: 1280,
      height: 900,
    });
    const { page } = lp;
    await lp.waitForDay(160);
    const found: Record<string, string[]> = {};
    for (const tab of TABS) {
      await lp.openTab(tab);
      await expect(page.locator('.lab-view[role="tabpanel"]')).toBeVisible();
      if (tab === 'Watching the inputs') {
        // The panel redraws after the timeline: wait until it shows the day too.
        await expect(page.locator('.drift-verdict')).toContainText('on 7 Dec 2025');
      }
      if (tab === 'Data table') await expect(page.locator('.data-table tbody tr')).toHaveCount(160);
      found[tab] = await seriousViolations(page);
    }
    await lp.openTab('Chart');
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    found.settings = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    // Presenting, each view by its key (the projector's bar has no tab bar).
    for (const [i, tab] of TABS.entries()) {
      await page.keyboard.press(String(i + 1));
      await expect(page.locator(`#view-${TAB_IDS[i]}, #projector-caption`).first()).toBeVisible();
      if (tab === 'Data table') await expect(page.locator('.data-table tbody tr')).toHaveCount(160);
      found[`presenting: ${tab}`] = await seriousViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await page.close();
  });
});
