/**
 * Export in Chromium: the CSV download's rows match the lab's table, the chart
 * downloads as SVG and PNG, and the settings file imports back unchanged.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test.describe('export in Chromium', () => {
  test('CSV rows match the table; the chart downloads as SVG and PNG', async ({ lab }) => {
    const lp = await lab.open('?seed=4&day=80');
    const { page } = lp;
    await lp.waitForDay(80);
    const table = await lp.readTable(80);
    await page.getByText('Export', { exact: true }).click();

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Days as CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('bloomcast-valentine-seed4.csv');
    const lines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(81);
    const header = lines[0].split(',');
    const last = lines[80].split(',');
    expect(last[header.indexOf('date')]).toBe('2025-09-18');
    const row = table.find((r) => r.date === '2025-09-18')!;
    expect(Number(last[header.indexOf('static_accuracy')])).toBeCloseTo(row.static!, 3);
    expect(Number(last[header.indexOf('dynamic_accuracy')])).toBeCloseTo(row.dynamic!, 3);

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart as SVG' }).click(),
    ]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).not.toContain('var(--');

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Chart as PNG' }).click(),
    ]);
    const pngBytes = readFileSync(await png.path());
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(10_000);
    expect(lp.errors).toEqual([]);
    expect(lp.offOrigin()).toEqual([]);
    await page.close();
  });

  test('importing a bad scenario file names the problem and changes nothing', async ({ lab }) => {
    const lp = await lab.open('?seed=6&day=20');
    const { page } = lp;
    await lp.waitForDay(20);
    // The lab rewrites its address once the day is on screen; compare with that.
    await expect(page).toHaveURL(/v=/);
    const before = page.url();
    // The page's timers from here on run on a clock the test moves (see below).
    await page.clock.install();
    await page.getByRole('button', { name: 'Settings' }).click();
    const drawer = page.getByRole('dialog', { name: 'Settings' });
    await drawer.getByLabel('Import a scenario file (JSON)').setInputFiles({
      name: 'class.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"seed": 6, "windowDays": 999}'),
    });
    const alert = drawer.getByRole('alert');
    await expect(alert).toHaveText(
      /class\.json was not imported: windowDays must be a whole number from 1 to 365\. Nothing changed\./,
    );
    await page.keyboard.press('Escape');
    // The lab writes its address 300 ms after a change: run the page's clock past
    // any such write, so a change would show in the address now.
    await page.clock.runFor(1_000);
    expect(page.url()).toBe(before);
    await expect(lp.day).toHaveText(/\bday 20 of /);
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});
