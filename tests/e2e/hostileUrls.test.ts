/**
 * Hostile links in Chromium: script injection in every parameter, absurd
 * numbers, truncated and broken values. For each, the lab renders and its
 * engine starts, a notice names what could not be used, no injected script
 * runs (no global set, no dialog, no injected element, no request it asked
 * for), and nothing is thrown or logged as an error.
 */
import { URL_PARAMS } from '../../src/store/url';
import { recordFigures } from '../support/figures';
import { expect, test } from './fixtures';

const SETTING_PARAMS = Object.entries<string>(URL_PARAMS);
const OTHER_PARAMS = ['day', 'iv', 'v', 'show', 'roll', 'present', 'inputs'];

/** Payloads that would set `window.__pwned` or make a request if anything ran them. */
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=/pwned-img onerror="window.__pwned=1">',
  "javascript:window.__pwned=1//'",
  "');window.__pwned=1;('",
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<svg onload="window.__pwned=1"></svg>',
];

interface Case {
  name: string;
  query: string;
  /** Fields the notice must name. */
  named: string[];
}

const everyParam = (value: string) =>
  '?' +
  [...SETTING_PARAMS.map(([, p]) => p), ...OTHER_PARAMS]
    .map((p) => `${p}=${encodeURIComponent(value)}`)
    .join('&');

const CASES: Case[] = [
  ...PAYLOADS.map((payload, i) => ({
    name: `injection ${i + 1} in every parameter`,
    query: everyParam(payload),
    // Booleans, numbers, enums and dates all refuse it; so do the day and the interventions.
    named: [
      ...SETTING_PARAMS.map(([key]) => key).filter((k) => k !== 'startDate'),
      'startDate',
      'day',
      'interventions',
    ],
  })),
  {
    name: 'absurd numbers',
    query:
      '?seed=1e400&days=99999999999&visitors=-5&window=0&delay=1e9&drift=NaN&lr=Infinity&day=-1',
    named: [
      'seed',
      'days',
      'visitorsPerDay',
      'windowDays',
      'labelDelay',
      'driftWindowDays',
      'learningRate',
      'day',
    ],
  },
  {
    name: 'truncated values',
    query: '?scenario=valen&start=2025-0&cadence=dai&model=ml&warm=tr&iv=r15&seed=',
    named: ['scenario', 'startDate', 'cadence', 'model', 'warmStart', 'interventions', 'seed'],
  },
  {
    name: 'broken percent-encoding and control characters',
    query: '?seed=%E2%8&days=%00%01&scenario=%uD800&start=2025%2D07%2',
    named: ['seed', 'days', 'scenario', 'startDate'],
  },
  {
    name: 'a value thousands of characters long',
    query: `?seed=${'9'.repeat(5000)}&scenario=${'a'.repeat(5000)}`,
    named: ['seed', 'scenario'],
  },
  {
    name: 'the same parameter many times, and unknown ones',
    query: `?${Array.from({ length: 200 }, (_, i) => `seed=${i}&x${i}=<b>`).join('&')}&days=abc`,
    named: ['days'],
  },
];

test.describe('hostile links in Chromium', () => {
  test(`${CASES.length} hostile links: the lab renders, names the bad fields, runs nothing injected`, async ({
    lab,
  }) => {
    test.setTimeout(240_000);
    const outcomes: { name: string; rendered: boolean; noticed: boolean; clean: boolean }[] = [];
    for (const c of CASES) {
      const lp = await lab.open(c.query);
      const { page } = lp;
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await expect(page.getByRole('heading', { name: 'Bloomcast', level: 1 })).toHaveCount(1);
      const notice = page.getByRole('alert').filter({ hasText: 'this link could not be used' });
      await expect(notice).toBeVisible();
      // A setting is named by its label and the parameter in the address, "Seed (seed): why";
      // anything else as "day (why)".
      for (const field of c.named) {
        const param = (URL_PARAMS as Record<string, string>)[field];
        await expect(notice, `${c.name}: ${field}`).toContainText(
          param ? `(${param}): ` : `${field} (`,
        );
      }
      if (c === CASES[0]) await page.screenshot({ path: 'test-artifacts/hostile-link.png' });
      // The lab still works: a step computes a day.
      await lp.button('+1 day').click();
      await lp.waitForDay(1);
      const injected = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
        elements: document.querySelectorAll('img[src="/pwned-img"], svg[onload], script:not([src])')
          .length,
      }));
      expect(injected, c.name).toEqual({ pwned: false, elements: 0 });
      expect(dialogs, c.name).toEqual([]);
      expect(
        // The page's own address carries the payload; no request may ask for it as a file.
        lp.requests.filter((u) => new URL(u).pathname.includes('pwned')),
        c.name,
      ).toEqual([]);
      expect(lp.errors, c.name).toEqual([]);
      outcomes.push({ name: c.name, rendered: true, noticed: true, clean: true });
      await page.close();
    }
    recordFigures('hostile-urls', {
      tried: CASES.length,
      rendered: outcomes.filter((o) => o.rendered).length,
      noticed: outcomes.filter((o) => o.noticed).length,
      injectedRan: 0,
      uncaughtErrors: 0,
      cases: outcomes.map((o) => o.name),
    });
  });
});
