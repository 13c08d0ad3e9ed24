/**
 * Vite build and dev server for the lab, plus the Vitest projects.
 * No COOP/COEP headers: the threaded wasm build hangs under them, and the lab
 * uses the single-threaded SIMD build.
 */
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

/**
 * The Content-Security-Policy of the built app: its own files only, no eval
 * (WebAssembly compilation alone is allowed, for TF.js's wasm backend), no
 * inline scripts or styles, exported PNGs drawn from blob: images. It goes in a
 * meta tag of the built index.html (any static host enforces it) and in the
 * preview server's headers (so the engine worker and the service worker run
 * under it too: a worker takes its policy from its own response, not the page).
 * Not in dev: Vite's dev server injects inline scripts and styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy in the built index.html, first thing in <head>. */
const contentSecurityPolicy = (): Plugin => ({
  name: 'bloomcast-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  // Relative asset paths: the built site works from any sub-path of a static host.
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [react(), contentSecurityPolicy()],
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    // The browser tests run on Playwright Test (playwright.config.ts), after these.
    // Two forks for the 2-core machine: each test file is single-threaded and
    // CPU-bound, and Vitest's default for `run` (cores - 1) would be one.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
