/**
 * The browser part of `npm run bench`: the built app in headless Chromium at
 * 1366x768, driven through a full default year, at full speed and with the
 * page's CPU throttled 4x (a student's slow laptop).
 *
 * Owns: building the app, serving it, and measuring what a student feels:
 * time from navigation to the first chart, time until the engine is ready,
 * time for a full year (clicked once the engine worker's idle warm-up is
 * over, as a student who reads the page first; and, for information, clicked
 * the moment the engine is ready), the main-thread tasks over 50 ms while it runs
 * (PerformanceObserver `longtask`: the longest, their number and the total
 * blocking time), how often the chart redraws meanwhile, and the gzip size
 * of the main-thread JS (all of it, and what the chart view fetched before
 * it was drawn), the worker JS and the wasm binary. `bench/profile.ts`
 * reuses `runYear` for a CPU profile of the page.
 * Must not touch: src/ (it drives the built app like a user).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { openLab } from '../tests/e2e/browser';
import { check, checkAtLeast, type TargetCheck } from './checks';
import { childThreadsCpu, QUIET_MS, workersWarmed } from './poolBrowser';

/** The screen the lab is designed for (docs/DESIGN.md): every browser figure is taken at it. */
export const VIEWPORT = { width: 1366, height: 768 };

/** A task longer than this blocks input (the web's "long task"); the excess is blocking time. */
const LONG_TASK_MS = 50;

/** What one year in the page costs its main thread, from the click to the last day on screen. */
export interface YearFigures {
  yearMs: number;
  /** Longest main-thread task while the year runs. */
  longestTaskMs: number;
  /** Tasks over 50 ms while the year runs. */
  longTasks: number;
  /** Total blocking time: the sum of each long task's time over 50 ms. */
  tbtMs: number;
  /**
   * Animation frames in which the chart's SVG changed (a MutationObserver on
   * the plot: a line's `d`, a mark added or removed), counted from the click
   * to the last day, and their rate per second of the year.
   */
  redraws: number;
  redrawsPerSecond: number;
  /** Longest stretch without a redraw while the year ran (a frozen chart shows here). */
  longestStillMs: number;
}

export interface BrowserFigures extends YearFigures {
  chromium: string;
  viewport: typeof VIEWPORT;
  firstChartMs: number;
  engineReadyMs: number;
  /**
   * From "engine ready" until the engine worker had finished its idle
   * warm-up (its thread used CPU, then none for 600 ms; the 600 ms are
   * not counted), ms; null if it did not go quiet within 30 s (or off
   * Linux, where no thread's CPU can be read). The year above is clicked
   * then, as the Node year runs after a 70-day run in its process.
   */
  workerWarmUpMs: number | null;
  /** The same year clicked the moment the engine is ready, its warm-up cut short: for information. */
  atOnceYearMs: number;
  /** The same year with the page's CPU throttled 4x (CDP Emulation.setCPUThrottlingRate). */
  throttled4x: YearFigures;
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

/** Records every long task of the page from its first script on, as [start, duration]. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * Clicks "Run to the end" and waits for the last day on screen, counting the
 * frames in which the chart's SVG changed. Passed as source text: the bundler
 * that runs this file would wrap named functions in a helper the page lacks.
 */
const RUN_YEAR = `(async () => {
  const plot = document.querySelector('.chart-plot');
  let dirty = false;
  let redraws = 0;
  let lastRedraw = 0;
  let longestStill = 0;
  const observer = new MutationObserver(() => { dirty = true; });
  observer.observe(plot, { subtree: true, childList: true, attributes: true, attributeFilter: ['d', 'x1', 'x2', 'points'] });
  const t0 = performance.now();
  lastRedraw = t0;
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run to the end');
  button.click();
  await new Promise((resolve) => {
    const frame = (now) => {
      if (observer.takeRecords().length > 0) dirty = true;
      if (dirty) {
        redraws++;
        longestStill = Math.max(longestStill, now - lastRedraw);
        lastRedraw = now;
        dirty = false;
      }
      const day = document.querySelector('.today-day');
      if (day && day.textContent.includes('day 365 of 365')) resolve();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  observer.disconnect();
  const yearMs = performance.now() - t0;
  return { yearMs, startedAt: t0, redraws, longestStill: Math.max(longestStill, performance.now() - lastRedraw) };
})()`;

/** One default year from a loaded page, with its long tasks and redraws. */
export async function runYear(page: Page): Promise<YearFigures> {
  const run = await page.evaluate<{
    yearMs: number;
    startedAt: number;
    redraws: number;
    longestStill: number;
  }>(RUN_YEAR);
  // Long-task entries are delivered after the task: give the observer a moment.
  await page.waitForTimeout(500);
  const tasks = await page.evaluate<[number, number][]>('window.__longTasks');
  const during = tasks.filter(([start]) => start >= run.startedAt).map(([, ms]) => ms);
  return {
    yearMs: run.yearMs,
    longestTaskMs: Math.max(0, ...during),
    longTasks: during.length,
    tbtMs: during.reduce((sum, ms) => sum + Math.max(0, ms - LONG_TASK_MS), 0),
    redraws: run.redraws,
    redrawsPerSecond: run.redraws / (run.yearMs / 1000),
    longestStillMs: run.longestStill,
  };
}

/** A fresh page on the lab at 1366x768 with the engine ready, recording long tasks. */
export async function openLabPage(
  context: Awaited<ReturnType<typeof openLab>>['context'],
  url: string,
  onAsset?: (file: string) => void,
): Promise<{ page: Page; firstChartMs: number; engineReadyMs: number; backendLine: string }> {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(OBSERVE_LONG_TASKS);
  if (onAsset) {
    page.on('request', (r) => {
      const file = /\/assets\/([^/?#]+)$/.exec(new URL(r.url()).pathname)?.[1];
      if (file) onAsset(file);
    });
  }
  await page.goto(url);
  await page.locator('.chart-surface').first().waitFor();
  const firstChartMs = await page.evaluate(() => performance.now());
  await page.getByText(/Engine: TensorFlow\.js on/).waitFor();
  const engineReadyMs = await page.evaluate(() => performance.now());
  const backendLine = (await page.locator('.backend').textContent()) ?? '';
  return { page, firstChartMs, engineReadyMs, backendLine };
}

/**
 * Waits until the page's engine worker has finished its idle warm-up (the
 * lab starts it once its engine is ready: src/worker/thread/engineHost.ts);
 * `before`: every thread's CPU before the page was opened. Resolves with the
 * time from now to the warm-up's end, or null if the worker did not go quiet.
 */
async function workerWarmedUp(before: ReturnType<typeof childThreadsCpu>): Promise<number | null> {
  const t0 = performance.now();
  const warmed = await workersWarmed(before, 1);
  return warmed ? Math.max(0, performance.now() - t0 - QUIET_MS) : null;
}

/**
 * Builds the app and runs one default year in Chromium once the engine
 * worker has warmed up, then one clicked the moment the engine is ready, then
 * one with the page throttled 4x.
 */
export async function measureBrowser(): Promise<BrowserFigures> {
  await build({ logLevel: 'silent' });
  const lab = await openLab();
  try {
    const fetched = new Set<string>();
    let chartViewFiles = new Set<string>();
    const beforeFirst = childThreadsCpu();
    const first = await openLabPage(lab.context, lab.baseUrl, (f) => fetched.add(f));
    chartViewFiles = new Set(fetched);
    const loadTasks = await first.page.evaluate<[number, number][]>('window.__longTasks');
    const workerWarmUpMs = await workerWarmedUp(beforeFirst);
    const year = await runYear(first.page);
    await first.page.close();

    const hurried = await openLabPage(lab.context, lab.baseUrl);
    const atOnce = await runYear(hurried.page);
    await hurried.page.close();

    // A fresh page, throttled once it is ready and warm: only the year is slowed, not the load.
    const beforeSlow = childThreadsCpu();
    const slow = await openLabPage(lab.context, lab.baseUrl);
    await workerWarmedUp(beforeSlow);
    const cdp = await lab.context.newCDPSession(slow.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const throttled4x = await runYear(slow.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await slow.page.close();

    return {
      chromium: lab.context.browser()?.version() ?? 'unknown',
      viewport: VIEWPORT,
      firstChartMs: first.firstChartMs,
      engineReadyMs: first.engineReadyMs,
      ...year,
      workerWarmUpMs,
      atOnceYearMs: atOnce.yearMs,
      throttled4x,
      longestLoadTaskMs: Math.max(0, ...loadTasks.map(([, ms]) => ms)),
      backendLine: first.backendLine,
      gzipKB: gzipSizes(chartViewFiles),
    };
  } finally {
    await lab.close();
  }
}

/** The browser's targets (issue 15), kept in results.json beside the Node ones. */
export const BROWSER_TARGETS = {
  browserYearMs: 3000,
  browserFirstChartMs: 1500,
  /** No main-thread task over 50 ms while the year runs. */
  browserLongestTaskMs: 50,
  browserTbtMs: 100,
  browserThrottledLongestTaskMs: 100,
  /** At least: a page that stops drawing is not fast. */
  browserRedrawsPerSecond: 4,
  browserOverNode: 1.2,
  /** The JS the chart view loads (issue 15: "First view light"). */
  chartViewJsGzipKB: 200,
};

/** The browser's checks; `nodeYearMs`: the Node wasm year of the same bench run. */
export function browserChecks(b: BrowserFigures, nodeYearMs: number): TargetCheck[] {
  const t = BROWSER_TARGETS;
  return [
    check('browser: full default year', b.yearMs, t.browserYearMs, 'ms'),
    check('browser: year / Node year, same run', b.yearMs / nodeYearMs, t.browserOverNode, 'x'),
    check('browser: first chart', b.firstChartMs, t.browserFirstChartMs, 'ms'),
    check('browser: tasks over 50 ms during the year', b.longTasks, 0, 'tasks'),
    check('browser: longest task during the year', b.longestTaskMs, t.browserLongestTaskMs, 'ms'),
    check('browser: total blocking time during the year', b.tbtMs, t.browserTbtMs, 'ms'),
    checkAtLeast(
      'browser: chart redraws during the year',
      b.redrawsPerSecond,
      t.browserRedrawsPerSecond,
      '/s',
    ),
    check(
      'browser 4x throttled: longest task during the year',
      b.throttled4x.longestTaskMs,
      t.browserThrottledLongestTaskMs,
      'ms',
    ),
    checkAtLeast(
      'browser 4x throttled: chart redraws during the year',
      b.throttled4x.redrawsPerSecond,
      t.browserRedrawsPerSecond,
      '/s',
    ),
    check(
      'browser: main-thread JS the chart view loads (gzip KB)',
      b.gzipKB.chartViewJs,
      t.chartViewJsGzipKB,
      'KB',
    ),
  ];
}

const f0 = (v: number) => v.toFixed(0);

/** The browser's figures in a few printed lines. */
export function describeBrowser(b: BrowserFigures, nodeYearMs: number): string[] {
  const year = (y: YearFigures) =>
    `year ${f0(y.yearMs)} ms, ${y.longTasks} tasks over 50 ms (longest ${f0(y.longestTaskMs)} ms, ` +
    `TBT ${f0(y.tbtMs)} ms), chart redrawn ${y.redraws} times (${y.redrawsPerSecond.toFixed(1)}/s, ` +
    `longest still ${f0(y.longestStillMs)} ms)`;
  return [
    `browser (${b.viewport.width}x${b.viewport.height}): first chart ${f0(b.firstChartMs)} ms, ` +
      `engine ready ${f0(b.engineReadyMs)} ms, longest task while loading ${f0(b.longestLoadTaskMs)} ms`,
    `browser 1x, clicked once the engine worker's warm-up is over (` +
      `${b.workerWarmUpMs === null ? 'it did NOT go quiet within 30 s' : `${f0(b.workerWarmUpMs)} ms after engine ready`}` +
      `): ${year(b)}; ${(b.yearMs / nodeYearMs).toFixed(2)}x the Node year`,
    `browser 1x, clicked the moment the engine is ready (warm-up cut short): year ${f0(b.atOnceYearMs)} ms, ` +
      `${(b.atOnceYearMs / nodeYearMs).toFixed(2)}x the Node year (for information)`,
    `browser 4x throttled: ${year(b.throttled4x)}`,
    `browser JS gzip: main ${b.gzipKB.mainJs} KB (the chart view loads ${b.gzipKB.chartViewJs} KB) / ` +
      `worker ${b.gzipKB.workerJs} KB`,
  ];
}
