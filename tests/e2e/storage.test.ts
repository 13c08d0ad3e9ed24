/**
 * Storage faults in Chromium, set up before the app's first script runs:
 * localStorage full, localStorage disabled, and our keys holding corrupted or
 * foreign data with some quiz progress still readable. Each time the lab loads
 * and runs, the readable quiz answers are kept and shown, the rest is dropped
 * with a notice, and nothing is thrown.
 */
import { recordFigures } from '../support/figures';
import { expect, test } from './fixtures';
import type { LabPage } from './labPage';

const survived: string[] = [];

test.afterAll(() => {
  recordFigures('storage-faults', { browserCases: 3, browserSurvived: survived.length });
});

const SIZE = { width: 1280, height: 900 };

/** Quiz A, in the quizzes' view (opened first). */
const quizA = async (lp: LabPage) => {
  await lp.openTab('Quizzes');
  return lp.page
    .getByRole('region', { name: 'Check your understanding' })
    .getByRole('group', { name: /Quiz A/ });
};

/** The lab still computes: a week on, the day is on screen. */
async function stillRuns(lp: LabPage) {
  await lp.button('+1 week').click();
  await lp.waitForDay(7);
}

test.describe('storage faults in Chromium', () => {
  test('storage full: the lab runs, answers work and say they cannot be saved', async ({ lab }) => {
    const lp = await lab.openWith(
      () => {
        Storage.prototype.setItem = () => {
          throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
        };
      },
      '',
      SIZE,
    );
    await stillRuns(lp);
    await (await quizA(lp)).getByRole('checkbox', { name: /check how good it is/ }).check();
    await expect(lp.page.getByText('Your answers cannot be saved in this browser')).toBeVisible();
    // A new seed is a settings change: saving it fails, and the lab says so and goes on.
    await lp.page.locator('#seed').fill('9');
    await lp.page.locator('#seed').press('Enter');
    await expect(lp.page.getByText('Settings could not be saved in this browser')).toBeVisible();
    await lp.waitForDay(7);
    await lp.button('+1 week').click();
    await lp.waitForDay(14);
    await expect(
      (await quizA(lp)).getByRole('checkbox', { name: /check how good it is/ }),
    ).toBeChecked();
    expect(lp.errors).toEqual([]);
    survived.push('full');
    await lp.page.close();
  });

  test('storage disabled: the lab runs and says answers cannot be saved', async ({ lab }) => {
    const lp = await lab.openWith(
      () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('storage is disabled', 'SecurityError');
          },
        });
      },
      '',
      SIZE,
    );
    await stillRuns(lp);
    await (await quizA(lp)).getByRole('checkbox', { name: /check how good it is/ }).check();
    await expect(lp.page.getByText('Your answers cannot be saved in this browser')).toBeVisible();
    expect(lp.errors).toEqual([]);
    survived.push('disabled');
    await lp.page.close();
  });

  test('corrupted and foreign data: readable answers kept, the rest dropped with notices', async ({
    lab,
  }) => {
    const lp = await lab.openWith(
      () => {
        if (sessionStorage.getItem('seeded')) return; // only on the first load
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(
          'bloomcast.settings',
          '{"version": 1, "settings": {"seed": 4, "days":',
        );
        localStorage.setItem(
          'bloomcast.quiz',
          JSON.stringify({
            version: 1,
            answers: { A: { selected: ['A2', 'A9', 7], checked: true }, B: 'not an answer' },
          }),
        );
        localStorage.setItem('bloomcast.chapters', '[1, 2, 3]');
      },
      '',
      SIZE,
    );
    await stillRuns(lp);
    const a = await quizA(lp);
    await expect(a.getByRole('checkbox', { name: /check how good it is/ })).toBeChecked();
    await expect(a.getByRole('checkbox', { name: /stays up to date/ })).not.toBeChecked();
    const quizNotice = lp.page.getByText('Some saved answers could not be read and were left out');
    await expect(quizNotice).toHaveText(/A9.*quiz A/);
    await expect(
      lp.page.getByText('Some saved settings could not be read and were reset'),
    ).toBeVisible();
    // The defaults apply where the stored settings were unreadable.
    await expect(lp.page.locator('#seed')).toHaveValue('1');
    // What is kept is written back cleanly: a reload reads it without a notice.
    await lp.page.reload();
    await lp.engineReady();
    await expect(
      (await quizA(lp)).getByRole('checkbox', { name: /check how good it is/ }),
    ).toBeChecked();
    expect(lp.errors).toEqual([]);
    survived.push('corrupted and foreign');
    await lp.page.close();
  });
});
