/**
 * Storage faults in Chromium, set up before the app's first script runs:
 * localStorage full, localStorage disabled, and our keys holding corrupted or
 * foreign data with some quiz progress still readable. Each time the lab loads
 * and runs, the readable quiz answers are kept and shown, the rest is dropped
 * with a notice, and nothing is thrown.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../support/figures';
import { labForFile } from './browser';
import { LabPage } from './labPage';

const lab = labForFile();
const survived: string[] = [];

afterAll(() => {
  recordFigures('storage-faults', { browserCases: 3, browserSurvived: survived.length });
});

/** Opens the lab with `setup` run in the page before any of the app's code. */
async function openWith(setup: () => void): Promise<LabPage> {
  const page = await lab().context.newPage();
  await page.addInitScript(setup);
  await page.setViewportSize({ width: 1280, height: 900 });
  const lp = new LabPage(page, lab());
  await page.goto(`${lab().baseUrl}/`);
  await page.getByText(/Engine: TensorFlow\.js on/).waitFor();
  return lp;
}

const quizA = (lp: LabPage) =>
  lp.page
    .getByRole('region', { name: 'Check your understanding' })
    .getByRole('group', { name: /Quiz A/ });

/** The lab still computes: a week on, the day is on screen. */
async function stillRuns(lp: LabPage) {
  await lp.button('+1 week').click();
  await lp.waitForDay(7);
}

describe('storage faults in Chromium', () => {
  it('storage full: the lab runs, answers work and say they cannot be saved', async () => {
    const lp = await openWith(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
      };
    });
    await stillRuns(lp);
    await quizA(lp)
      .getByRole('checkbox', { name: /check how good it is/ })
      .check();
    await lp.page.getByText('Your answers cannot be saved in this browser').waitFor();
    // A new seed is a settings change: saving it fails, and the lab says so and goes on.
    await lp.page.locator('#seed').fill('9');
    await lp.page.locator('#seed').press('Enter');
    await lp.page.getByText('Settings could not be saved in this browser').waitFor();
    await lp.waitForDay(7);
    await lp.button('+1 week').click();
    await lp.waitForDay(14);
    expect(
      await quizA(lp)
        .getByRole('checkbox', { name: /check how good it is/ })
        .isChecked(),
    ).toBe(true);
    expect(lp.errors).toEqual([]);
    survived.push('full');
    await lp.page.close();
  });

  it('storage disabled: the lab runs and says answers cannot be saved', async () => {
    const lp = await openWith(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('storage is disabled', 'SecurityError');
        },
      });
    });
    await stillRuns(lp);
    await quizA(lp)
      .getByRole('checkbox', { name: /check how good it is/ })
      .check();
    await lp.page.getByText('Your answers cannot be saved in this browser').waitFor();
    expect(lp.errors).toEqual([]);
    survived.push('disabled');
    await lp.page.close();
  });

  it('corrupted and foreign data: readable answers kept, the rest dropped with notices', async () => {
    const lp = await openWith(() => {
      if (sessionStorage.getItem('seeded')) return; // only on the first load
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('bloomcast.settings', '{"version": 1, "settings": {"seed": 4, "days":');
      localStorage.setItem(
        'bloomcast.quiz',
        JSON.stringify({
          version: 1,
          answers: { A: { selected: ['A2', 'A9', 7], checked: true }, B: 'not an answer' },
        }),
      );
      localStorage.setItem('bloomcast.tour', '[1, 2, 3]');
    });
    await stillRuns(lp);
    const a = quizA(lp);
    expect(await a.getByRole('checkbox', { name: /check how good it is/ }).isChecked()).toBe(true);
    expect(await a.getByRole('checkbox', { name: /stays up to date/ }).isChecked()).toBe(false);
    const quizNotice = lp.page.getByText('Some saved answers could not be read and were left out');
    expect(await quizNotice.textContent()).toMatch(/A9.*quiz A/);
    await lp.page.getByText('Some saved settings could not be read and were reset').waitFor();
    // The defaults apply where the stored settings were unreadable.
    expect(await lp.page.locator('#seed').inputValue()).toBe('1');
    // What is kept is written back cleanly: a reload reads it without a notice.
    await lp.page.reload();
    await lp.page.getByText(/Engine: TensorFlow\.js on/).waitFor();
    expect(await a.getByRole('checkbox', { name: /check how good it is/ }).isChecked()).toBe(true);
    expect(lp.errors).toEqual([]);
    survived.push('corrupted and foreign');
    await lp.page.close();
  });
});
