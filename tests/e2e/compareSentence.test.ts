/**
 * The strategy comparison's sentence in Chromium: after a comparison, one
 * sentence under the table states the spreads the table shows (recomputed
 * here from the table's cells) and points at the worst-week column; it fits
 * a phone's width. Screenshots go to test-artifacts/.
 */
import { expect, test } from './fixtures';

/** Largest minus smallest of a column's percentages, to a tenth of a point. */
const spread = (cells: string[]) => {
  const values = cells.map((c) => Number(c.replace('%', '')));
  return (Math.round((Math.max(...values) - Math.min(...values)) * 10) / 10).toFixed(1);
};

for (const size of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`the comparison ends with a sentence that matches its table at ${size.width} px`, async ({
    lab,
  }) => {
    test.setTimeout(300_000);
    const lp = await lab.open('?days=240', size);
    const { page } = lp;
    await lp.openTab('Compare strategies');
    const panel = page.locator('.compare-view');
    await panel.getByRole('button', { name: 'Compare strategies' }).click();
    await expect(panel.getByRole('status')).toContainText(
      /Simulating 4 runs: \d+% done…|Finishing…/,
    );
    const rows = panel.locator('.compare-table tbody tr');
    await expect(rows).toHaveCount(5, { timeout: 240_000 });
    const sentence = panel.locator('.compare-sentence');
    await expect(sentence).toContainText(
      'the “Worst 7 days” column is where the strategies differ',
    );
    const column = (i: number) =>
      rows.evaluateAll((trs, n) => trs.map((tr) => tr.children[n].textContent ?? ''), i);
    const means = spread(await column(1));
    const worst = spread(await column(2));
    await expect(sentence).toContainText(`within ${means} points of each other`);
    await expect(sentence).toContainText(`worst 7 days lie ${worst} points apart`);
    await expect
      .poll(() => sentence.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth))
      .toBe(true);
    await sentence.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-artifacts/compare-sentence-${size.width}.png` });
    expect(lp.errors).toEqual([]);
    await page.close();
  });
}
