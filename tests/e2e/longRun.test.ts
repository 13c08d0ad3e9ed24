/**
 * Ten simulated years in Chromium, engine in its worker: the tensor count in
 * the worker is the same at year 1 and year 10, the JS heap growth of the
 * worker and of the page between them is measured (target: at most 20 MB),
 * and the chart stays usable (it draws a bounded number of points while the
 * table keeps every day; the page still answers a click).
 */
import { recordFigures } from '../support/figures';
import { heapReader } from './cdpHeap';
import { expect, test } from './fixtures';
import { engineWorker } from './labPage';

const MB = 1024 * 1024;
const YEARS = 10;
const DAYS = 365 * YEARS;

test.describe('ten simulated years in Chromium', () => {
  test('tensors flat, heap growth measured, chart downsampled and responsive', async ({ lab }) => {
    // Nine years take about 30 s on an idle 2-core machine; far longer beside other work.
    test.setTimeout(600_000);
    const lp = await lab.open(`?days=${DAYS}&day=365`);
    const { page } = lp;
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { __tasks: number[] }).__tasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await lp.waitForDay(365);
    const worker = await engineWorker(page);
    const tensors = () =>
      worker.evaluate(() => {
        // TF.js keeps its engine on the global object; its counts are what tf.memory() says,
        // and its backend's own count of buffers also sees those made without the engine's
        // books (src/sim/model/directKernels.ts).
        const engine = (
          self as unknown as {
            _tfengine: { memory(): Record<string, number>; backend: { numDataIds(): number } };
          }
        )._tfengine;
        const { numTensors, numBytes } = engine.memory();
        return { numTensors, numBytes, backendBuffers: engine.backend.numDataIds() };
      });
    const heap = await heapReader(page);
    const year1 = {
      tensors: await tensors(),
      workerHeap: await heap.worker(),
      pageHeap: await heap.page(),
    };

    const started = Date.now();
    await lp.button('Run to the end').click();
    await lp.waitForDay(DAYS, 480_000);
    const runMs = Date.now() - started;
    // Long tasks while the nine years streamed in (not the table's first draw below).
    const longTasks = await page.evaluate(
      () => (window as unknown as { __tasks: number[] }).__tasks,
    );
    const year10 = {
      tensors: await tensors(),
      workerHeap: await heap.worker(),
      pageHeap: await heap.page(),
    };

    // The chart draws a bounded number of points once it has caught up with every day;
    // the table has every day.
    const chart = page.getByLabel('Daily accuracy of both models');
    await expect(chart).toHaveAttribute('data-days', String(DAYS));
    const drawn = Number(await chart.getAttribute('data-rows'));
    await lp.openTab('Data table');
    const rows = page.locator('.data-table tbody tr');
    await expect(rows).toHaveCount(DAYS, { timeout: 60_000 });
    const tableRows = await rows.count();
    await lp.openTab('Chart');
    // Still answering: a step back moves the day at once (← on a focused tab moves the tab).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowLeft');
    await lp.waitForDay(DAYS - 1);

    const figures = {
      days: DAYS,
      runMsYears2to10: runMs,
      tensorsYear1: year1.tensors.numTensors,
      tensorsYear10: year10.tensors.numTensors,
      tensorBytesYear1: year1.tensors.numBytes,
      tensorBytesYear10: year10.tensors.numBytes,
      backendBuffersYear1: year1.tensors.backendBuffers,
      backendBuffersYear10: year10.tensors.backendBuffers,
      workerHeapMBYear1: +(year1.workerHeap / MB).toFixed(2),
      workerHeapMBYear10: +(year10.workerHeap / MB).toFixed(2),
      workerHeapGrowthMB: +((year10.workerHeap - year1.workerHeap) / MB).toFixed(2),
      pageHeapMBYear1: +(year1.pageHeap / MB).toFixed(2),
      pageHeapMBYear10: +(year10.pageHeap / MB).toFixed(2),
      pageHeapGrowthMB: +((year10.pageHeap - year1.pageHeap) / MB).toFixed(2),
      chartPointsDrawn: drawn,
      tableRows,
      longTasksOver50ms: longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    };
    recordFigures('long-run-browser', figures);
    console.log(JSON.stringify(figures));

    expect(year10.tensors.numTensors).toBe(year1.tensors.numTensors);
    expect(year10.tensors.numBytes).toBe(year1.tensors.numBytes);
    expect(year10.tensors.backendBuffers).toBe(year1.tensors.backendBuffers);
    expect(figures.workerHeapGrowthMB).toBeLessThanOrEqual(20);
    expect(drawn).toBeLessThanOrEqual(1000);
    expect(tableRows).toBe(DAYS);
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});
