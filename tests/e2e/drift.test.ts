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
    const lp = await lab.open('?scenario=outage&seed=2', { width: 1280, height: 900 });
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
