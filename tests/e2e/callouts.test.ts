/**
 * The chart's callouts and the "next event" step in Chromium: on the default
 * run at day 235 the Valentine's callouts are written, each clear of every
 * other label (bounding boxes), with the rush shaded; presenting at 1280x720
 * their glyphs are at least 18 px high; a phone shows at most two, never
 * overlapping; "next event" from day 200 lands on the rush's first day
 * (1 February), by its button and by the key E. Screenshots to test-artifacts/.
 *
 * Owns: these checks. Must not touch: the numbers (unit tests recompute them).
 */
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures';
import { collisions, type TextBox as Box } from './textBoxes';

/** Every label written on the chart's plot (chart-note), with its rendered box. */
function notes(page: Page): Promise<Box[]> {
  return page.locator('.chart-panel .chart-note').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return {
        text: e.textContent ?? '',
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        height: r.height,
      };
    }),
  );
}

// In full, or in fewer words where that puts them nearer their point.
const STATIC_DROP = /^static(: −\d+ points in the week before| −\d+ pts before) 14 Feb$/;
const RECOVERY = /^dynamic(: back within 5 points in| back in) \d+ days$/;

test('day 235 of the default run: the Valentine’s callouts are written and overprint nothing', async ({
  lab,
}) => {
  const size = { width: 1366, height: 768 };
  const lp = await lab.open('?day=235', size);
  await lp.waitForDay(235);
  const callouts = lp.page.locator('.chart-panel .chart-note-callout');
  await expect(callouts.filter({ hasText: STATIC_DROP })).toBeVisible();
  await expect(callouts.filter({ hasText: RECOVERY })).toBeVisible();
  await expect(lp.page.locator('.chart-panel .chart-note-rush')).toHaveText('Valentine’s rush');
  await expect(lp.page.locator('.chart-panel .rush-band')).toHaveCount(1);
  await expect(lp.page.locator('.chart-panel .callout-leader')).toHaveCount(2);
  await expect.poll(async () => collisions(await notes(lp.page))).toEqual([]);
  await lp.page.locator('.chart-panel').screenshot({ path: `${ARTIFACTS}/callouts-1366x768.png` });
  await lp.page.screenshot({ path: `${ARTIFACTS}/callouts-1366x768-page.png` });
  expect(lp.errors).toEqual([]);
  await lp.page.close();
});

test('presenting at 1280x720 the callouts are at caption size (glyphs at least 18 px)', async ({
  lab,
}) => {
  const size = { width: 1280, height: 720 };
  const lp = await lab.open('?day=235&present=cards', size);
  await lp.waitForDay(235);
  await expect(lp.page.locator('.app.presenting')).toBeVisible();
  const callouts = lp.page.locator('.chart-panel .chart-note-callout');
  // Both Valentine's callouts, in full or in their shorter words.
  await expect(callouts.filter({ hasText: /^static/ })).toBeVisible();
  await expect(callouts.filter({ hasText: /^dynamic/ })).toBeVisible();
  await expect
    .poll(async () =>
      Math.min(
        ...(await notes(lp.page))
          .filter((n) => /^(static|dynamic)/.test(n.text))
          .map((n) => n.height),
      ),
    )
    .toBeGreaterThanOrEqual(18);
  await expect.poll(async () => collisions(await notes(lp.page))).toEqual([]);
  await lp.page.screenshot({ path: `${ARTIFACTS}/callouts-present-1280x720.png` });
  await lp.page.close();
});

test('on a phone at most two callouts, never overlapping', async ({ lab }) => {
  const size = { width: 390, height: 844 };
  const lp = await lab.open('?day=235', size);
  await lp.waitForDay(235);
  const callouts = lp.page.locator('.chart-panel .chart-note-callout');
  // The static model's drop, in its fewest words on this width.
  await expect(callouts.filter({ hasText: /^(static )?−\d+ pts( before 14 Feb)?$/ })).toBeVisible();
  await expect.poll(() => callouts.count()).toBeLessThanOrEqual(2);
  await expect.poll(async () => collisions(await notes(lp.page))).toEqual([]);
  await expect
    .poll(async () => (await notes(lp.page)).filter((n) => n.left < 0 || n.right > size.width))
    .toEqual([]);
  await lp.page.locator('.chart-panel').scrollIntoViewIfNeeded();
  await lp.page.screenshot({ path: `${ARTIFACTS}/callouts-390x844.png` });
  await lp.page.close();
});

test('next event from day 200 lands on the first day of Valentine’s rush, by button and by E', async ({
  lab,
}) => {
  const lp = await lab.open('?day=200');
  await lp.waitForDay(200);
  const next = lp.page.getByRole('button', { name: /^Next event: Valentine’s rush begins, 1 Feb/ });
  await expect(next).toBeVisible();
  await next.click();
  await lp.waitForDay(216);
  await expect(lp.date).toHaveText('1 Feb 2026');
  await expect(lp.button('Play')).toBeVisible();
  // Back, and the key.
  await lp.page.getByRole('slider', { name: 'Simulated day' }).fill('200');
  await lp.waitForDay(200);
  await lp.page.getByRole('heading', { name: 'Bloomcast' }).click();
  await lp.page.keyboard.press('e');
  await lp.waitForDay(216);
  // Computed now: the name says the next one, a drift alert two days on.
  await expect(
    lp.page.getByRole('button', {
      name: /^Next event: inputs drifted: dynamic; errors rose: static, 3 Feb$/,
    }),
  ).toBeVisible();
  // The help lists the key.
  await lp.page.keyboard.press('?');
  const help = lp.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /^E To the next event/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /^End Run to the end/ })).toBeVisible();
  await lp.page.keyboard.press('Escape');
  expect(lp.errors).toEqual([]);
  await lp.page.close();
});

test('presenting, the slim timeline has the next-event step too', async ({ lab }) => {
  const lp = await lab.open('?day=200&present=cards', { width: 1280, height: 720 });
  await lp.waitForDay(200);
  const bar = lp.page.locator('.timeline.slim');
  await bar.getByRole('button', { name: /^Next event:/ }).click();
  await lp.waitForDay(216);
  await lp.page.close();
});

for (const [query, day, text] of [
  ['?day=365', 365, STATIC_DROP],
  ['?scenario=outage&day=140', 140, /^outage: both( models)? drop$/],
  ['?scenario=buggy-job&day=170', 170, /^gate blocks v\d+–v\d+$/],
] as const) {
  test(`${query}: the run’s callout is written and overprints nothing`, async ({ lab }) => {
    const lp = await lab.open(query, { width: 1366, height: 768 });
    await lp.waitForDay(day);
    await expect(
      lp.page.locator('.chart-panel .chart-note-callout').filter({ hasText: text }),
    ).toBeVisible();
    await expect.poll(async () => collisions(await notes(lp.page))).toEqual([]);
    const name = query.replace(/[?&=]/g, '-').replace(/^-/, '');
    await lp.page.locator('.chart-panel').screenshot({ path: `${ARTIFACTS}/callouts-${name}.png` });
    await lp.page.close();
  });
}
