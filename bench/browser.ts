/**
 * The browser part of `npm run bench`: the built app in headless Chromium,
 * driven through a full default year.
 *
 * Owns: building the app, serving it, and measuring what a student feels:
 * time from navigation to the first chart, time until the engine is ready,
 * time for a full year, the longest main-thread task (PerformanceObserver
 * `longtask`), and the gzip size of the main-thread JS (all of it, and what
 * the chart view fetched before it was drawn), the worker JS and
 * the wasm binary.
 * Must not touch: src/ (it drives the built app like a user).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { openLab } from '../tests/e2e/browser';

export interface BrowserFigures {
  chromium: string;
  firstChartMs: number;
  engineReadyMs: number;
  yearMs: number;
  /** Longest main-thread task while the year runs (from the click to the last day). */
  longestTaskMs: number;
  /** Tasks over 50 ms while the year runs. */
  longTasks: number;
  /** Longest task while the page loads (module evaluation, first render of React and the chart). */
  longestLoadTaskMs: number;
  backendLine: string;
  /**
   * mainJs: every main-thread chunk; chartViewJs: the chunks the page fetched
   * by the time the chart view is drawn (its network log), the first view's cost.
   */
  gzipKB: { mainJs: number; chartViewJs: number; workerJs: number; css: number; wasmSimd: number };
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** `fetched`: the asset file names the page requested before its chart was drawn. */
function gzipSizes(fetched: ReadonlySet<string>): BrowserFigures['gzipKB'] {
  const dir = 'dist/assets';
  const files = readdirSync(dir);
  const size = (test: (f: string) => boolean) =>
    files.filter(test).reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0);
  const mainThread = (f: string) => f.endsWith('.js') && !f.startsWith('engine.worker');
  return {
    mainJs: kb(size(mainThread)),
    chartViewJs: kb(size((f) => mainThread(f) && fetched.has(f))),
    workerJs: kb(size((f) => f.startsWith('engine.worker') && f.endsWith('.js'))),
    css: kb(size((f) => f.endsWith('.css'))),
    wasmSimd: kb(size((f) => f.includes('wasm-simd') && f.endsWith('.wasm'))),
  };
}

/** Builds the app and runs one default year in Chromium. */
export async function measureBrowser(): Promise<BrowserFigures> {
  await build({ logLevel: 'silent' });
  const lab = await openLab();
  try {
    const page = await lab.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript(`
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
      }).observe({ type: 'longtask', buffered: true });
    `);
    const fetched = new Set<string>();
    page.on('request', (r) => {
      const file = /\/assets\/([^/?#]+)$/.exec(new URL(r.url()).pathname)?.[1];
      if (file) fetched.add(file);
    });
    await page.goto(lab.baseUrl);
    await page.locator('.recharts-surface').first().waitFor();
    const chartViewFiles = new Set(fetched);
    const firstChartMs = await page.evaluate(() => performance.now());
    await page.getByText(/Engine: TensorFlow\.js on/).waitFor();
    const engineReadyMs = await page.evaluate(() => performance.now());
    const backendLine = (await page.locator('.backend').textContent()) ?? '';
    // The year's clock runs in the page, from the click to the last day on screen.
    // Passed as source text: the bundler that runs this file would wrap named
    // functions in a helper the page does not have.
    const { yearMs, startedAt } = await page.evaluate<{
      yearMs: number;
      startedAt: number;
    }>(`(async () => {
      const t0 = performance.now();
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Run to the end',
      );
      button.click();
      await new Promise((resolve) => {
        const check = () =>
          document.querySelector('.today-day').textContent.includes('day 365 of 365')
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return { yearMs: performance.now() - t0, startedAt: t0 };
    })()`);
    await page.waitForTimeout(500);
    const tasks = await page.evaluate<[number, number][]>('window.__longTasks');
    const during = tasks.filter(([start]) => start >= startedAt).map(([, ms]) => ms);
    const before = tasks.filter(([start]) => start < startedAt).map(([, ms]) => ms);
    return {
      chromium: lab.context.browser()?.version() ?? 'unknown',
      firstChartMs,
      engineReadyMs,
      yearMs,
      longestTaskMs: Math.max(0, ...during),
      longTasks: during.length,
      longestLoadTaskMs: Math.max(0, ...before),
      backendLine,
      gzipKB: gzipSizes(chartViewFiles),
    };
  } finally {
    await lab.close();
  }
}
