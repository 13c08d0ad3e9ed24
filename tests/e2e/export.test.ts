/**
 * Export in Chromium: the CSV download's rows match the lab's table, the chart
 * downloads as SVG and PNG, and the settings file imports back unchanged.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, openLab } from './browser';
import { LabPage } from './labPage';

let lab: Lab;

beforeAll(async () => {
  lab = await openLab();
});

afterAll(async () => {
  await lab?.close();
});

describe('export in Chromium', () => {
  it('CSV rows match the table; the chart downloads as SVG and PNG', async () => {
    const lp = await LabPage.open(lab, '?seed=4&day=80');
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
});
