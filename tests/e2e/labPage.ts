/**
 * A page object for the lab in Chromium: open it, read the date on screen,
 * wait for a day, and read the accuracy table as numbers.
 */
import type { Page, Worker } from 'playwright-core';
import type { Lab } from './browser';

export interface TableRow {
  date: string;
  static: number | null;
  dynamic: number | null;
  oracle: number | null;
  baseline: number | null;
}

export class LabPage {
  readonly errors: string[] = [];
  readonly requests: string[] = [];

  constructor(
    readonly page: Page,
    private readonly lab: Lab,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('request', (r) => this.requests.push(r.url()));
  }

  static async open(lab: Lab, query = '', size = { width: 1280, height: 720 }): Promise<LabPage> {
    const page = await lab.context.newPage();
    await page.setViewportSize(size);
    const lp = new LabPage(page, lab);
    await page.goto(`${lab.baseUrl}/${query}`);
    await page.getByText(/Engine: TensorFlow\.js on/).waitFor();
    return lp;
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async dayOnScreen(): Promise<number> {
    const text = await this.page.locator('.today-day').textContent();
    return Number(/day (\d+)/.exec(text ?? '')?.[1]);
  }

  async dateOnScreen(): Promise<string> {
    return (await this.page.locator('.today-date').textContent()) ?? '';
  }

  async waitForDay(day: number, timeout = 30_000): Promise<void> {
    await this.page
      .locator('.today-day')
      .filter({ hasText: `day ${day} of` })
      .waitFor({ timeout });
  }

  /** The accuracy table's rows (switches to the table view and back). */
  async readTable(): Promise<TableRow[]> {
    const wasChart = (await this.button('Table').getAttribute('aria-pressed')) === 'false';
    if (wasChart) await this.button('Table').click();
    const rows = await this.page.locator('.data-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cell = (key: string) => {
          const text = tr.querySelector(`td[data-series="${key}"]`)?.textContent ?? '–';
          return text === '–' ? null : Number(text.replace('%', '')) / 100;
        };
        return {
          date: tr.getAttribute('data-date') ?? '',
          static: cell('static'),
          dynamic: cell('dynamic'),
          oracle: cell('oracle'),
          baseline: cell('baseline'),
        };
      }),
    );
    if (wasChart) await this.button('Chart').click();
    return rows;
  }

  /** Requests that went anywhere but the app's own origin. */
  offOrigin(): string[] {
    // blob: URLs the page made itself (the PNG export) belong to its origin too.
    const own = [this.lab.baseUrl, `blob:${this.lab.baseUrl}`];
    return this.requests.filter((u) => !own.some((o) => u.startsWith(o)));
  }
}

/** The page's engine worker (to inject faults or read TF.js's counts inside it). */
export function engineWorker(page: Page): Worker {
  const worker = page.workers().find((w) => w.url().includes('engine.worker'));
  if (!worker) throw new Error('the engine worker is not running');
  return worker;
}

/** Mean of a column over rows with from <= date <= to. */
export function meanOf(
  rows: TableRow[],
  key: keyof Omit<TableRow, 'date'>,
  from: string,
  to: string,
) {
  const values = rows.filter((r) => r.date >= from && r.date <= to).map((r) => r[key]);
  if (values.length === 0 || values.some((v) => v === null))
    throw new Error(`missing ${key} values`);
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
}
