/**
 * The dialogs in Chromium: the settings drawer fits a phone (inside the
 * screen, full width, scrolling inside itself with its buttons in view) and a
 * laptop, and closing a dialog opened by a key gives focus back to the button
 * that opens it. Screenshots: test-artifacts/settings-drawer-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';
import type { Size } from './labPage';

const PHONE: Size = { width: 390, height: 844 };
const LAPTOP_1366: Size = { width: 1366, height: 768 };

/** How far a box sticks out of the viewport on each side (all 0 when it fits), in px. */
async function overflow(page: Page, box: Locator) {
  const size = page.viewportSize()!;
  const b = await box.boundingBox();
  if (!b) return null;
  const out = (x: number) => Math.max(0, Math.round(x));
  return {
    left: out(-b.x),
    top: out(-b.y),
    right: out(b.x + b.width - size.width),
    bottom: out(b.y + b.height - size.height),
  };
}
const FITS = { left: 0, top: 0, right: 0, bottom: 0 };

async function openDrawer(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Settings' });
  await expect(drawer).toBeVisible();
  return drawer;
}

test.describe('the settings drawer', () => {
  test('fits a 390x844 phone: full width, scrolls inside itself, buttons in view', async ({
    lab,
  }) => {
    const lp = await lab.open('', PHONE);
    const { page } = lp;
    const drawer = await openDrawer(page);
    await expect.poll(() => overflow(page, drawer)).toEqual(FITS);
    await expect
      .poll(async () => Math.round((await drawer.boundingBox())?.width ?? 0))
      .toBe(PHONE.width);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(PHONE.width);
    // Taller than the screen: it scrolls itself, not the page.
    await expect
      .poll(() => drawer.evaluate((d) => d.scrollHeight > d.clientHeight + 100))
      .toBe(true);
    const apply = drawer.getByRole('button', { name: 'Apply and re-run' });
    const cancel = drawer.getByRole('button', { name: 'Cancel' });
    await expect(apply).toBeInViewport({ ratio: 1 });
    await expect(cancel).toBeInViewport({ ratio: 1 });
    await expect
      .poll(async () => (await apply.boundingBox())?.height ?? 0)
      .toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${ARTIFACTS}/settings-drawer-390x844.png` });

    // The last field, scrolled to, sits above the buttons, which stay in view.
    const last = drawer.locator('.import-zone');
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport({ ratio: 1 });
    await expect(apply).toBeInViewport({ ratio: 1 });
    await expect
      .poll(async () => {
        const [zone, button] = [await last.boundingBox(), await apply.boundingBox()];
        return zone && button ? button.y - (zone.y + zone.height) : null;
      })
      .toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: `${ARTIFACTS}/settings-drawer-390x844-end.png` });
    await apply.click();
    await expect(drawer).toBeHidden();
    expect(lp.errors).toEqual([]);
  });

  test('docks to the right at 1366x768, inside the screen', async ({ lab }) => {
    const lp = await lab.open('', LAPTOP_1366);
    const { page } = lp;
    const drawer = await openDrawer(page);
    await expect.poll(() => overflow(page, drawer)).toEqual(FITS);
    await expect
      .poll(async () => {
        const b = await drawer.boundingBox();
        return b ? Math.round(b.x + b.width) : null;
      })
      .toBe(LAPTOP_1366.width);
    await expect(drawer.getByRole('button', { name: 'Apply and re-run' })).toBeInViewport({
      ratio: 1,
    });
    await page.screenshot({ path: `${ARTIFACTS}/settings-drawer-1366x768.png` });
    expect(lp.errors).toEqual([]);
  });
});

test.describe('focus after a dialog', () => {
  test('Esc from the shortcuts opened with ? puts focus on the ? button', async ({ lab }) => {
    const lp = await lab.open('', LAPTOP_1366);
    const { page } = lp;
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const helpButton = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(helpButton).toBeFocused();

    // From the page itself (nothing focused), S opens the drawer; Esc lands on Settings.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('s');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeFocused();
    expect(lp.errors).toEqual([]);
  });
});
