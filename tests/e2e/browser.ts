/**
 * Shared set-up for end-to-end tests: serve the built app (dist/) with Vite's
 * preview server on a free loopback port and drive Debian's Chromium through
 * playwright-core. Run `vite build` first (`npm test` does).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `npx vite build` first');
  const server: PreviewServer = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const address = server.httpServer.address() as AddressInfo;
  const profile = mkdtempSync(join(tmpdir(), 'bloomcast-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
  });
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    context,
    close: async () => {
      await context.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser };
