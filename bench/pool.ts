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
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { StrategyComparison } from '../src/sim/contract';
import type { Settings } from '../src/sim/settings';
import { compareInPool } from '../src/worker/client/comparePool';
import { poolSize } from '../src/worker/client/pool';
import { openLab } from '../tests/e2e/browser';
import { withoutTimings } from '../tests/unit/helpers';
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
  /**
   * CPU time of each Chromium worker thread busy during the comparison, ms
   * (Linux; null elsewhere), and the busiest pool thread over the one worker's:
   * the ratio on free cores. Chromium's own compile threads are left out.
   */
  workerCpuMs: { one: number[]; pool: number[] } | null;
  cpuRatio: number | null;
}

/** Fields of a /proc stat line after the command name (which may hold spaces). */
const statFields = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** CPU time so far of every thread of this process's descendants (the Chromium it launched), ms. */
function childThreadsCpu(): Map<string, { name: string; ms: number }> {
  const out = new Map<string, { name: string; ms: number }>();
  const parent = new Map<number, number>();
  try {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        parent.set(Number(pid), Number(statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'))[1]));
      } catch {
        // The process ended meanwhile.
      }
    }
  } catch {
    return out;
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) return true;
    }
    return false;
  };
  for (const pid of [...parent.keys()].filter(mine)) {
    try {
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = statFields(stat);
        out.set(`${pid}/${task}`, { name, ms: (Number(fields[11]) + Number(fields[12])) * 10 });
      }
    } catch {
      // The process or thread ended meanwhile.
    }
  }
  return out;
}

/**
 * Reads the threads' CPU every 200 ms until stopped, keeping each thread's
 * last reading (a terminated worker's thread disappears with its CPU time).
 */
function sampleThreads(): () => Map<string, { name: string; ms: number }> {
  const seen = childThreadsCpu();
  const timer = setInterval(() => {
    for (const [id, t] of childThreadsCpu()) seen.set(id, t);
  }, 200);
  return () => {
    clearInterval(timer);
    for (const [id, t] of childThreadsCpu()) seen.set(id, t);
    return seen;
  };
}

/** CPU each worker thread used between two readings, for threads that used over 100 ms. */
function workerThreadsBusy(
  before: Map<string, { ms: number }>,
  after: Map<string, { name: string; ms: number }>,
): number[] {
  return [...after]
    .filter(([, t]) => t.name.startsWith('DedicatedWorker'))
    .map(([id, t]) => t.ms - (before.get(id)?.ms ?? 0))
    .filter((ms) => ms > 100)
    .sort((a, b) => b - a);
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
      const cpuBefore = childThreadsCpu();
      const stopSampling = sampleThreads();
      // Timed in the page, from the click to the table on screen (source text: see browser.ts).
      const ms = await page.evaluate<number>(`(async () => {
        // The panel's button, not the view's tab of the same name.
        const button = [...document.querySelectorAll('.compare-view button')].find(
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
      const busy = workerThreadsBusy(cpuBefore, stopSampling());
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      await page.close();
      return { ms, rows, cores, busy };
    };
    const one = await run(true);
    const pool = await run(false);
    const measured = one.busy.length === 1 && pool.busy.length >= 1;
    return {
      cores: pool.cores,
      oneWorkerMs: one.ms,
      poolMs: pool.ms,
      ratio: pool.ms / one.ms,
      sameTable: JSON.stringify(one.rows) === JSON.stringify(pool.rows),
      workerCpuMs: measured ? { one: one.busy, pool: pool.busy } : null,
      cpuRatio: measured ? pool.busy[0] / one.busy[0] : null,
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
    if (browser.workerCpuMs && browser.cpuRatio !== null) {
      lines.push(
        `  worker CPU: one worker ${fmt(browser.workerCpuMs.one[0])} ms, pool ` +
          `${browser.workerCpuMs.pool.map((ms) => fmt(ms)).join(' + ')} ms: busiest / one = ` +
          `${fmt(browser.cpuRatio, 2)}x (the ratio on free cores)`,
      );
    }
  }
  return lines;
}
