/**
 * The drift panel in Chromium: run the outage scenario to its first dark day
 * and see the alert and the "major" chip, for both models; a screenshot of
 * the panel goes to test-artifacts/.
 */
import { expect, test } from './fixtures';

test.describe('the drift panel in Chromium', () => {
  test('outage: the alert and the major chip on the first dark day, for both models', async ({
    lab,
  }) => {
    const lp = await lab.open('?scenario=outage&seed=2&tab=inputs', { width: 1280, height: 900 });
    const { page } = lp;
    // Step to the day before the outage, then one more day.
    await page.getByRole('slider', { name: 'Simulated day' }).fill('130');
    await lp.waitForDay(130);
    const panel = page.getByRole('region', { name: 'Watching the inputs' });
    // The panel redraws after the timeline: wait until it shows the day asked for.
    const verdict = panel.locator('.drift-verdict');
    const minutes = panel.locator('tr[data-feature="minutesOnSite"]');
    await expect(verdict).toContainText('Static model on 7 Nov 2025');
    await expect(minutes.locator('.chip')).toHaveText('stable');
    await lp.button('+1 day').click();
    await lp.waitForDay(131);
    await expect(verdict).toContainText('Static model on 8 Nov 2025');
    await expect(minutes.locator('.chip')).toHaveText('major');
    const alerts = panel.getByRole('list', { name: /Drift alerts/ });
    const first = alerts
      .getByRole('button')
      .filter({ hasText: '8 Nov 2025' })
      .filter({ hasText: 'Minutes on site' });
    await expect(first).toHaveCount(2);
    await panel.getByRole('tab', { name: 'Dynamic model' }).click();
    await expect(verdict).toContainText('Dynamic model on 8 Nov 2025');
    await expect(minutes.locator('.chip')).toHaveText('major');
    await panel.screenshot({ path: 'test-artifacts/drift-panel-outage.png' });
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});

/**
 * What sticks out of the panel sideways: the panel itself scrolling, any
 * element past its right edge, any scroll region scrolling sideways, except
 * the feature table's own scroll region (tables may scroll inside themselves).
 */
function sideways(panel: Element): string[] {
  const right = panel.getBoundingClientRect().right;
  const out: string[] = [];
  if (panel.scrollWidth > panel.clientWidth)
    out.push(`panel ${panel.scrollWidth}/${panel.clientWidth}`);
  for (const el of panel.querySelectorAll('*')) {
    if (el.parentElement?.closest('.drift-scroll-x')) continue;
    const name = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
    if (el.getBoundingClientRect().right > right + 0.5) out.push(`${name} past the edge`);
    const { overflowX } = getComputedStyle(el);
    const scrolls = overflowX === 'auto' || overflowX === 'scroll';
    if (scrolls && !el.matches('.drift-scroll-x') && el.scrollWidth > el.clientWidth)
      out.push(`${name} scrolls sideways`);
  }
  return out;
}

/** The smallest font size of any text on screen in the panel, in CSS px. */
function smallestText(panel: Element): number {
  let smallest = Infinity;
  const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent?.trim() || !el || el.getClientRects().length === 0) continue;
    if (el.closest('details:not([open]) > :not(summary)')) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
  }
  return smallest;
}

test.describe('watching the inputs on day 225 of the default run', () => {
  test('at 390x844: one column, nothing scrolls sideways; screenshot', async ({ lab }) => {
    const lp = await lab.open('?day=225&tab=inputs', { width: 390, height: 844 });
    await lp.waitForDay(225);
    const panel = lp.page.getByRole('region', { name: 'Watching the inputs' });
    await expect(panel.locator('.drift-verdict')).toContainText('10 Feb 2026');
    await expect.poll(() => panel.evaluate(sideways)).toEqual([]);
    // One column: the histogram sits below the feature table, not beside it.
    await expect
      .poll(async () => {
        const table = await panel.locator('.drift-scroll-x').boundingBox();
        const hist = await panel.locator('.histogram').boundingBox();
        return table && hist ? hist.y >= table.y + table.height : false;
      })
      .toBe(true);
    await panel.screenshot({ path: 'test-artifacts/drift-day225-390x844.png' });
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  test('at 1366x768: about two screens, the alerts scroll in their own focusable region; screenshot', async ({
    lab,
  }) => {
    const lp = await lab.open('?day=225&tab=inputs', { width: 1366, height: 768 });
    await lp.waitForDay(225);
    const panel = lp.page.getByRole('region', { name: 'Watching the inputs' });
    await expect(panel.locator('.drift-verdict')).toContainText('10 Feb 2026');
    await expect.poll(() => panel.evaluate(sideways)).toEqual([]);
    const alerts = panel.getByRole('region', { name: /^Alerts \(\d+\)$/ });
    await expect(alerts).toHaveAttribute('tabindex', '0');
    await expect.poll(() => alerts.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await alerts.focus();
    await lp.page.keyboard.press('PageDown');
    await expect.poll(() => alerts.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await expect
      .poll(async () => (await panel.boundingBox())?.height ?? Infinity)
      .toBeLessThanOrEqual(2 * 768);
    await panel.screenshot({ path: 'test-artifacts/drift-day225-1366x768.png' });
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  test('presenting at 1280x720: the panel’s text grows with the body text and still fits', async ({
    lab,
  }) => {
    const lp = await lab.open('?day=225&present=drift', { width: 1280, height: 720 });
    await lp.waitForDay(225);
    const panel = lp.page.getByRole('region', { name: 'Watching the inputs' });
    await expect(panel.locator('.drift-verdict')).toContainText('10 Feb 2026');
    await expect.poll(() => panel.evaluate(sideways)).toEqual([]);
    // The body text is 19 px when presenting; nothing in the panel below three quarters of it.
    await expect.poll(() => panel.evaluate(smallestText)).toBeGreaterThanOrEqual(14);
    await panel.screenshot({ path: 'test-artifacts/drift-day225-presenting-1280x720.png' });
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });
});
