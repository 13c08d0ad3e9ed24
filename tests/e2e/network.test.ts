/**
 * No phoning home, under a strict Content-Security-Policy, in Chromium: every
 * request the page, its engine worker and its service worker make while a
 * student loads the lab, runs a whole year, compares the strategies, answers
 * both quizzes and takes every export, goes to the app's own origin; the
 * policy reaches the page and the worker, an injected inline script does not
 * run, and nothing the app does violates it.
 */
import { readFileSync } from 'node:fs';
import type { Request } from '@playwright/test';
import { recordFigures } from '../support/figures';
import { expect, test } from './fixtures';

/** Collects Content-Security-Policy violations the page reports to itself. */
const WATCH_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { __violations: string[] }).__violations = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
  );
};

test.describe('network and CSP in Chromium', () => {
  test('a whole session stays on its own origin with no CSP violation', async ({
    lab,
    context,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const requests: string[] = [];
    const onRequest = (r: Request) => requests.push(r.url());
    context.on('request', onRequest);
    await context.addInitScript(WATCH_VIOLATIONS);
    let workerPolicy: string | undefined;
    context.on('response', (r) => {
      if (r.url().includes('engine.worker')) workerPolicy = r.headers()['content-security-policy'];
    });
    const lp = await lab.open('', { width: 1280, height: 900 });
    const { page } = lp;
    const steps: string[] = ['load'];

    // The policy is there and enforced, in the page and in the engine worker.
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta).not.toContain("'unsafe-eval'");
    expect(meta).not.toContain("'unsafe-inline'");
    await expect(page.locator('script:not([src])')).toHaveCount(0);
    // A worker takes its policy from its own response, not from the page.
    expect(workerPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await expect(page.getByText('Engine: TensorFlow.js on WebAssembly')).toHaveCount(1);

    await lp.button('Run to the end').click();
    await lp.waitForDay(365);
    steps.push('full year');

    await lp.openTab('Compare strategies');
    await page.getByRole('button', { name: 'Compare strategies' }).click();
    await expect(page.getByRole('table', { name: /strateg/i }).first()).toBeVisible({
      timeout: 180_000,
    });
    steps.push('strategy comparison');

    await lp.openTab('Quizzes');
    const quiz = page.getByRole('region', { name: 'Check your understanding' });
    const a = quiz.getByRole('group', { name: /Quiz A/ });
    await a
      .getByRole('checkbox', { name: /check how good it is before it starts serving/ })
      .check();
    await a.getByRole('checkbox', { name: /needs less watching/ }).check();
    const b = quiz.getByRole('group', { name: /Quiz B/ });
    await b.getByRole('radio', { name: 'It stays up to date as new data comes in.' }).check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(quiz.getByText(/Score: 2 of 2/)).toBeVisible();
    steps.push('quizzes');

    await lp.openTab('Chart');
    await page.getByText('Export', { exact: true }).first().click();
    for (const name of [/Days as CSV/, /Chart as SVG/, /Chart as PNG/, /Settings as JSON/]) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      expect(readFileSync(await file.path()).length).toBeGreaterThan(100);
      if (/PNG/.test(String(name))) await file.saveAs('test-artifacts/export-under-csp.png');
    }
    steps.push('exports');

    const violations = await page.evaluate(
      () => (window as unknown as { __violations: string[] }).__violations,
    );
    const own = [baseURL!, `blob:${baseURL!}`];
    const offOrigin = requests.filter((u) => !own.some((o) => u.startsWith(o)));
    const cspMessages = lp.errors.filter((e) => /Content Security Policy/i.test(e));
    recordFigures('network', {
      steps,
      requests: requests.length,
      offOrigin: offOrigin.length,
      cspViolations: violations.length + cspMessages.length,
    });
    expect(offOrigin).toEqual([]);
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(violations).toEqual([]);
    expect(lp.errors).toEqual([]);

    // And the policy bites: an injected inline script does not run (it would run
    // as it is appended), and the violation is reported (an event that follows).
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    // Reported once per policy: the meta tag's and the header's.
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length),
      )
      .toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBeUndefined();
    context.off('request', onRequest);
    await page.close();
  });
});
