/**
 * The strategy comparison on the page's worker pool against one worker, in
 * Chromium (the built app), for `npm run bench` through bench/pool.ts.
 *
 * Owns: timing the compare panel from the click to the table, once with the
 * page told it has one core (a pool of one) and once as it is, each after the
 * workers the open view starts have warmed up; reading the worker threads'
 * CPU from /proc. Must not touch: src/. A missed target is reported, never an
 * exit code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { poolSize } from '../src/worker/client/pool';
import { openLab } from '../tests/e2e/browser';
import type { Load } from './pool';

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
  /**
   * The page starts the comparison's workers when its view opens (they load
   * the engine and run a short warm-up): the click comes once they are idle,
   * this long after the view showed, ms (one-worker page, pool page).
   */
  warmUpMs: { one: number; pool: number };
  /** The workers went idle before the click in both pages (else the click came after 30 s). */
  warmed: boolean;
  load: Load;
}

/** Fields of a /proc stat line after the command name (which may hold spaces). */
const statFields = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** CPU time so far of every thread of this process's descendants (the Chromium it launched), ms. */
export function childThreadsCpu(): Map<string, { name: string; ms: number }> {
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

/** How long the workers' threads must use no CPU to count as idle (workersWarmed), ms. */
export const QUIET_MS = 600;

/**
 * Waits until the page's worker threads have warmed up: at least `workers`
 * of them used over 100 ms since `before`, then none used CPU for QUIET_MS.
 * Resolves with whether that happened within 30 s.
 */
export async function workersWarmed(
  before: Map<string, { ms: number }>,
  workers: number,
): Promise<boolean> {
  const busy = (now: Map<string, { name: string; ms: number }>) =>
    [...now]
      .filter(([, t]) => t.name.startsWith('DedicatedWorker'))
      .map(([id, t]) => t.ms - (before.get(id)?.ms ?? 0));
  let last = -1;
  let flatSince = performance.now();
  for (const t0 = performance.now(); performance.now() - t0 < 30_000;) {
    await new Promise((r) => setTimeout(r, 100));
    const cpu = busy(childThreadsCpu());
    const total = cpu.reduce((a, b) => a + b, 0);
    if (total !== last) {
      last = total;
      flatSince = performance.now();
    } else if (
      cpu.filter((ms) => ms > 100).length >= workers &&
      performance.now() - flatSince >= QUIET_MS
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Times the compare panel in the built app (run `vite build` first): from the
 * click on "Compare strategies" to the table on screen, once with the page
 * told it has one core (a pool of one), once as it is.
 */
export async function measureBrowserPool(): Promise<BrowserPoolFigures> {
  const loadBefore = loadavg();
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
      const beforePage = childThreadsCpu();
      await page.goto(`${lab.baseUrl}?tab=compare`);
      await page.getByText(/Engine: TensorFlow\.js on/).waitFor();
      const shown = performance.now();
      const warmed = await workersWarmed(beforePage, oneCore ? 1 : poolSize(cpus().length, 4));
      const warmUpMs = performance.now() - shown;
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
      return { ms, rows, cores, busy, warmed, warmUpMs };
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
      warmUpMs: { one: one.warmUpMs, pool: pool.warmUpMs },
      warmed: one.warmed && pool.warmed,
      load: { before: loadBefore, after: loadavg() },
    };
  } finally {
    await lab.close();
  }
}
