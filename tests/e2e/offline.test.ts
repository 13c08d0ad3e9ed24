/**
 * Offline: once the lab has loaded (engine ready), it reloads and runs with
 * the network cut, from the service worker's cache. In a persistent profile
 * of its own, as a student's browser keeps the service worker and its cache
 * on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { expect, test as base } from './fixtures';

const test = base.extend<{ profile: BrowserContext }>({
  // Launched through @playwright/test's `chromium`: the runner traces it and
  // takes its screenshot on failure like any context of its own.
  profile: async ({ launchOptions, viewport }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'bloomcast-profile-'));
    const context = await chromium.launchPersistentContext(dir, { ...launchOptions, viewport });
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

test.describe('offline once loaded', () => {
  test('reloads without a network and still runs a month on WebAssembly', async ({
    profile,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const page = await profile.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseURL}/`);
    await expect(page.getByText(/TensorFlow\.js on WebAssembly/)).toBeVisible({ timeout: 60_000 });
    // Wait until the service worker has cached what the page loaded.
    await page.waitForFunction(
      async () => {
        const cache = await caches.open('bloomcast');
        const keys = await cache.keys();
        const urls = keys.map((k) => k.url);
        // The page's own files (handed over once the engine started) and the
        // engine's (fetched through the worker after it took control). The
        // chart view's files no longer include Recharts (the comparison's, loaded when opened).
        return ['/', '.css', '.wasm', 'engine.worker', 'AccuracyChart'].every((part) =>
          urls.some((u) => (part === '/' ? u === `${location.origin}/` : u.includes(part))),
        );
      },
      undefined,
      { timeout: 40_000 },
    );

    await profile.setOffline(true);
    await page.reload();
    await expect(page.locator('.backend').filter({ hasText: 'WebAssembly' })).toBeVisible({
      timeout: 60_000,
    });
    await page.getByRole('button', { name: '+1 month', exact: true }).click();
    await expect(page.locator('.today-day')).toHaveText(/\bday 31 of /, { timeout: 90_000 });
    expect(errors).toEqual([]);
    await profile.setOffline(false);
    await page.close();
  });
});
