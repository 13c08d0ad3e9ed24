/**
 * The strategy comparison on a pool of engine workers (issue 15, "Both
 * cores"), in Chromium against the built app: the pool has one worker per
 * core the page reports (a page told it has one core gets one), each a
 * same-origin module worker under the CSP; the table is the same either way;
 * no pool worker outlives its comparison; a pool worker killed mid-run stops
 * the comparison with its error (the lab's own worker runs on, with no
 * failure banner), the other pool workers are stopped, and pressing the
 * button again runs it to the end. The open view starts its pool workers
 * before the press (they warm up while the student reads), the press uses
 * them, and leaving the view stops those no comparison took.
 *
 * Owns: these checks and their screenshots (test-artifacts/compare-pool-*.png).
 * Must not touch: the app's code; the page is only told its core count and
 * watched (Worker constructions recorded, a worker terminated from outside).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, type LabOpener, test } from './fixtures';
import type { LabPage } from './labPage';

// Requests answered by a service worker never reach the page's own accounting.
test.use({ serviceWorkers: 'block' });

/** A short world: four runs of it take seconds, not minutes, on a busy machine. */
const QUERY = '?seed=5&days=200&tab=compare';

/**
 * An init script: records every Worker the page makes (its name) in
 * `window.__made`, and keeps it for a kill. With `window.__cores` set by an
 * earlier init script, the page reports that many logical cores. (Init scripts
 * are sent as source text: each must stand alone.)
 */
function recordWorkers() {
  const cores = (window as unknown as { __cores?: number }).__cores;
  if (cores !== undefined) {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => cores });
  }
  const made: { name: string; worker: Worker }[] = [];
  (window as unknown as { __made: typeof made }).__made = made;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      made.push({ name: options?.name ?? '', worker: this });
    }
  };
}

/** Opens the lab with workers recorded; `cores`, when given, is what every later page of the context reports. */
async function openRecorded(
  lab: LabOpener,
  context: BrowserContext,
  cores?: number,
): Promise<LabPage> {
  // The context's init scripts run before the page's, so recordWorkers sees it.
  if (cores !== undefined) await context.addInitScript(`window.__cores = ${cores};`);
  return lab.openWith(recordWorkers, QUERY, { width: 1366, height: 768 });
}

/** Names of the Workers the page has made so far. */
const made = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __made: { name: string }[] }).__made.map((m) => m.name),
  );

/** Workers alive in the page (Playwright drops one when it is terminated). */
const live = (page: Page) => page.workers().length;

const panelOf = (page: Page) => page.locator('.compare-view');

/** Runs the comparison to its table and reads every row, training time (a timing) left out. */
async function compareTable(lp: LabPage): Promise<string[]> {
  const panel = panelOf(lp.page);
  await panel.getByRole('button', { name: 'Compare strategies' }).click();
  const rows = panel.locator('.compare-table tbody tr');
  await expect(rows).toHaveCount(5, { timeout: 90_000 });
  await expect(panel.getByText(/Simulating \d+ runs|Finishing/)).toHaveCount(0);
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.children]
        .filter((_, i) => i !== 6)
        .map((c) => c.textContent)
        .join(' | '),
    ),
  );
}

test.describe('the strategy comparison on a pool of workers', () => {
  test('one worker per core, the same table with one core, and no worker left after', async ({
    lab,
    context,
  }) => {
    test.setTimeout(240_000);
    const lp = await openRecorded(lab, context);
    const cores = await lp.page.evaluate(() => navigator.hardwareConcurrency);
    const size = Math.max(1, Math.min(4, cores));
    const table = await compareTable(lp);
    expect(await made(lp.page)).toEqual([
      'bloomcast-engine',
      ...Array.from({ length: size }, (_, i) => `bloomcast-pool-${i + 1}`),
    ]);
    // Only the lab's own worker stays.
    await expect.poll(() => live(lp.page)).toBe(1);
    await panelOf(lp.page).scrollIntoViewIfNeeded();
    await lp.page.screenshot({ path: 'test-artifacts/compare-pool-table.png' });

    const single = await openRecorded(lab, context, 1);
    expect(await compareTable(single)).toEqual(table);
    expect(await made(single.page)).toEqual(['bloomcast-engine', 'bloomcast-pool-1']);
    await expect.poll(() => live(single.page)).toBe(1);
    expect(lp.errors).toEqual([]);
    expect(single.errors).toEqual([]);
  });

  test('a pool worker killed mid-run: the error shows, the others stop, the lab runs on, the button retries', async ({
    lab,
    context,
  }) => {
    test.setTimeout(240_000);
    // Two workers whatever the machine, so there is another one to stop.
    const lp = await openRecorded(lab, context, 2);
    const { page } = lp;
    const panel = panelOf(page);
    await panel.getByRole('button', { name: 'Compare strategies' }).click();
    // A heartbeat arrived: the runs are under way inside the pool.
    await expect
      .poll(() => panel.locator('progress').evaluate((p: HTMLProgressElement) => p.value))
      .toBeGreaterThan(0);
    await expect.poll(() => live(page)).toBe(3);
    // The second pool worker is killed as the system would (no error event, no word).
    await page.evaluate(() => {
      const made = (window as unknown as { __made: { name: string; worker: Worker }[] }).__made;
      made.find((m) => m.name === 'bloomcast-pool-2')?.worker.terminate();
    });
    await expect(panel.getByRole('alert')).toContainText(
      'The comparison stopped: the engine stopped answering',
      { timeout: 60_000 },
    );
    await expect(panel.getByText(/Simulating \d+ runs/)).toHaveCount(0);
    // The other pool worker was stopped too; the lab's worker lives, with no failure banner.
    await expect.poll(() => live(page)).toBe(1);
    await expect(page.getByText('The simulation engine stopped')).toHaveCount(0);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-artifacts/compare-pool-stopped.png' });
    // The lab still computes days.
    await lp.button('Run to the end').click();
    await lp.waitForDay(200, 90_000);
    // Pressing the button again runs the comparison to its table.
    await panel.getByRole('button', { name: 'Compare strategies' }).click();
    await expect(panel.locator('.compare-table tbody tr')).toHaveCount(5, { timeout: 90_000 });
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => live(page)).toBe(1);
  });

  test('the open view starts its workers before the press, the press uses them, leaving stops them', async ({
    lab,
    context,
  }) => {
    test.setTimeout(240_000);
    const lp = await openRecorded(lab, context, 2);
    // Before any press: the lab's worker and two pool workers, warming up.
    await expect.poll(() => live(lp.page), { timeout: 30_000 }).toBe(3);
    expect(await made(lp.page)).toEqual([
      'bloomcast-engine',
      'bloomcast-pool-1',
      'bloomcast-pool-2',
    ]);
    await compareTable(lp);
    // The comparison ran on them: no worker was made for it, and none is left.
    expect(await made(lp.page)).toEqual([
      'bloomcast-engine',
      'bloomcast-pool-1',
      'bloomcast-pool-2',
    ]);
    await expect.poll(() => live(lp.page)).toBe(1);

    // Opened and left without a press: the warm workers stop with the view.
    const left = await openRecorded(lab, context, 2);
    await expect.poll(() => live(left.page), { timeout: 30_000 }).toBe(3);
    await left.openTab('Chart');
    await expect.poll(() => live(left.page)).toBe(1);
    expect(lp.errors).toEqual([]);
    expect(left.errors).toEqual([]);
  });
});
