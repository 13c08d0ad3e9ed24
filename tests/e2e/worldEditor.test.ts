/**
 * The world editor in Chromium: a knob moved with the keyboard re-runs the
 * year and the chart redraws (a line's path changes), the link carries the
 * knob and a fresh page from it draws the same line; the editor sits beside
 * the chart at 1366x768 (the plot keeps at least half the screen's height),
 * in the projector's side column at 1280x720, under the chart on a phone with
 * no horizontal scroll; bad knobs in a link are named and replaced by the
 * scenario's own; a file with a bad knob is refused whole; axe-core finds
 * nothing serious in the open editor. No console error.
 * Screenshots to test-artifacts/.
 *
 * Owns: these checks. Must not touch: what a knob does (unit tests check the
 * engine's world).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';
import { SETTINGS_TABLE } from '../../src/sim/settingsTable';

const YEAR = 365;
const RUN_TIMEOUT = 120_000;
const VDAY = SETTINGS_TABLE.valentineEffect.editor.label;

/** Opens the editor from the chart's header (or the projector's key) and returns it. */
async function openEditor(page: Page) {
  await page.getByRole('button', { name: 'What if…' }).click();
  const editor = page.locator('[data-evidence="world-editor"]');
  await expect(editor).toBeVisible();
  return editor;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's serious or critical findings inside the editor (as tests/e2e/axe.test.ts runs it). */
async function editorViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource);
  return page.evaluate<string[]>(
    `axe.run('#world-editor', { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
}

const staticLine = (page: Page) => page.locator('.chart-panel .chart-plot path.chart-line').first();

test('a knob released re-runs the year, the chart redraws, and its link draws the same', async ({
  lab,
}) => {
  test.setTimeout(300_000);
  const lp = await lab.open(`?day=${YEAR}`, { width: 1366, height: 768 });
  const { page } = lp;
  await lp.waitForDay(YEAR, RUN_TIMEOUT);
  const figure = page.locator('.chart-panel figure.chart-figure');
  await expect(figure).toHaveAttribute('data-days', String(YEAR));
  const before = await staticLine(page).getAttribute('d');
  expect(before).toMatch(/^M/);
  const plotBefore = (await page.locator('.chart-panel .chart-plot').boundingBox())?.height ?? 0;
  expect(plotBefore).toBeGreaterThan(300);

  const editor = await openEditor(page);
  const slider = editor.getByRole('slider', { name: VDAY });
  await expect(slider).toHaveValue('1');
  await expect(editor).toContainText('default: 1×');
  // The lead is live while Valentine's Day has an effect.
  await expect(editor.locator('[data-knob="valentineLeadDays"]')).not.toContainText('Does nothing');

  // Beside the chart: the plot keeps at least half the screen's height, side by side.
  const plot = page.locator('.chart-panel .chart-plot');
  // The chart (legend, plot and axes) keeps half the screen's height; the plot loses
  // at most a tenth of its height (the legend may wrap once more beside the editor).
  await expect
    .poll(async () => (await figure.boundingBox())?.height ?? 0)
    .toBeGreaterThanOrEqual(384);
  await expect
    .poll(async () => (await plot.boundingBox())?.height ?? 0)
    .toBeGreaterThanOrEqual(0.9 * plotBefore);
  console.log(
    `1366x768 editor open: figure ${(await figure.boundingBox())?.height}px, plot ${(await plot.boundingBox())?.height}px (before ${plotBefore}px)`,
  );
  await expect
    .poll(async () => {
      const [p, e] = [await plot.boundingBox(), await editor.boundingBox()];
      return p && e ? e.x - (p.x + p.width) : -1;
    })
    .toBeGreaterThanOrEqual(0);

  // Ten steps right and let go: 2×, applied once on the key's release.
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.down('ArrowRight');
  await page.keyboard.up('ArrowRight');
  await expect(editor.locator('[data-knob="valentineEffect"] output')).toHaveText('2×');
  await expect(page).toHaveURL(/[?&]vday=2(&|$)/);
  await expect(page.locator('.scenario-note')).toContainText('Custom world');
  // The year runs again to its end, the view following.
  await expect(staticLine(page)).not.toHaveAttribute('d', before!);
  await lp.waitForDay(YEAR, RUN_TIMEOUT);
  await expect(figure).toHaveAttribute('data-days', String(YEAR));
  await page.screenshot({ path: `${ARTIFACTS}/world-editor-1366x768.png` });
  const after = await staticLine(page).getAttribute('d');
  expect(after).not.toBe(before);
  console.log(
    `after the edit: figure ${(await figure.boundingBox())?.height}px, plot ${(await plot.boundingBox())?.height}px`,
  );
  await expect
    .poll(async () => (await figure.boundingBox())?.height ?? 0)
    .toBeGreaterThanOrEqual(384);

  // A fresh page from that link: the same line. The address is written a moment after the
  // day changes: wait until it names the last day.
  await expect(page).toHaveURL(new RegExp(`[?&]day=${YEAR}(&|$)`));
  const url = new URL(page.url());
  const again = await lab.open(url.search, { width: 1366, height: 768 });
  await again.waitForDay(YEAR, RUN_TIMEOUT);
  await openEditor(again.page);
  await expect(again.page.getByRole('slider', { name: VDAY })).toHaveValue('2');
  // The same run: the same headline numbers, and the same line at the same size (both
  // pages read until they settle: the cards redraw a little after the chart).
  const same = async (read: (p: Page) => Promise<string | null>) =>
    (await read(page)) === (await read(again.page));
  await expect.poll(() => same((p) => p.locator('.headlines').textContent())).toBe(true);
  await expect.poll(() => same((p) => staticLine(p).getAttribute('d'))).toBe(true);

  // Reset all: back to the scenario's own, the link without the knob.
  await again.page.getByRole('button', { name: 'Reset all to the scenario' }).click();
  await expect(again.page.getByRole('slider', { name: VDAY })).toHaveValue('1');
  await expect(again.page).not.toHaveURL(/vday=/);
  expect(lp.errors).toEqual([]);
  expect(again.errors).toEqual([]);
  await again.page.close();
  await page.close();
});

test('bad knobs in a link are named and replaced by the scenario’s own', async ({ lab }) => {
  const lp = await lab.open('?vday=9&noise=x&day=5');
  const { page } = lp;
  await lp.waitForDay(5, RUN_TIMEOUT);
  const notice = page.getByRole('alert').filter({ hasText: 'this link could not be used' });
  // Named as the editor labels them, with the parameter the address holds; never by code names.
  await expect(notice).toContainText(
    "Strength of Valentine’s Day (vday): must be a number from 0 to 3, or left out for the scenario's own",
  );
  await expect(notice).toContainText('Buying noise (noise): must be a whole number from 0 to 50');
  await expect(notice).not.toContainText(/valentineEffect|randomBuyers|null/);
  const editor = await openEditor(page);
  await expect(editor.getByRole('slider', { name: VDAY })).toHaveValue('1');
  await expect(editor.getByRole('slider', { name: 'Buying noise' })).toHaveValue('0');
  await expect(page.locator('.scenario-note')).not.toContainText('Custom world');
  expect(await editorViolations(page)).toEqual([]);
  expect(lp.errors).toEqual([]);
  await page.close();
});

test('a scenario file with a bad knob is refused whole, the knob named', async ({ lab }) => {
  const lp = await lab.open('?seed=6&day=5');
  const { page } = lp;
  await page.getByRole('button', { name: 'Settings' }).click();
  const drawer = page.getByRole('dialog', { name: 'Settings' });
  await drawer.getByLabel('Import a scenario file (JSON)').setInputFiles({
    name: 'world.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"seed": 7, "valentineEffect": 9}'),
  });
  await expect(drawer.getByRole('alert')).toHaveText(
    /world\.json was not imported: valentineEffect must be a number from 0 to 3.*Nothing changed\./,
  );
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/seed=7|vday=/);
  expect(lp.errors).toEqual([]);
  await page.close();
});

test('presenting at 1280x720 the editor opens in the side column at a readable size; the chart stays', async ({
  lab,
}) => {
  const lp = await lab.open('?present=cards&day=60', { width: 1280, height: 720 });
  const { page } = lp;
  await lp.waitForDay(60, RUN_TIMEOUT);
  const editor = await openEditor(page);
  // It opens last in the side column, which scrolls to it: its first slider is in sight.
  await expect(editor.getByRole('slider', { name: VDAY })).toBeInViewport();
  const plot = page.locator('.chart-panel .chart-plot');
  await expect
    .poll(async () => (await plot.boundingBox())?.height ?? 0)
    .toBeGreaterThanOrEqual(300);
  await expect
    .poll(async () => {
      const [p, e] = [await plot.boundingBox(), await editor.boundingBox()];
      return p && e ? e.x - (p.x + p.width) : -1;
    })
    .toBeGreaterThanOrEqual(0);
  // Read from the back of a room: no text in the editor under three quarters of the 19 px body.
  await expect
    .poll(() =>
      editor.evaluate((panel) => {
        let smallest = Infinity;
        const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!n.textContent?.trim() || !el || el.getClientRects().length === 0) continue;
          smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
        }
        return smallest;
      }),
    )
    .toBeGreaterThanOrEqual(15);
  await page.screenshot({ path: `${ARTIFACTS}/world-editor-1280x720-present.png` });
  expect(lp.errors).toEqual([]);
  await page.close();
});

test('on a phone the editor is under the chart, with no horizontal scroll', async ({ lab }) => {
  const lp = await lab.open('?day=30', { width: 390, height: 844 });
  const { page } = lp;
  await lp.waitForDay(30, RUN_TIMEOUT);
  const editor = await openEditor(page);
  const plot = page.locator('.chart-panel .chart-plot');
  await expect
    .poll(async () => {
      const [p, e] = [await plot.boundingBox(), await editor.boundingBox()];
      return p && e ? e.y - (p.y + p.height) : -1;
    })
    .toBeGreaterThanOrEqual(0);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(390);
  // Outage: its day does nothing while it lasts 0 days.
  await expect(editor.locator('[data-knob="outageDay"]')).toContainText(
    'Does nothing while the outage lasts 0 days.',
  );
  // The chart's foot and the editor's top in one screen.
  await page.locator('.chart-panel figcaption').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/world-editor-390x844.png` });
  expect(lp.errors).toEqual([]);
  await page.close();
});
