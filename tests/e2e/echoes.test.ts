/**
 * Echoes of user input stay bounded in Chromium (issue 16, items 6 and 9):
 * stored settings with a 1 MB unknown key or 20,000 unknown keys give one
 * short notice and a normal start; an imported file with a 60 KB key and a
 * 5,000-character name gives a short message that wraps inside the drawer
 * and is capped in height; corrupted chapter progress is reported at start-up.
 * Storage is set before the app's first script (addInitScript).
 *
 * Owns: these checks and their screenshots (test-artifacts/echoes-*.png).
 * Must not touch: the app; what the echo says is src/sim/echo.ts's.
 */
import type { Locator } from '@playwright/test';
import { recordFigures } from '../support/figures';
import { SETTING_KEYS } from '../../src/sim/settingsTable';
import { ARTIFACTS, expect, type LabOpener, test } from './fixtures';
import type { LabPage } from './labPage';

/** For the reliability report: start-up times and the length of each bounded echo. */
const figures: Record<string, number> = {};

test.afterAll(() => {
  recordFigures('echoes', figures);
});

/** The length of an element's text, once it is on screen. */
const textLength = (box: Locator) => box.evaluate((el) => (el.textContent ?? '').length);

const SIZE = { width: 1280, height: 800 };

/** The most characters a notice about stored data may hold (it names at most 18 reasons, each cut). */
const NOTICE_MAX = 6_000;
/** The tallest a start-up notice may be, in CSS pixels (18 short reasons wrap to about 12 lines). */
const HEIGHT_MAX = 400;
/** The import message's box is capped (settings.css: 10em, then it scrolls). */
const MESSAGE_HEIGHT_MAX = 200;

/** The notice whose text matches, checked bounded in characters and in its box. */
async function expectBoundedBox(lp: LabPage, selector: string, text: RegExp, name: string) {
  const box = lp.page.locator(selector).filter({ hasText: text });
  await expect(box).toBeVisible();
  await expect.poll(() => textLength(box)).toBeLessThan(NOTICE_MAX);
  await expect
    .poll(async () => {
      const b = await box.boundingBox();
      return b !== null && b.x >= 0 && b.x + b.width <= SIZE.width && b.height <= HEIGHT_MAX;
    })
    .toBe(true);
  // Nothing on the page is wider than the window.
  await expect
    .poll(() => lp.page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(SIZE.width);
  await box.screenshot({ path: `${ARTIFACTS}/echoes-${name}.png` });
  figures[`${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Chars`] =
    await textLength(box);
  return box;
}

/** Milliseconds from opening the page to the engine's line, for one storage setup. */
async function bootTime(lab: LabOpener, setup: () => void): Promise<{ lp: LabPage; ms: number }> {
  const started = Date.now();
  const lp = await lab.openWith(setup, '', SIZE);
  return { lp, ms: Date.now() - started };
}

test.describe('bounded echoes', () => {
  test('a stored unknown key of 1 MB: one short notice, and the lab starts as fast as without it', async ({
    lab,
  }) => {
    // The first page of a worker pays for a cold cache: warm up, then time a bare start.
    await (await bootTime(lab, () => {})).lp.page.close();
    const bare = await bootTime(lab, () => {});
    await bare.lp.page.close();
    const { lp, ms } = await bootTime(lab, () => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const settings = { ['k'.repeat(1_000_000)]: 1, seed: 4 };
      localStorage.setItem('bloomcast.settings', JSON.stringify({ version: 1, settings }));
    });
    test.info().annotations.push({
      type: 'boot',
      description: `bare ${bare.ms} ms, with a 1 MB stored key ${ms} ms`,
    });
    console.log(`boot: bare ${bare.ms} ms, with a 1 MB stored key ${ms} ms`);
    figures.bootBareMs = bare.ms;
    figures.bootStored1MbKeyMs = ms;
    const notice = await expectBoundedBox(
      lp,
      '.alert',
      /Some saved settings could not be read/,
      'stored-1mb-key',
    );
    await expect(notice).toHaveText(/k{40}… \(1000000 characters\)/);
    // The readable setting is kept.
    await expect(lp.page.locator('#seed')).toHaveValue('4');
    expect(ms).toBeLessThan(bare.ms + 1_500);
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  test('20,000 stored unknown keys: one short notice that counts the rest', async ({ lab }) => {
    const lp = await lab.openWith(
      () => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        const settings: Record<string, number> = {};
        for (let i = 0; i < 20_000; i += 1) settings[`unknown-setting-number-${i}`] = i;
        localStorage.setItem('bloomcast.settings', JSON.stringify({ version: 1, settings }));
      },
      '',
      SIZE,
    );
    const notice = await expectBoundedBox(
      lp,
      '.alert',
      /Some saved settings could not be read/,
      'stored-20000-keys',
    );
    await expect(notice).toHaveText(/and \d{5} more/);
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  test('an imported file with a 60 KB key and a 5,000-character name: a short message inside the drawer', async ({
    lab,
  }) => {
    const lp = await lab.open('', SIZE);
    await lp.page.getByRole('button', { name: 'Settings' }).click();
    const drawer = lp.page.getByRole('dialog', { name: 'Settings' });
    const name = `${'n'.repeat(4_995)}.json`;
    await drawer.getByLabel('Import a scenario file (JSON)').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ['k'.repeat(60_000)]: 1, seed: 2 })),
    });
    const message = drawer.getByRole('alert');
    await expect(message).toHaveText(
      /^n{40}… \(5000 characters\) was not imported: unknown setting "k{40}… \(60000 characters\)"; known settings: /,
    );
    // Bounded: what the file adds stays short; the rest is the fixed list of known settings.
    const known = `; known settings: ${SETTING_KEYS.join(', ')}`.length;
    await expect.poll(() => textLength(message)).toBeLessThan(200 + known);
    figures.importMessageChars = await textLength(message);
    // The message wraps inside the drawer: neither it nor the drawer is wider than the drawer's box.
    await expect
      .poll(() =>
        drawer.evaluate((el) => ({
          drawer: el.scrollWidth <= el.clientWidth,
          message: [...el.querySelectorAll('[role="alert"]')].every(
            (m) => m.scrollWidth <= m.clientWidth,
          ),
        })),
      )
      .toEqual({ drawer: true, message: true });
    const drawerBox = await drawer.boundingBox();
    await expect
      .poll(async () => {
        const b = await message.boundingBox();
        return (
          b !== null &&
          drawerBox !== null &&
          b.x + b.width <= drawerBox.x + drawerBox.width &&
          b.height <= MESSAGE_HEIGHT_MAX
        );
      })
      .toBe(true);
    await drawer
      .locator('.import-zone')
      .screenshot({ path: `${ARTIFACTS}/echoes-import-60kb-key.png` });

    // A file where every setting is wrong: a long message, capped in height, scrolls in its box.
    const allWrong = Object.fromEntries(
      ['scenario', 'seed', 'startDate', 'days', 'visitorsPerDay', 'model', 'cadence']
        .concat(['windowDays', 'warmStart', 'labelDelay', 'driftWindowDays', 'learningRate'])
        .map((key) => [key, { wrong: true }]),
    );
    await drawer.getByLabel('Import a scenario file (JSON)').setInputFiles({
      name: 'all-wrong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(allWrong)),
    });
    await expect(message).toHaveText(/^all-wrong\.json was not imported: scenario must be/);
    await expect
      .poll(async () => {
        const b = await message.boundingBox();
        const scrolls = await message.evaluate((el) => el.scrollHeight > el.clientHeight);
        return b !== null && b.height <= MESSAGE_HEIGHT_MAX && scrolls;
      })
      .toBe(true);
    await drawer.locator('.import-zone').screenshot({
      path: `${ARTIFACTS}/echoes-import-long-message.png`,
    });

    // A key given twice is refused by name, whatever JSON.parse would keep.
    await drawer.getByLabel('Import a scenario file (JSON)').setInputFiles({
      name: 'twice.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"seed": 1, "seed": 2}'),
    });
    await expect(message).toHaveText(
      'twice.json was not imported: the key "seed" is given more than once. Nothing changed.',
    );
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });

  test('corrupted chapter progress is reported at start-up, without opening a chapter', async ({
    lab,
  }) => {
    const lp = await lab.openWith(
      () => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        const fields: Record<string, unknown> = { version: 1, open: 'x'.repeat(100_000) };
        for (let i = 0; i < 5_000; i += 1) fields[`\u001b[31m${'f'.repeat(1_000)}${i}`] = i;
        localStorage.setItem('bloomcast.chapters', JSON.stringify(fields));
      },
      '',
      SIZE,
    );
    await expect(
      lp.page.getByRole('heading', { name: /The lesson in \d+ chapters/ }),
    ).toBeVisible();
    const notice = await expectBoundedBox(
      lp,
      '.alert',
      /Your saved place in the lesson could not all be read/,
      'chapters-at-boot',
    );
    await expect(notice).toHaveText(
      /the open chapter was not a chapter of this lesson; stored chapter progress had unknown fields \("\\x1B\[31mf{12}… \(\d+ characters\)", .* and 4997 more\)/,
    );
    await expect.poll(() => textLength(notice)).toBeLessThan(500);
    // One click puts it away.
    await notice.getByRole('button', { name: 'Dismiss this notice' }).click();
    await expect(notice).toHaveCount(0);
    expect(lp.errors).toEqual([]);
    await lp.page.close();
  });
});
