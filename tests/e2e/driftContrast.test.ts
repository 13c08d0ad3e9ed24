/**
 * Inputs against what they mean, in the inputs view (Chromium): on Valentine's
 * Day the dynamic model's box says concept drift, a few days into the outage
 * it says input drift; the box stays inside its panel on a laptop and on a
 * phone. Screenshots go to test-artifacts/.
 */
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

for (const size of SIZES) {
  test(`the inputs-vs-meaning box at ${size.width}x${size.height}`, async ({ lab }) => {
    test.setTimeout(240_000);
    const lp = await lab.open('?scenario=valentine&day=229&tab=inputs&inputs=dynamic-day', size);
    const { page } = lp;
    await lp.waitForDay(229);
    const panel = page.locator('.drift-panel');
    const box = page.locator('[data-evidence="drift-contrast"]');
    await expect(box).toHaveAttribute('data-kind', 'concept');
    await expect(box).toContainText('Concept drift');
    await expect(box).toContainText(/“Has a partner” adds 6\.\d to the log-odds of buying today/);
    // Inside the panel, no sideways overflow.
    await expect
      .poll(() =>
        box.evaluate((el) => {
          const b = el.getBoundingClientRect();
          const p = el.closest('.drift-panel')!.getBoundingClientRect();
          return b.left >= p.left && b.right <= p.right && el.scrollWidth <= el.clientWidth;
        }),
      )
      .toBe(true);
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-artifacts/drift-contrast-valentine-${size.width}.png` });

    await page.goto(`${page.url().split('?')[0]}?scenario=outage&day=134&tab=inputs`);
    await lp.waitForDay(134);
    await expect(box).toHaveAttribute('data-kind', 'input');
    await expect(box).toContainText(/Jumped: Minutes on site \(PSI \d+\.\d\d, KS \d\.\d\d\)/);
    await expect(panel).toBeVisible();
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-artifacts/drift-contrast-outage-${size.width}.png` });
    expect(lp.errors).toEqual([]);
    await page.close();
  });
}
