/**
 * The training jobs panel in Chromium: with the validation gate off, the
 * buggy job's bad versions serve; rolling back by hand to the version from
 * before the bug restores accuracy the next day, the registry's serving alias
 * moves, and the link carries the rollback. A screenshot goes to test-artifacts/.
 */
import { expect, test } from './fixtures';

test.describe('the training jobs panel in Chromium', () => {
  test('buggy-job without the gate: a rollback by hand restores the model the next day', async ({
    lab,
  }) => {
    const lp = await lab.open('?scenario=buggy-job&seed=1&vgate=false&day=157', {
      width: 1280,
      height: 900,
    });
    const { page } = lp;
    await lp.waitForDay(157);
    const panel = page.getByRole('region', { name: 'Training jobs' });
    const jobs = panel.getByRole('list').first();
    await expect(jobs.getByText('rejected').first()).toBeVisible();

    const before = await lp.readTable(157);
    const bad = before.find((r) => r.date === '2025-12-04')!;
    expect(bad.dynamic!).toBeLessThan(0.5);

    const registry = panel.getByRole('table', { name: /Registry|version/i });
    const good = registry.getByRole('row').filter({ hasText: '27 Nov 2025' });
    const button = good.getByRole('button', { name: /Roll back to v\d+/ });
    await expect(button).toBeVisible();
    const label = (await button.textContent()) ?? '';
    const version = Number(/v(\d+)/.exec(label)?.[1]);
    await button.click();
    await expect(
      page.getByText(`Rolled back to v${version} at the end of day 157`).first(),
    ).toBeVisible();
    await lp.waitForDay(158);
    await expect(page).toHaveURL(new RegExp(`iv=r157\\.${version}`));

    const after = await lp.readTable(158);
    const restored = after.find((r) => r.date === '2025-12-05')!;
    expect(restored.dynamic!).toBeGreaterThan(0.7);
    // The days before the rollback are unchanged.
    expect(after.find((r) => r.date === '2025-12-04')).toEqual(bad);
    const serving = registry.getByRole('row').filter({ hasText: '27 Nov 2025' });
    await expect(serving.getByText('serving')).toHaveCount(1);
    const audit = panel.getByRole('table', { name: /Audit log/ });
    await expect(audit.getByText('rolled back by hand')).toHaveCount(1);
    await panel.screenshot({ path: 'test-artifacts/jobs-panel-rollback.png' });
    expect(lp.errors).toEqual([]);

    // The link, rollback included, reproduces the same numbers in a fresh page.
    const link = new URL(page.url()).search;
    const shared = await lab.open(link);
    await shared.waitForDay(158);
    expect(await shared.readTable(158)).toEqual(after);
    await shared.page.close();
    await page.close();
  });
});
