/**
 * Teaching in Chromium: answer quiz A wrongly, then rightly, and read the
 * feedback; follow "See it in the lab" to the right scenario and date;
 * presentation mode by key. Screenshots go to test-artifacts/.
 */
import { expect, test } from './fixtures';

test.describe('teaching in Chromium', () => {
  test('quiz A: wrong, then right; the lab link lands on Valentine’s Day, in the models’ view', async ({
    lab,
  }) => {
    const lp = await lab.open('', { width: 1280, height: 900 });
    const { page } = lp;
    await lp.openTab('Quizzes');
    const quiz = page.getByRole('region', { name: 'Check your understanding' });
    const a = quiz.getByRole('group', { name: /Quiz A/ });
    await a.getByRole('checkbox', { name: 'It stays up to date as new data comes in.' }).check();
    await a
      .getByRole('checkbox', { name: /check how good it is before it starts serving/ })
      .check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(a.getByText(/Not so/).first()).toBeVisible();
    await quiz.getByRole('button', { name: 'Try again' }).first().click();
    await a
      .getByRole('checkbox', { name: /check how good it is before it starts serving/ })
      .check();
    await a.getByRole('checkbox', { name: /needs less watching/ }).check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(quiz.getByText(/1 of 2 quizzes right|1 of 2/).first()).toBeAttached();
    await quiz.screenshot({ path: 'test-artifacts/quiz-a-checked.png' });

    // Quiz B: one true statement; wrong first, then right.
    const b = quiz.getByRole('group', { name: /Quiz B/ });
    await b.getByRole('radio', { name: 'Its training jobs hardly need watching.' }).check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(quiz.getByText(/Quiz B.*not quite/)).toHaveCount(1);
    await quiz.getByRole('button', { name: 'Try again' }).last().click();
    await b.getByRole('radio', { name: 'It stays up to date as new data comes in.' }).check();
    await quiz.getByRole('button', { name: 'Check' }).first().click();
    await expect(quiz.getByText(/Quiz B.*right!/)).toHaveCount(1);
    await expect(quiz.getByText(/Score: 2 of 2/)).toHaveCount(1);

    await a
      .getByRole('link', { name: /See it in the lab/ })
      .first()
      .click();
    await lp.waitForDay(229);
    await expect(lp.date).toHaveText('14 Feb 2026');
    await expect(page.locator('#scenario')).toHaveValue('valentine');
    expect(lp.errors).toEqual([]);
    await page.close();
  });

  test('presentation mode: the chart, the timeline and the models’ numbers, in large type', async ({
    lab,
  }) => {
    const lp = await lab.open('?day=229', { width: 1280, height: 720 });
    const { page } = lp;
    await lp.waitForDay(229);
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Watching the inputs' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Accuracy over time' })).toHaveCount(1);
    await expect
      .poll(async () =>
        parseFloat(
          await page.evaluate(() => getComputedStyle(document.querySelector('.app')!).fontSize),
        ),
      )
      .toBeGreaterThanOrEqual(19);
    await page.screenshot({ path: 'test-artifacts/presentation-1280x720.png' });
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
    expect(lp.errors).toEqual([]);
    await page.close();
  });
});
