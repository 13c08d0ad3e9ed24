/**
 * The built app (dist/) served by Vite's preview server on a free loopback
 * port, with the headers of vite.config.ts `preview` (the
 * Content-Security-Policy among them, so the engine worker and the service
 * worker run under it too).
 *
 * Owns: starting and stopping that server. Must not touch: the build (run
 * `vite build` first; `npm test` and `npm run test:e2e` do) or any browser.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { preview } from 'vite';

export interface PreviewHandle {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  close: () => Promise<void>;
}

export async function servePreview(): Promise<PreviewHandle> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm run test:e2e does)');
  }
  const server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
