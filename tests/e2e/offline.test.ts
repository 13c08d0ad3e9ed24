/**
 * Offline: once the lab has loaded (engine ready), it reloads and runs with
 * the network cut, from the service worker's cache.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { labForFile } from './browser';

const lab = labForFile();

afterAll(async () => {
  await lab().context.setOffline(false);
});

describe('offline once loaded', () => {
  it(
    'reloads without a network and still runs a month on WebAssembly',
    { timeout: 150_000 },
    async () => {
      const page = await lab().context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${lab().baseUrl}/`);
      await page.getByText(/TensorFlow\.js on WebAssembly/).waitFor({ timeout: 60_000 });
      // Wait until the service worker has cached what the page loaded.
      await page.waitForFunction(
        async () => {
          const cache = await caches.open('bloomcast');
          const keys = await cache.keys();
          const urls = keys.map((k) => k.url);
          // The page's own files (handed over once the engine started) and the
          // engine's (fetched through the worker after it took control).
          return ['/', '.css', '.wasm', 'engine.worker', 'AccuracyChart', 'CartesianChart'].every(
            (part) =>
              urls.some((u) => (part === '/' ? u === `${location.origin}/` : u.includes(part))),
          );
        },
        undefined,
        { timeout: 40_000 },
      );

      await lab().context.setOffline(true);
      await page.reload();
      await page
        .locator('.backend')
        .filter({ hasText: 'WebAssembly' })
        .waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: '+1 month', exact: true }).click();
      await page.locator('.today-day').filter({ hasText: 'day 31 of' }).waitFor();
      expect(errors).toEqual([]);
      await lab().context.setOffline(false);
      await page.close();
    },
  );
});
