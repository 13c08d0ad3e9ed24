/**
 * Teaching in Chromium: answer quiz A wrongly, then rightly, and read the
 * feedback; follow "See it in the lab" to the right scenario and date;
 * presentation mode by key. Screenshots go to test-artifacts/.
 */
import { describe, expect, it } from 'vitest';
import { labForFile } from './browser';
import { LabPage } from './labPage';

const lab = labForFile();

describe('teaching in Chromium', () => {
  it('quiz A: wrong, then right; the lab link lands on the week before Valentine’s Day', async () => {
    const lp = await LabPage.open(lab(), '', { width: 1280, height: 900 });
    const { page } = lp;
    const quiz = page.getByRole('region', { name: 'Check your understanding' });
    const a = quiz.getByRole('group', { name: /Quiz A/ });
    await a.getByRole('checkbox', { name: 'It stays up to date as new data comes in.' }).check();
    await a
      .getByRole('checkbox', { name: /check how good it is before it starts serving/ })
      .check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(
      a
        .getByText(/Not so/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await quiz.getByRole('button', { name: 'Try again' }).first().click();
    await a
      .getByRole('checkbox', { name: /check how good it is before it starts serving/ })
      .check();
    await a.getByRole('checkbox', { name: /needs less watching/ }).check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await quiz.screenshot({ path: 'test-artifacts/quiz-a-checked.png' });
    await expect(quiz.getByText(/1 of 2 quizzes right|1 of 2/).count()).resolves.toBeGreaterThan(0);

    // Quiz B: one true statement; wrong first, then right.
    const b = quiz.getByRole('group', { name: /Quiz B/ });
    await b.getByRole('radio', { name: 'Its training jobs hardly need watching.' }).check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(quiz.getByText(/Quiz B.*not quite/).count()).resolves.toBe(1);
    await quiz.getByRole('button', { name: 'Try again' }).last().click();
    await b.getByRole('radio', { name: 'It stays up to date as new data comes in.' }).check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(quiz.getByText(/Quiz B.*right!/).count()).resolves.toBe(1);
    await expect(quiz.getByText(/Score: 2 of 2/).count()).resolves.toBe(1);

    await a
      .getByRole('link', { name: /See it in the lab/ })
      .first()
      .click();
    await lp.waitForDay(222);
    expect(await lp.dateOnScreen()).toBe('7 Feb 2026');
    expect(await page.locator('#scenario').inputValue()).toBe('valentine');
    expect(lp.errors).toEqual([]);
    await page.close();
  });

  it('presentation mode: the chart, the timeline and one panel, in large type', async () => {
    const lp = await LabPage.open(lab(), '?day=229', { width: 1280, height: 720 });
    const { page } = lp;
    await lp.waitForDay(229);
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Leave presentation' }).waitFor();
    expect(await page.getByRole('region', { name: 'Watching the inputs' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Accuracy over time' }).count()).toBe(1);
    const size = await page.evaluate(
      () => getComputedStyle(document.querySelector('.app')!).fontSize,
    );
    expect(parseFloat(size)).toBeGreaterThanOrEqual(19);
    await page.screenshot({ path: 'test-artifacts/presentation-1280x720.png' });
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Present' }).waitFor();
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});
