/**
 * The lesson's chapters in Chromium: walked with Next from the first screen
 * at 1366x768, each chapter's element is in the viewport and outlined
 * (outline solid, 4 px), the day and the open view are the chapter's, and no
 * console error; presentation mode shows the chapter as the caption, large
 * enough for a room (1280x720) and moved by a clicker's PageDown; a link with
 * `chapter=4` opens chapter 4; `chapter=11` opens "What if?" in its world
 * (Valentine's Day at half strength), its guess is answered from the run and
 * the chapter before it clears the knob; "Back to the lesson's settings" restores the
 * settings and the URL; "New student" clears what this browser kept.
 * Screenshots: test-artifacts/chapters-*.png.
 */
import type { Page } from '@playwright/test';
import { CHAPTERS } from '../../src/content/chapters';
import type { Chapter } from '../../src/content/chapterTypes';
import { defaultSettings, SETTING_KEYS } from '../../src/sim/settings';
import { whatIfAnswerDay, whatIfDay } from '../../src/content/whatIfText';
import { chapterLessonSettings } from '../../src/store/chapterWorld';
import { TAB_IDS } from '../../src/store/tabs';
import { URL_PARAMS } from '../../src/store/url';
import { ARTIFACTS, expect, test } from './fixtures';
import { VIEW_TABS } from './labPage';

const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

const tabName = (chapter: Chapter) => VIEW_TABS[TAB_IDS.indexOf(chapter.view)];
const heading = (page: Page) => page.locator('#chapter-title');
/** The chapters' own Next button (other panels have buttons whose names hold "next"). */
const next = (page: Page) =>
  page.locator('section.chapters').getByRole('button', { name: 'Next', exact: true });
const titleOf = (i: number) => `Chapter ${i + 1} of ${CHAPTERS.length} · ${CHAPTERS[i].title}`;

/** The outline the spotlight draws on `selector`'s first match, as computed. */
function outline(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
}

/** A search parameter of the page's address. */
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

test.describe('the chapters', () => {
  test('Next walks every chapter: its element in view and outlined, its day and view', async ({
    lab,
  }) => {
    test.setTimeout(900_000);
    const lp = await lab.open('', LAPTOP);
    await lp.page.getByRole('button', { name: 'Start the guided lesson' }).click();
    let day = 0;
    for (const [i, chapter] of CHAPTERS.entries()) {
      await expect(heading(lp.page)).toHaveText(titleOf(i));
      const lesson = chapterLessonSettings(chapter);
      if (chapter.day) day = Math.min(lesson.days, chapter.day(lesson));
      await lp.waitForDay(day);
      await expect(
        lp.page.getByRole('tab', { name: tabName(chapter), exact: true }),
      ).toHaveAttribute('aria-selected', 'true');
      // Every chapter's element is in view and outlined; "What if?" opens the world editor to show it.
      const target = lp.page.locator(chapter.spotlight).first();
      await expect(target).toBeInViewport({ timeout: 15_000 });
      await expect.poll(() => outline(lp.page, chapter.spotlight)).toBe('solid 4px');
      // The sentences come once the day is on screen.
      await expect(lp.page.locator('.chapters .chapter-words p').first()).toBeVisible({
        timeout: 30_000,
      });
      await expect.poll(() => param(lp.page, 'chapter')).toBe(String(i + 1));
      await lp.page.screenshot({ path: `${ARTIFACTS}/chapters-${i + 1}-at-1366x768.png` });
      expect(lp.errors).toEqual([]);
      if (i < CHAPTERS.length - 1) await next(lp.page).click();
    }
    await expect(next(lp.page)).toBeDisabled();
    // "[" goes back a chapter from anywhere on the page.
    await lp.page.locator('body').press('[');
    await expect(heading(lp.page)).toHaveText(titleOf(CHAPTERS.length - 2));
    expect(lp.errors).toEqual([]);
  });

  test('a link with chapter=4 opens chapter 4 in the lesson’s settings', async ({ lab }) => {
    const lp = await lab.open('?chapter=4', LAPTOP);
    const chapter = CHAPTERS[3];
    const lesson = chapterLessonSettings(chapter);
    await expect(heading(lp.page)).toHaveText(titleOf(3));
    await lp.waitForDay(chapter.day?.(lesson) ?? 0);
    await expect(lp.page.locator(chapter.spotlight).first()).toBeInViewport();
    await expect.poll(() => outline(lp.page, chapter.spotlight)).toBe('solid 4px');
    // The page's address states the whole moment, the chapter with it.
    await expect.poll(() => param(lp.page, 'chapter')).toBe('4');
    await expect.poll(() => param(lp.page, 'scenario')).toBe(lesson.scenario);
    await expect(lp.page.locator('#seed')).toHaveValue(String(lesson.seed));
    expect(lp.errors).toEqual([]);
  });

  test('a link with chapter=11 opens “What if?” at half strength; leaving it clears the knob', async ({
    lab,
  }) => {
    test.setTimeout(300_000);
    const index = CHAPTERS.findIndex((c) => c.id === 'what-if');
    expect(index).toBe(10);
    const chapter = CHAPTERS[index];
    const lesson = chapterLessonSettings(chapter);
    const lp = await lab.open(`?chapter=${index + 1}`, LAPTOP);
    await expect(heading(lp.page)).toHaveText(titleOf(index));
    await expect.poll(() => param(lp.page, URL_PARAMS.valentineEffect)).toBe('0.5');
    await expect.poll(() => param(lp.page, 'chapter')).toBe('11');
    await lp.waitForDay(whatIfDay(lesson));
    const words = lp.page.locator('.chapters .chapter-words p').first();
    await expect(words).toContainText('half the usual strength', { timeout: 30_000 });
    // The world editor may be closed: the spotlight then points at nothing, quietly.
    await lp.page.getByRole('radio', { name: 'Between 5 and 15 points' }).check();
    await lp.page.getByRole('button', { name: 'Commit my guess' }).click();
    await lp.waitForDay(whatIfAnswerDay(lesson));
    const reveal = lp.page.locator('.chapter-reveal');
    await expect(reveal).toContainText(
      /it lost \d+ points\. You guessed “Between 5 and 15 points”: right\./,
      {
        timeout: 60_000,
      },
    );
    await expect(reveal).toContainText('back to 1 in the world editor');
    await expect(words).toContainText(/the static model was right about \d+% of visitors/);
    await lp.page.screenshot({ path: `${ARTIFACTS}/chapters-what-if-1366x768.png` });
    // On a phone the reveal fits the screen's width.
    await lp.page.setViewportSize(PHONE);
    await reveal.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => {
        const box = await reveal.boundingBox();
        return box ? box.x >= 0 && box.x + box.width <= PHONE.width : false;
      })
      .toBe(true);
    await lp.page.screenshot({ path: `${ARTIFACTS}/chapters-what-if-390x844.png` });
    await lp.page.setViewportSize(LAPTOP);
    // Back to chapter 10: the knob was the chapter's, so it goes.
    await lp.page.locator('body').press('[');
    await expect(heading(lp.page)).toHaveText(titleOf(index - 1));
    await expect.poll(() => param(lp.page, URL_PARAMS.valentineEffect)).toBeNull();
    expect(lp.errors).toEqual([]);
  });

  test('Back to the lesson’s settings restores them and the URL', async ({ lab }) => {
    const lp = await lab.open('?chapter=4&cadence=monthly&window=7', LAPTOP);
    const differs = lp.page.locator('.chapter-differs');
    await expect(differs).toContainText('retrain the dynamic model monthly instead of daily');
    await expect(differs).toContainText('training window 7 days instead of 28 days');
    await differs.getByRole('button', { name: 'Back to the lesson’s settings' }).click();
    await expect(differs).toHaveCount(0);
    const lesson = chapterLessonSettings(CHAPTERS[3]);
    for (const key of SETTING_KEYS) {
      // A world knob left at the scenario's own (null) is not written at all.
      const want = lesson[key] === null ? null : String(lesson[key]);
      await expect.poll(() => param(lp.page, URL_PARAMS[key])).toBe(want);
    }
    await expect.poll(() => param(lp.page, 'chapter')).toBe('4');
    await lp.waitForDay(CHAPTERS[3].day?.(lesson) ?? 0);
    expect(lp.errors).toEqual([]);
  });

  test('presentation mode shows the chapter as the caption, readable from the back', async ({
    lab,
  }) => {
    const lp = await lab.open('?chapter=4&present=cards', PROJECTOR);
    const caption = lp.page.locator('#projector-caption');
    await expect(caption).toContainText(`4. ${CHAPTERS[3].title}`);
    const lesson = chapterLessonSettings(CHAPTERS[3]);
    await lp.waitForDay(CHAPTERS[3].day?.(lesson) ?? 0);
    await expect(caption.locator('.chapter-words p').first()).toBeVisible({ timeout: 60_000 });
    // Caption-size text: at least 24 px glyphs at 1280x720.
    await expect
      .poll(() =>
        caption
          .locator('.caption-title, .chapter-words p')
          .evaluateAll((els) =>
            Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))),
          ),
      )
      .toBeGreaterThanOrEqual(24);
    await lp.page.screenshot({ path: `${ARTIFACTS}/chapters-presenting-1280x720.png` });
    // The title runs into the sentences, which run on as one paragraph: the
    // caption leaves no line half empty, and the chart keeps over half the screen.
    await expect
      .poll(() =>
        caption.evaluate((el) => {
          const title = el.querySelector('.caption-title')!.getBoundingClientRect();
          const first = el.querySelector('.chapter-words p')!.getBoundingClientRect();
          return Math.abs(title.top - first.top) < 4;
        }),
      )
      .toBe(true);
    await expect
      .poll(() =>
        lp.page
          .locator('.chart-plot svg')
          .first()
          .evaluate((s) => s.getBoundingClientRect().height),
      )
      .toBeGreaterThanOrEqual(0.5 * PROJECTOR.height);
    // A clicker's forward button.
    await lp.page.locator('body').press('PageDown');
    await expect(caption).toContainText(`5. ${CHAPTERS[4].title}`);
    await expect.poll(() => param(lp.page, 'chapter')).toBe('5');
    expect(lp.errors).toEqual([]);
  });

  test('on a phone, the chapter reads below the view', async ({ lab }) => {
    const lp = await lab.open('?chapter=2', PHONE);
    const panel = lp.page.locator('section.chapters');
    await expect(heading(lp.page)).toHaveText(titleOf(1));
    await panel.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => {
        const box = await panel.boundingBox();
        return box ? box.x >= 0 && box.x + box.width <= PHONE.width : false;
      })
      .toBe(true);
    await panel.screenshot({ path: `${ARTIFACTS}/chapters-390x844.png` });
    expect(lp.errors).toEqual([]);
  });

  test('New student asks, then clears what this browser kept and goes to the first screen', async ({
    lab,
  }) => {
    const lp = await lab.openWith(
      () => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(
          'bloomcast.settings',
          JSON.stringify({ version: 1, settings: { seed: 9 } }),
        );
        localStorage.setItem(
          'bloomcast.chapters',
          JSON.stringify({ version: 1, open: 4, guesses: {}, seen: ['two-ways'] }),
        );
        localStorage.setItem('bloomcast.tour', JSON.stringify({ version: 1, step: 2 }));
      },
      '',
      LAPTOP,
    );
    await expect(heading(lp.page)).toHaveText(titleOf(3));
    await expect(lp.page.locator('#seed')).toHaveValue('9');
    await lp.page.getByRole('button', { name: 'New student…' }).click();
    await lp.page.getByRole('button', { name: 'Clear and start over' }).click();
    await expect(heading(lp.page)).toHaveText(`The lesson in ${CHAPTERS.length} chapters`);
    await expect(lp.page.locator('#seed')).toHaveValue(String(defaultSettings().seed));
    await expect(lp.page.getByRole('heading', { name: /A year in a flower shop/ })).toBeVisible();
    await lp.waitForDay(0);
    await expect
      .poll(() =>
        lp.page.evaluate(() =>
          ['bloomcast.settings', 'bloomcast.quiz', 'bloomcast.chapters', 'bloomcast.tour'].filter(
            (k) => localStorage.getItem(k) !== null,
          ),
        ),
      )
      .toEqual([]);
    await expect.poll(() => param(lp.page, 'chapter')).toBeNull();
    expect(lp.errors).toEqual([]);
  });
});
