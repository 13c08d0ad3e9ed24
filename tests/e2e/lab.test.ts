/**
 * The built lab in real Chromium: it loads clean, the lesson shows up month
 * by month, the keys work, a link reproduces its numbers, a bad link is
 * named, and a full-year run can be paused and finished. Screenshots of the
 * lab at projector and desktop sizes are saved to test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { labForFile } from './browser';
import { LabPage, meanOf } from './labPage';

const lab = labForFile();
const ARTIFACTS = 'test-artifacts';

describe('the lab in Chromium', () => {
  it('loads with no errors, on WebAssembly, talking only to its own origin', async () => {
    const lp = await LabPage.open(lab());
    const { page } = lp;
    await expect(page.title()).resolves.toBe('Bloomcast');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bloomcast');
    expect(await page.locator('#scenario option').count()).toBe(5);
    await expect(page.getByText(/TensorFlow\.js on WebAssembly/).count()).resolves.toBe(1);
    await page.locator('.recharts-surface').first().waitFor();
    expect(lp.errors).toEqual([]);
    expect(lp.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(lp.offOrigin()).toEqual([]);
    await page.close();
  });

  it('month by month to March: both lines, and the static line drops before Valentine’s Day', async () => {
    const lp = await LabPage.open(lab());
    const dates: string[] = [];
    for (let i = 0; i < 9; i++) {
      const before = await lp.dayOnScreen();
      await lp.button('+1 month').click();
      await lp.page.waitForFunction(
        (d) => !document.querySelector('.today-day')?.textContent?.includes(`day ${d} of`),
        before,
      );
      await lp.page.locator('.progress').waitFor({ state: 'detached' });
      dates.push(await lp.dateOnScreen());
    }
    expect(dates.at(-2)).toBe('28 Feb 2026');
    expect(dates.at(-1)).toBe('31 Mar 2026');
    const rows = await lp.readTable();
    expect(rows).toHaveLength(274);
    const serving = rows.filter((r) => r.date >= '2025-09-01');
    expect(serving.every((r) => r.static !== null && r.dynamic !== null)).toBe(true);
    const validation =
      Number(
        /([\d.]+)%/.exec(
          (await lp.page
            .getByRole('article', { name: /Static model/ })
            .locator('dt:text("Validation accuracy") + dd')
            .textContent()) ?? '',
        )?.[1],
      ) / 100;
    const staticWeek = meanOf(rows, 'static', '2026-02-07', '2026-02-13');
    const dynamicWeek = meanOf(rows, 'dynamic', '2026-02-07', '2026-02-13');
    const staticJanuary = meanOf(rows, 'static', '2026-01-05', '2026-01-25');
    expect(validation).toBeGreaterThan(0.75);
    expect(staticWeek).toBeLessThan(validation - 0.15);
    expect(staticWeek).toBeLessThan(staticJanuary - 0.15);
    expect(dynamicWeek).toBeGreaterThan(staticWeek + 0.1);
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  it('keyboard shortcuts: month, week, day, back, table, help, play and pause', async () => {
    const lp = await LabPage.open(lab());
    const { page } = lp;
    await page.keyboard.press('m');
    await lp.waitForDay(31);
    expect(await lp.dateOnScreen()).toBe('31 Jul 2025');
    await page.keyboard.press('w');
    await lp.waitForDay(38);
    await page.keyboard.press('d');
    await lp.waitForDay(39);
    await page.keyboard.press('ArrowLeft');
    await lp.waitForDay(38);
    await page.keyboard.press('t');
    await page.locator('.data-table').waitFor();
    await page.keyboard.press('t');
    await page.locator('.recharts-surface').first().waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.getByText('Run to the end').count()).toBe(1);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.waitForTimeout(400);
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    expect(await lp.dayOnScreen()).toBeGreaterThan(38);
    await page.keyboard.press('e');
    await lp.waitForDay(365);
    expect(lp.errors).toEqual([]);
    await page.close();
  });

  it('a shared link reproduces the numbers of the same moment reached by hand', async () => {
    const byHand = await LabPage.open(lab(), '?scenario=seasons&seed=3');
    // Seven quick clicks add up to seven months, even while the engine computes.
    for (let i = 0; i < 7; i++) await byHand.button('+1 month').click();
    await byHand.waitForDay(215);
    await byHand.page.waitForFunction(() => location.search.includes('day=215'));
    const link = new URL(byHand.page.url()).search;
    expect(link).toContain('scenario=seasons');
    expect(link).toContain('seed=3');
    const expected = await byHand.readTable();

    const shared = await LabPage.open(lab(), link);
    await shared.waitForDay(215);
    expect(await shared.page.locator('#scenario').inputValue()).toBe('seasons');
    expect(await shared.readTable()).toEqual(expected);
    expect(shared.errors).toEqual([]);
    await byHand.page.close();
    await shared.page.close();
  });

  it('a bad link loads the defaults for the bad fields and names them', async () => {
    const lp = await LabPage.open(lab(), '?seed=abc&window=9999&cadence=hourly&visitors=300');
    const notice = lp.page.getByRole('alert').filter({ hasText: 'could not be used' });
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/seed/);
    expect(text).toMatch(/windowDays/);
    expect(text).toMatch(/cadence/);
    expect(text).not.toMatch(/visitorsPerDay/);
    expect(await lp.page.locator('#seed').inputValue()).toBe('1');
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  it('pause during a full-year run stops it before the end; run to the end completes it', async () => {
    const lp = await LabPage.open(lab(), '?seed=11');
    await lp.button('Run to the end').click();
    await lp.page.waitForFunction(() => {
      const m = /day (\d+)/.exec(document.querySelector('.today-day')?.textContent ?? '');
      return Number(m?.[1]) > 100;
    });
    await lp.button('Pause').click();
    const stopped = await lp.dayOnScreen();
    await lp.page.waitForTimeout(800);
    expect(await lp.dayOnScreen()).toBe(stopped);
    expect(stopped).toBeLessThan(365);
    await lp.button('Run to the end').click();
    await lp.waitForDay(365);
    expect(await lp.page.locator('.data-table, .recharts-surface').count()).toBeGreaterThan(0);
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await lp.page.setViewportSize({ width, height });
      await lp.page.waitForTimeout(300);
      await lp.page.screenshot({ path: `${ARTIFACTS}/lab-${width}x${height}.png` });
    }
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });
});
