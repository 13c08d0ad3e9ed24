/**
 * Export in Chromium: the CSV download's rows match the lab's table, the chart
 * downloads as SVG and PNG, and the settings file imports back unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labForFile } from './browser';
import { LabPage } from './labPage';

const lab = labForFile();

describe('export in Chromium', () => {
  it('CSV rows match the table; the chart downloads as SVG and PNG', async () => {
    const lp = await LabPage.open(lab(), '?seed=4&day=80');
    const { page } = lp;
    await lp.waitForDay(80);
    const table = await lp.readTable();
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

  it('importing a bad scenario file names the problem and changes nothing', async () => {
    const lp = await LabPage.open(lab(), '?seed=6&day=20');
    const { page } = lp;
    await lp.waitForDay(20);
    // The lab rewrites its address once the day is on screen; compare with that.
    await page.waitForFunction(() => location.search.includes('v='));
    const before = page.url();
    await page.getByRole('button', { name: 'Settings' }).click();
    const drawer = page.getByRole('dialog', { name: 'Settings' });
    await drawer.getByLabel('Import a scenario file (JSON)').setInputFiles({
      name: 'class.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"seed": 6, "windowDays": 999}'),
    });
    const alert = drawer.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /class\.json was not imported: windowDays must be a whole number from 1 to 365\. Nothing changed\./,
    );
    await page.keyboard.press('Escape');
    expect(page.url()).toBe(before);
    expect(await lp.dayOnScreen()).toBe(20);
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});
