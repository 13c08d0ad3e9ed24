/**
 * Accessibility: axe-core finds no serious or critical violation on the main
 * views (the lab at a serving day, the table view, the settings drawer,
 * presentation mode).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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

test.describe('accessibility (axe-core)', () => {
  test('no serious or critical violation on the lab, the table, the drawer and presentation mode', async ({
    lab,
  }) => {
    const lp = await lab.open('?scenario=buggy-job&vgate=false&day=160', {
      width: 1280,
      height: 900,
    });
    const { page } = lp;
    await lp.waitForDay(160);
    // The panels below the chart redraw after the timeline: wait until they show the day too.
    await expect(
      page.getByRole('region', { name: 'Watching the inputs' }).locator('.drift-verdict'),
    ).toContainText('on 7 Dec 2025');
    expect(await seriousViolations(page)).toEqual([]);
    // The table view (its key until the layout gives it a tab).
    await page.keyboard.press('t');
    await expect(page.locator('.data-table tbody tr')).toHaveCount(160);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
