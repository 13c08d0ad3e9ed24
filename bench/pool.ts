/**
 * The strategy comparison on the worker pool against one worker, for
 * `npm run bench` (bench/run.ts calls `measurePool`, then `measureBrowserPool`
 * after the app is built).
 *
 * Owns: timing the default comparison twice in the same run, on a pool of one
 * worker and on a pool sized to the machine (src/worker/client/pool.ts's
 * poolSize), each from cold threads (starting a worker and its wasm backend is
 * part of what a student waits for); checking that both give the same numbers;
 * and the same in Chromium (the compare panel of the built app, with
 * navigator.hardwareConcurrency reported as 1 for the one-worker run).
 * Must not touch: src/ or the other benchmark runs. A missed target is
 * reported, never an exit code.
 */
import { cpus } from 'node:os';
import type { StrategyComparison } from '../src/sim/contract';
import type { Settings } from '../src/sim/settings';
import { compareInPool } from '../src/worker/client/comparePool';
import { poolSize } from '../src/worker/client/pool';
import { openLab } from '../tests/e2e/browser';
import { spawnThreads } from './poolThreads';

/** Pool over one worker, same run: at most this (issue 15). */
export const POOL_TARGET = 0.6;

export interface PoolFigures {
  /** Logical cores Node sees, and the workers the pool used. */
  cores: number;
  workers: number;
  oneWorkerMs: number;
  poolMs: number;
  /** poolMs / oneWorkerMs. */
  ratio: number;
  /** The two comparisons gave the same numbers (timings aside). */
  identical: boolean;
  /**
   * CPU time of each worker thread (start-up included), ms, per comparison;
   * null off Linux. The pool's busiest thread over the one thread's total is
   * the ratio the pool reaches when nothing else takes the cores: on a shared
   * machine, wall times say more about the other work than about the pool.
   */
  threadCpuMs: { one: number[]; pool: number[] } | null;
  /** max(pool threads' CPU) / one thread's CPU; null off Linux. */
  cpuRatio: number | null;
}

/** The value with every field whose name ends in Ms removed (timings differ between runs). */
function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.endsWith('Ms'))
      .map(([key, v]) => [key, withoutTimings(v)]),
  );
}

async function timedComparison(
  settings: Settings,
  cores: number,
): Promise<{ ms: number; comparison: StrategyComparison; cpu: (number | null)[] }> {
  const cpu: (number | null)[] = [];
  const spawn = spawnThreads('wasm', (index, ms) => (cpu[index] = ms));
  const t0 = performance.now();
  const comparison = await compareInPool(settings, { spawn, cores });
  return { ms: performance.now() - t0, comparison, cpu };
}

const known = (values: (number | null)[]): number[] | null =>
  values.length > 0 && values.every((v) => v !== null) ? values : null;

/** The default comparison in Node: one worker thread, then the pool, in the same run. */
export async function measurePool(settings: Settings): Promise<PoolFigures> {
  const cores = cpus().length;
  const one = await timedComparison(settings, 1);
  const pool = await timedComparison(settings, cores);
  const oneCpu = known(one.cpu);
  const poolCpu = known(pool.cpu);
  const threadCpuMs = oneCpu && poolCpu ? { one: oneCpu, pool: poolCpu } : null;
  return {
    cores,
    workers: poolSize(cores, 4),
    oneWorkerMs: one.ms,
    poolMs: pool.ms,
    ratio: pool.ms / one.ms,
    threadCpuMs,
    cpuRatio: threadCpuMs ? Math.max(...threadCpuMs.pool) / threadCpuMs.one[0] : null,
    identical:
      JSON.stringify(withoutTimings(one.comparison)) ===
      JSON.stringify(withoutTimings(pool.comparison)),
  };
}

export interface BrowserPoolFigures {
  /** navigator.hardwareConcurrency in the page (the pool's size comes from it). */
  cores: number;
  oneWorkerMs: number;
  poolMs: number;
  ratio: number;
  /** The two tables read the same (the training-time column aside). */
  sameTable: boolean;
}

/**
 * Times the compare panel in the built app (run `vite build` first): from the
 * click on "Compare strategies" to the table on screen, once with the page
 * told it has one core (a pool of one), once as it is.
 */
export async function measureBrowserPool(): Promise<BrowserPoolFigures> {
  const lab = await openLab();
  try {
    const run = async (oneCore: boolean) => {
      const page = await lab.context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      if (oneCore) {
        await page.addInitScript(
          "Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 });",
        );
      }
      await page.goto(`${lab.baseUrl}?tab=compare`);
      await page.getByText(/Engine: TensorFlow\.js on/).waitFor();
      const button = page.getByRole('button', { name: 'Compare strategies' });
      await button.scrollIntoViewIfNeeded();
      // Timed in the page, from the click to the table on screen (source text: see browser.ts).
      const ms = await page.evaluate<number>(`(async () => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Compare strategies',
        );
        const t0 = performance.now();
        button.click();
        await new Promise((resolve) => {
          const check = () =>
            document.querySelectorAll('.compare-table tbody tr').length === 5
              ? resolve()
              : requestAnimationFrame(check);
          check();
        });
        return performance.now() - t0;
      })()`);
      // Every column but training time (a timing) must read the same.
      const rows = await page.locator('.compare-table tbody tr').evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.children]
            .filter((_, i) => i !== 6)
            .map((c) => c.textContent)
            .join('|'),
        ),
      );
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      await page.close();
      return { ms, rows, cores };
    };
    const one = await run(true);
    const pool = await run(false);
    return {
      cores: pool.cores,
      oneWorkerMs: one.ms,
      poolMs: pool.ms,
      ratio: pool.ms / one.ms,
      sameTable: JSON.stringify(one.rows) === JSON.stringify(pool.rows),
    };
  } finally {
    await lab.close();
  }
}

const fmt = (v: number, digits = 0): string => v.toFixed(digits);

/** The printed line for each measurement. */
export function describePool(node: PoolFigures, browser: BrowserPoolFigures | null): string[] {
  const lines = [
    `strategy comparison in Node: one worker ${fmt(node.oneWorkerMs)} ms, pool of ${node.workers} ` +
      `(${node.cores} cores) ${fmt(node.poolMs)} ms = ${fmt(node.ratio, 2)}x ` +
      `(target <= ${POOL_TARGET}x), same numbers: ${node.identical ? 'yes' : 'NO'}`,
  ];
  if (node.threadCpuMs && node.cpuRatio !== null) {
    lines.push(
      `  thread CPU: one worker ${node.threadCpuMs.one.map((ms) => fmt(ms)).join('')} ms, pool ` +
        `${node.threadCpuMs.pool.map((ms) => fmt(ms)).join(' + ')} ms: busiest / one = ` +
        `${fmt(node.cpuRatio, 2)}x (the ratio on free cores)`,
    );
  }
  if (browser) {
    lines.push(
      `strategy comparison in Chromium: one worker ${fmt(browser.oneWorkerMs)} ms, pool ` +
        `(${browser.cores} cores) ${fmt(browser.poolMs)} ms = ${fmt(browser.ratio, 2)}x, ` +
        `same table: ${browser.sameTable ? 'yes' : 'NO'}`,
    );
  }
  return lines;
}
