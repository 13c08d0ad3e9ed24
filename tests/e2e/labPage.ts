/**
 * A page object for the lab in Chromium: open it, wait for a day on screen,
 * and read the accuracy table as numbers once it holds the rows asked for.
 *
 * Owns: how a test finds the lab's day, date, buttons and table, and the
 * page's console errors and requests. Every read here waits for what it
 * reads (the panels below the chart redraw late, a few times a second).
 * Must not touch: what a test asserts about the numbers.
 */
import { type BrowserContext, expect, type Page, type Worker } from '@playwright/test';

export interface TableRow {
  date: string;
  static: number | null;
  dynamic: number | null;
  oracle: number | null;
  baseline: number | null;
}

export interface Size {
  width: number;
  height: number;
}

/** The views' tabs as the tab bar names them, in order (the keys 1-7 open them). */
export const VIEW_TABS = [
  'Chart',
  'The two models',
  'Watching the inputs',
  'Training jobs',
  'Compare strategies',
  'Quizzes',
  'Data table',
] as const;

/** The data table's tab. */
const TABLE_TAB = 'Data table';

/** The default window of a test: a laptop screen. */
export const LAPTOP: Size = { width: 1280, height: 720 };

/**
 * How long a test waits for a day to be computed and drawn, unless it says
 * otherwise: a whole year, with room for a 2-core machine shared with other
 * work (about 3 s when idle; over 40 s has been seen at a load of 12).
 */
const DAY_TIMEOUT = 90_000;
/** How long the engine may take to start (the page loads, TF.js compiles its wasm). */
const ENGINE_TIMEOUT = 60_000;

export class LabPage {
  readonly errors: string[] = [];
  readonly requests: string[] = [];

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('request', (r) => this.requests.push(r.url()));
  }

  /**
   * Opens the lab at `query` in a new page of `context` and waits for its
   * engine. `setup` runs in the page before any of the app's scripts.
   */
  static async open(
    context: BrowserContext,
    baseUrl: string,
    query = '',
    size: Size = LAPTOP,
    setup?: () => void,
  ): Promise<LabPage> {
    const page = await context.newPage();
    if (setup) await page.addInitScript(setup);
    await page.setViewportSize(size);
    const lp = new LabPage(page, baseUrl);
    await page.goto(`${baseUrl}/${query}`);
    await lp.engineReady();
    return lp;
  }

  /** Waits for the engine's backend line ("Engine: TensorFlow.js on …"). */
  async engineReady(): Promise<void> {
    await expect(this.page.getByText(/Engine: TensorFlow\.js on/)).toBeVisible({
      timeout: ENGINE_TIMEOUT,
    });
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The "day N of M" line. */
  get day() {
    return this.page.locator('.today-day');
  }

  /** The date on screen, as the lab writes it ("7 Feb 2026"). */
  get date() {
    return this.page.locator('.today-date');
  }

  /** The day on screen now (for a read at a moment the test has waited for). */
  async dayOnScreen(): Promise<number> {
    const text = await this.day.textContent();
    return Number(/day (\d+)/.exec(text ?? '')?.[1]);
  }

  async waitForDay(day: number, timeout = DAY_TIMEOUT): Promise<void> {
    await expect(this.day).toHaveText(new RegExp(`\\bday ${day} of \\d`), { timeout });
  }

  /** Waits until the day on screen is past `day` (a run in progress). */
  async waitPastDay(day: number, timeout = DAY_TIMEOUT): Promise<void> {
    await expect.poll(() => this.dayOnScreen(), { timeout }).toBeGreaterThan(day);
  }

  /** A view's tab ("Chart", "Training jobs", …). */
  tab(name: string) {
    return this.views.getByRole('tab', { name, exact: true });
  }

  /** The tab bar of the lab's views (other panels have tabs of their own). */
  get views() {
    return this.page.getByRole('tablist', { name: 'Views of the lab' });
  }

  /** Opens a view by its tab and waits until it is the open one. */
  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /**
   * The accuracy table's rows once it shows `days` days, the days 1 to
   * `days` (opens the data table's view, then the view that was open).
   * Polls: the table redraws after the engine's batches, and after a rollback
   * or a new run it first shrinks, then grows again with the new numbers.
   */
  async readTable(days: number, timeout = DAY_TIMEOUT): Promise<TableRow[]> {
    const open = this.views.getByRole('tab', { selected: true });
    const was = (await open.textContent()) ?? 'Chart';
    if (was !== TABLE_TAB) await this.openTab(TABLE_TAB);
    let rows: TableRow[] = [];
    await expect
      .poll(
        async () => {
          rows = await this.tableRows();
          return rows.length;
        },
        { timeout, message: `the table shows ${days} days` },
      )
      .toBe(days);
    if (was !== TABLE_TAB) await this.openTab(was);
    return rows;
  }

  private tableRows(): Promise<TableRow[]> {
    return this.page.locator('.data-table tbody tr').evaluateAll((trs) =>
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
  }

  /** Requests that went anywhere but the app's own origin. */
  offOrigin(): string[] {
    // blob: URLs the page made itself (the PNG export) belong to its origin too.
    const own = [this.baseUrl, `blob:${this.baseUrl}`];
    return this.requests.filter((u) => !own.some((o) => u.startsWith(o)));
  }
}

/** The page's engine worker (to inject faults or read TF.js's counts inside it). */
export async function engineWorker(page: Page): Promise<Worker> {
  const find = () => page.workers().find((w) => w.url().includes('engine.worker'));
  await expect.poll(() => find() !== undefined, { message: 'the engine worker runs' }).toBe(true);
  return find()!;
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
