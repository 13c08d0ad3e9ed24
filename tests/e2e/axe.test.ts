/**
 * Accessibility: axe-core finds no serious or critical violation on the main
 * views (the lab at a serving day, the table view, the settings drawer,
 * presentation mode).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labForFile } from './browser';
import { LabPage } from './labPage';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const lab = labForFile();

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

describe('accessibility (axe-core)', () => {
  it('no serious or critical violation on the lab, the table, the drawer and presentation mode', async () => {
    const lp = await LabPage.open(lab(), '?scenario=buggy-job&vgate=false&day=160', {
      width: 1280,
      height: 900,
    });
    const { page } = lp;
    await lp.waitForDay(160);
    expect(await seriousViolations(page)).toEqual([]);
    await lp.button('Table').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Leave presentation' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
