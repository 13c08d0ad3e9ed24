/**
 * What the page does while a year streams in (issue 15), counted in Chromium,
 * never timed (the timings are `npm run bench`'s): the page below the
 * timeline keeps its boxes from the click to the last day (a run's start and
 * end do not re-lay-out the page and redraw the whole chart), the chart never
 * measures its lines' length meanwhile (Recharts' Line did, a forced layout
 * per line per batch), and it still redraws as the days arrive; the lines,
 * "today" and the tooltip read as before. A screenshot of the chart mid-run
 * goes to test-artifacts/.
 *
 * Owns: these counts. Must not touch: the numbers on the chart.
 */
import { ARTIFACTS, expect, test } from './fixtures';

const LAPTOP = { width: 1366, height: 768 };

/** Installed before the app: counts path measurements and records size changes of the page's parts. */
function recorder() {
  const w = window as unknown as {
    __lengths: number;
    __resized: string[];
    __watch: () => void;
  };
  w.__lengths = 0;
  w.__resized = [];
  const proto = SVGGeometryElement.prototype;
  const measure = Object.getOwnPropertyDescriptor(proto, 'getTotalLength')?.value as (
    this: SVGGeometryElement,
  ) => number;
  proto.getTotalLength = function (this: SVGGeometryElement) {
    w.__lengths++;
    return measure.call(this);
  };
  w.__watch = () => {
    const seen = new Map<Element, string>();
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) {
        const size = `${Math.round(e.contentRect.width)}x${Math.round(e.contentRect.height)}`;
        const before = seen.get(e.target);
        if (before !== undefined && before !== size)
          w.__resized.push(`${e.target.className}: ${before} -> ${size}`);
        seen.set(e.target, size);
      }
    });
    // The side column's headlines may grow when the first served day arrives (their words
    // change); what holds the chart must not move.
    for (const selector of ['.timeline', '.lab-layout', '.lab-views', '.chart-plot'])
      for (const el of document.querySelectorAll(selector)) observer.observe(el);
  };
}

test.describe('a year streaming in', () => {
  test('the page keeps its layout, the chart never measures its lines, and it keeps drawing', async ({
    lab,
  }) => {
    const lp = await lab.openWith(recorder, '', LAPTOP);
    const { page } = lp;
    const line = page.locator('.chart-panel .chart-line').first();
    await expect(page.locator('.chart-panel svg.chart-surface')).toBeVisible();
    await page.evaluate(() => (window as unknown as { __watch: () => void }).__watch());
    const counts = () =>
      page.evaluate(() => {
        const w = window as unknown as { __lengths: number; __resized: string[] };
        return { lengths: w.__lengths, resized: w.__resized };
      });
    const before = await counts();

    await lp.button('Run to the end').click();
    // Drawing as it goes: a line mid-year, and the progress line in its own room.
    await lp.waitPastDay(150);
    await expect(line).toHaveAttribute('d', /L/);
    await page.locator('.chart-panel').screenshot({ path: `${ARTIFACTS}/chart-running.png` });
    await lp.waitForDay(365);
    await expect(page.getByText(/Computing day/)).toHaveCount(0);

    await expect
      .poll(counts, { message: 'no size changes and no path measurements while the year ran' })
      .toEqual({ lengths: before.lengths, resized: [] });
    // The lines reach the last day, "today" stands on it, and the tooltip names a day.
    await expect(page.locator('.chart-panel .chart-line')).toHaveCount(4);
    await expect(page.locator('.chart-note-today')).toHaveAttribute('data-day', '365');
    const plot = await page.locator('.chart-plot').boundingBox();
    if (!plot) throw new Error('no chart plot');
    await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height * 0.5);
    await expect(page.locator('.chart-tooltip')).toContainText(/Static model\s*\d+\.\d%/);
    await expect(page.locator('.chart-panel .chart-active-dot')).toHaveCount(4);
    expect(lp.errors).toEqual([]);
  });
});
