/**
 * Hosting for a class: the built site, served from a sub-path of a plain
 * static server (no Vite), loads, starts the engine on WebAssembly and runs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test as base } from './fixtures';

const PREFIX = '/courses/ml-101/bloomcast/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A plain file server for dist/ under PREFIX, nothing at its root; its origin. */
const test = base.extend<Record<never, never>, { subpathServer: string }>({
  subpathServer: [
    // Playwright reads a fixture's dependencies from this destructuring: it must be there, empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (!url.pathname.startsWith(PREFIX)) {
          res.writeHead(404).end('not here');
          return;
        }
        const rel = normalize(url.pathname.slice(PREFIX.length) || 'index.html');
        const file = join('dist', rel.startsWith('..') ? 'index.html' : rel);
        if (!existsSync(file) || !statSync(file).isFile()) {
          res.writeHead(404).end('missing');
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    { scope: 'worker' },
  ],
});

test.describe('hosted under a sub-path', () => {
  test('loads every asset from the sub-path and runs a month on WebAssembly', async ({
    context,
    subpathServer,
  }) => {
    const page = await context.newPage();
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${subpathServer}${PREFIX}`);
    await expect(page.getByText(/TensorFlow\.js on WebAssembly/)).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: '+1 month', exact: true }).click();
    await expect(page.locator('.today-day')).toHaveText(/\bday 31 of /, { timeout: 90_000 });
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
