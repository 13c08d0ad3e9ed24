/**
 * The drift panel in Chromium: run the outage scenario to its first dark day
 * and see the alert and the "major" chip, for both models; a screenshot of
 * the panel goes to test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { labForFile } from './browser';
import { LabPage } from './labPage';

const lab = labForFile();

describe('the drift panel in Chromium', () => {
  it('outage: the alert and the major chip on the first dark day, for both models', async () => {
    const lp = await LabPage.open(lab(), '?scenario=outage&seed=2', { width: 1280, height: 900 });
    const { page } = lp;
    // Step to the day before the outage, then one more day.
    await page.getByRole('slider', { name: 'Simulated day' }).fill('130');
    await lp.waitForDay(130);
    const panel = page.getByRole('region', { name: 'Watching the inputs' });
    const minutes = panel.locator('tr[data-feature="minutesOnSite"]');
    expect(await minutes.locator('.chip').textContent()).toBe('stable');
    await lp.button('+1 day').click();
    await lp.waitForDay(131);
    await expect(minutes.locator('.chip').textContent()).resolves.toBe('major');
    const alerts = panel.getByRole('list', { name: /Drift alerts/ });
    const first = alerts
      .getByRole('button')
      .filter({ hasText: '8 Nov 2025' })
      .filter({ hasText: 'minutesOnSite' });
    expect(await first.count()).toBe(2);
    await panel.getByRole('tab', { name: 'Dynamic model' }).click();
    await expect(minutes.locator('.chip').textContent()).resolves.toBe('major');
    await panel.screenshot({ path: 'test-artifacts/drift-panel-outage.png' });
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});
