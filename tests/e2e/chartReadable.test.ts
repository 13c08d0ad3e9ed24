/**
 * The chart and the timeline readable at any size, measured in Chromium from
 * rendered boxes (never by eye alone): in presentation mode the smallest text
 * on the chart (axis ticks, legend, annotations) and the timeline's day count
 * is at least 18 px high on a 1280x720 projector and 24 px at 1920x1080, and
 * the year labels stay on the axis; on a laptop and a phone no two annotation labels overprint; on a
 * phone the scrubber's month labels never collide and the controls are
 * touch-sized. Screenshots of each go to test-artifacts/.
 *
 * Owns: these measurements. Must not touch: the numbers on the chart.
 */
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, type LabOpener, test } from './fixtures';
import type { Size } from './labPage';
import { collisions, type TextBox as Box } from './textBoxes';

/** Valentine's Day of the default run: "today" sits on a holiday's line. */
const QUERY_DAY = 229;

/**
 * The rendered text boxes on the chart: axis ticks, the legend's words (a
 * range over its text nodes: the glyph box, not the line box) and the
 * annotations written on the plot (holiday names, "today", "training data").
 */
function chartText(page: Page) {
  return page.evaluate(() => {
    const box = (text: string, r: DOMRect) => ({
      text,
      left: r.left,
      top: r.top,
      right: r.right,
      bottom: r.bottom,
      height: r.height,
    });
    const figure = document.querySelector('.chart-panel .chart-figure');
    const svg = figure?.querySelector<SVGSVGElement>('svg.chart-surface');
    if (!figure || !svg) return null;
    // The axes' words: a tick is told by its class, the date axis' ticks from the
    // accuracy axis' by their words (these end in "%").
    const tickTexts = [...svg.querySelectorAll<SVGTextElement>('.chart-tick-value')].filter(
      (t) => (t.textContent ?? '') !== '',
    );
    const ticks = tickTexts.map((t) => box(t.textContent ?? '', t.getBoundingClientRect()));
    const xTicks = ticks.filter((t) => !t.text.endsWith('%'));
    const legend = [...figure.querySelectorAll('.chart-legend li')].map((li) => {
      const range = document.createRange();
      range.selectNodeContents(li);
      // Only the words: a range over the item's text nodes.
      const words = [...li.childNodes].filter(
        (n) => n.nodeType === Node.TEXT_NODE || n instanceof HTMLSpanElement,
      );
      const rects = words.flatMap((n) => {
        const r = document.createRange();
        r.selectNodeContents(n);
        return [...r.getClientRects()];
      });
      const tallest = rects.reduce((a, b) => (b.height > a.height ? b : a), rects[0]);
      return box(li.textContent ?? '', tallest);
    });
    // Every label written on the plot that is not an axis's own (its ticks and its name).
    const axisNames = ['Simulated date', 'Accuracy (%)'];
    const notes = [...svg.querySelectorAll<SVGTextElement>('text')]
      .filter(
        (t) =>
          !tickTexts.includes(t) &&
          !axisNames.includes(t.textContent ?? '') &&
          (t.textContent ?? '').trim() !== '' &&
          t.getBoundingClientRect().width > 0,
      )
      .map((t) => box(t.textContent ?? '', t.getBoundingClientRect()));
    return { svg: box('svg', svg.getBoundingClientRect()), ticks, xTicks, legend, notes };
  });
}

type ChartText = NonNullable<Awaited<ReturnType<typeof chartText>>>;

const smallest = (boxes: Box[]) => Math.min(...boxes.map((b) => b.height));

/** Opens the lab at day 229 and waits until the chart has its annotations. */
async function openAtDay(lab: LabOpener, query: string, size: Size) {
  const lp = await lab.open(query, size);
  await lp.waitForDay(QUERY_DAY);
  let text: ChartText | null = null;
  await expect
    .poll(
      async () => {
        text = await chartText(lp.page);
        return text ? text.notes.map((n) => n.text).join(' | ') : '';
      },
      { message: 'the chart shows today and its holidays' },
    )
    .toMatch(/today/);
  return { lp, read: async () => (await chartText(lp.page)) as ChartText };
}

/** A screenshot, and the same at half size: what the back of a classroom sees. */
async function shoot(page: Page, name: string, size: Size, half = false) {
  const png = await page.screenshot({ path: `${ARTIFACTS}/chart-${name}.png` });
  if (!half) return;
  const small = await page.context().newPage();
  await small.setViewportSize({ width: size.width / 2, height: size.height / 2 });
  await small.setContent(
    `<body style="margin:0"><img style="width:${size.width / 2}px;display:block" src="data:image/png;base64,${png.toString('base64')}"></body>`,
  );
  await expect(small.locator('img')).toHaveJSProperty('complete', true);
  await small.screenshot({ path: `${ARTIFACTS}/chart-${name}-half.png` });
  await small.close();
}

for (const [size, floor] of [
  [{ width: 1280, height: 720 }, 18],
  [{ width: 1920, height: 1080 }, 24],
] as const) {
  test(`presenting at ${size.width}x${size.height}: ticks, legend and annotations at least ${floor} px, years on the axis`, async ({
    lab,
  }) => {
    const { lp, read } = await openAtDay(lab, `?present=cards&day=${QUERY_DAY}`, size);
    await expect(lp.page.locator('.app.presenting')).toBeVisible();
    await expect.poll(async () => smallest((await read()).ticks)).toBeGreaterThanOrEqual(floor);
    await expect.poll(async () => smallest((await read()).legend)).toBeGreaterThanOrEqual(floor);
    await expect.poll(async () => smallest((await read()).notes)).toBeGreaterThanOrEqual(floor);
    // The timeline's day count under the date reads at the same size (its glyph box).
    await expect(lp.page.locator('.today-day')).toHaveText(`day ${QUERY_DAY} of 365`);
    await expect
      .poll(() =>
        lp.page.locator('.today-day').evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return range.getBoundingClientRect().height;
        }),
      )
      .toBeGreaterThanOrEqual(floor);
    // The year labels (the first month's, January's) are drawn, whole, on the axis.
    await expect
      .poll(async () => (await read()).xTicks.filter((t) => /\d{4}/.test(t.text)).length)
      .toBeGreaterThanOrEqual(2);
    await expect
      .poll(async () => {
        const { svg, xTicks } = await read();
        return xTicks.filter((t) => t.left < svg.left || t.right > svg.right).map((t) => t.text);
      })
      .toEqual([]);
    await expect.poll(async () => collisions((await read()).xTicks)).toEqual([]);
    await expect.poll(async () => collisions((await read()).notes)).toEqual([]);
    await shoot(lp.page, `present-${size.width}x${size.height}`, size, size.width === 1280);
    await lp.page.close();
  });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`at ${size.width}x${size.height} no two annotation labels on the chart overprint`, async ({
    lab,
  }) => {
    const { lp, read } = await openAtDay(lab, `?day=${QUERY_DAY}`, size);
    // Today on Valentine's Day, on Christmas, and at the end of the training data
    // (the day the lab first serves), each reached back along the scrubber.
    for (const day of [QUERY_DAY, 178, 62]) {
      if (day !== QUERY_DAY) {
        await lp.page.getByRole('slider', { name: 'Simulated day' }).fill(String(day));
        await lp.waitForDay(day);
      }
      const at = { message: `day ${day}` };
      // Today, the training data and the three holidays of the year are all named (beside
      // them, the callouts of the days on screen: tests/e2e/callouts.test.ts).
      const named = /^(today|training data|Valentine’s( Day)?|Mother’s( Day)?|Christmas|Xmas)$/;
      await expect
        .poll(async () => (await read()).notes.filter((n) => named.test(n.text)).length, at)
        .toBe(5);
      await expect.poll(async () => collisions((await read()).notes), at).toEqual([]);
      await expect.poll(async () => collisions((await read()).xTicks), at).toEqual([]);
      // Every label stays inside the chart.
      await expect
        .poll(async () => {
          const { svg, notes } = await read();
          return notes.filter((t) => t.left < svg.left || t.right > svg.right).map((t) => t.text);
        }, at)
        .toEqual([]);
      await lp.page.locator('.chart-panel').screenshot({
        path: `${ARTIFACTS}/chart-panel-${size.width}x${size.height}-day${day}.png`,
      });
    }
    await shoot(lp.page, `annotations-${size.width}x${size.height}`, size);
    await lp.page.close();
  });
}

test('presenting on a phone, the day count lines up under the date', async ({ lab }) => {
  const size = { width: 390, height: 844 };
  const lp = await lab.open(`?present=cards&day=${QUERY_DAY}`, size);
  await lp.waitForDay(QUERY_DAY);
  const { page } = lp;
  await expect(page.locator('.app.presenting')).toBeVisible();
  // The date wraps onto a line of its own below 900 px: right-aligned to the date,
  // the shorter day count sat indented under it.
  const indent = () =>
    page.evaluate(() => {
      const left = (selector: string) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(selector) as Node);
        return range.getBoundingClientRect().left;
      };
      return Math.abs(left('.today-day') - left('.today-date'));
    });
  await expect.poll(indent).toBeLessThanOrEqual(1);
  await page
    .locator('.timeline')
    .screenshot({ path: `${ARTIFACTS}/chart-present-timeline-390x844.png` });
  await page.close();
});

test('on a phone the scrubber’s month labels never collide and the controls are touch-sized', async ({
  lab,
}) => {
  const size = { width: 390, height: 844 };
  const lp = await lab.open(`?day=${QUERY_DAY}`, size);
  await lp.waitForDay(QUERY_DAY);
  const { page } = lp;
  const months = () =>
    page.locator('.scrubber-months span').evaluateAll((spans) =>
      spans.map((s) => {
        const r = s.getBoundingClientRect();
        return {
          text: s.textContent ?? '',
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          height: r.height,
        };
      }),
    );
  await expect.poll(async () => (await months()).length).toBeGreaterThanOrEqual(3);
  await expect.poll(async () => collisions(await months())).toEqual([]);
  await expect
    .poll(async () => (await months()).filter((m) => m.left < 0 || m.right > size.width).length)
    .toBe(0);
  // Touch targets: the timeline's buttons, its scrubber and the chart's options.
  const targets = page.locator(
    '.timeline button, .timeline select, .scrubber input, .chart-controls label:has(input[type=checkbox]), .chart-controls select, .chart-controls summary',
  );
  await expect.poll(() => targets.count()).toBeGreaterThanOrEqual(10);
  const small = () =>
    targets.evaluateAll((els) =>
      els
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 44 || r.height < 44)
        .map(({ e, r }) => `${e.textContent?.trim() || e.tagName}: ${r.width}x${r.height}`),
    );
  await expect.poll(small).toEqual([]);
  // Nothing of the chart or the timeline reaches past the screen's edge or scrolls sideways.
  await expect
    .poll(() =>
      page
        .locator('.timeline, .chart-panel')
        .evaluateAll(
          (els, width) =>
            els
              .filter(
                (e) => e.getBoundingClientRect().right > width || e.scrollWidth > e.clientWidth,
              )
              .map(
                (e) =>
                  `${e.className}: right ${e.getBoundingClientRect().right}, scrolls ${e.scrollWidth - e.clientWidth}`,
              ),
          size.width,
        ),
    )
    .toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/chart-timeline-390x844.png`, fullPage: false });
  await page.close();
});

test('on a phone the table view fits the screen and its rows scroll inside it', async ({ lab }) => {
  const size = { width: 390, height: 844 };
  // The table as its own view (today through the link's `show=table`).
  const lp = await lab.open(`?day=${QUERY_DAY}&tab=table`, size);
  await lp.waitForDay(QUERY_DAY);
  const { page } = lp;
  const region = page.getByRole('region', { name: 'Table of accuracy by day' });
  await expect(region.locator('tbody tr')).toHaveCount(QUERY_DAY);
  await expect(region).toHaveAttribute('tabindex', '0');
  const fit = () =>
    region.evaluate((el) => ({
      sideways: el.scrollWidth - el.clientWidth,
      right: Math.round(el.getBoundingClientRect().right),
      scrolls: el.scrollHeight > el.clientHeight,
      height: el.clientHeight,
    }));
  await expect.poll(async () => (await fit()).sideways).toBe(0);
  await expect.poll(async () => (await fit()).right).toBeLessThanOrEqual(size.width);
  await expect.poll(async () => (await fit()).scrolls).toBe(true);
  await expect.poll(async () => (await fit()).height).toBeLessThanOrEqual(0.75 * size.height);
  // The keyboard scrolls it: focus the region, End goes to the last day.
  await region.focus();
  await page.keyboard.press('End');
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await region.screenshot({ path: `${ARTIFACTS}/chart-table-390x844.png` });
  await page.close();
});
