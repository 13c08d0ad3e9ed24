/**
 * The built app and a fresh Chromium profile outside the test runner, for
 * `npm run bench` (bench/browser.ts): the same preview server and the same
 * browser as the end-to-end tests (which get theirs from Playwright Test,
 * see fixtures.ts and playwright.config.ts). Run `vite build` first.
 *
 * Owns: opening and closing that pair. Must not touch: test hooks (the
 * tests' lifetimes belong to Playwright's fixtures).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';
import { servePreview } from './previewServer';

export { CHROMIUM };

export interface Lab {
  baseUrl: string;
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Starts the preview server and a fresh Chromium profile. */
export async function openLab(): Promise<Lab> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (see README)`);
  }
  const server = await servePreview();
  const profile = mkdtempSync(join(tmpdir(), 'bloomcast-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    headless: true,
  });
  return {
    baseUrl: server.baseUrl,
    context,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
