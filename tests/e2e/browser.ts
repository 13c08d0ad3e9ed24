/**
 * Shared set-up for end-to-end tests: serve the built app (dist/) with Vite's
 * preview server on a free loopback port and drive Debian's Chromium through
 * playwright-core. Run `vite build` first (`npm test` does).
 */
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

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

/**
 * One lab for a test file: opened before its tests (with test-artifacts/ ready
 * for screenshots) and closed after them. Hooks the file registers afterwards
 * run inside that span (Vitest runs after-hooks in reverse order). Returns a
 * getter: the lab exists once the file's tests start.
 */
export function labForFile(): () => Lab {
  let lab: Lab | null = null;
  beforeAll(async () => {
    lab = await openLab();
    mkdirSync('test-artifacts', { recursive: true });
  });
  afterAll(async () => {
    await lab?.close();
  });
  return () => {
    if (!lab) throw new Error('the lab opens before the tests: use it inside a test or a hook');
    return lab;
  };
}

export type { Browser };
