/** The built app opens in real Chromium, says what it is, and talks only to its own origin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, openLab } from './browser';

let lab: Lab;

beforeAll(async () => {
  lab = await openLab();
});

afterAll(async () => {
  await lab?.close();
});

describe('the home page in Chromium', () => {
  it('shows the product, the five scenarios, no errors, and requests nothing off-origin', async () => {
    const page = await lab.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(lab.baseUrl, { waitUntil: 'networkidle' });

    await expect(page.title()).resolves.toBe('Bloomcast');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bloomcast');
    const scenarios = page.getByRole('list').getByRole('listitem');
    expect(await scenarios.count()).toBe(5);
    expect(await scenarios.first().textContent()).toMatch(/Valentine's Day/);
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(lab.baseUrl))).toEqual([]);
    if (process.env.SCREENSHOT)
      await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
    await page.close();
  });
});
