/**
 * The whole page started the way main.tsx starts it (bootLab, the quiz and
 * chapters' stores on the browser's storage), with the engine in process, under
 * storage faults: storage full, storage disabled, storage that throws on
 * every call, and corrupt or foreign data under our keys. Each time the lab
 * renders, the notice is on screen in words, and the quiz progress that could
 * be read shows in the quiz. The counts are reported as `storage-faults`
 * figures (appCases, appSurvived).
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { bootLab } from '../../src/store/boot';
import type { LabStore } from '../../src/store/labStore';
import { STORAGE_KEY } from '../../src/store/persist';
import { QUIZ_STORAGE_KEY, createQuizStore } from '../../src/store/quizProgress';
import { CHAPTERS_STORAGE_KEY, createChapterStore } from '../../src/store/chapterProgress';
import { App } from '../../src/ui/App';
import { LabStoreProvider } from '../../src/ui/storeContext';
import type * as ClientModule from '../../src/worker/client/engineClient';
import { browserStorage } from '../../src/store/storage';
import { recordFigures } from '../support/figures';

// The page's worker, replaced by the same engine host run in this process.
vi.mock('../../src/worker/client/engineClient', async (importOriginal) => {
  const { inProcessClient } = await import('../support/inProcessClient');
  return {
    ...(await importOriginal<typeof ClientModule>()),
    createWorkerClient: () => inProcessClient('cpu'),
  };
});

// Vite defines the version for the build; the page reads it when it starts.
vi.stubGlobal('__APP_VERSION__', '0.1.0');

const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
if (!original) throw new Error('jsdom has no localStorage');

/** Makes `window.localStorage` return `storage`, or throw when it is a function. */
function replaceLocalStorage(get: () => Storage): void {
  Object.defineProperty(window, 'localStorage', { configurable: true, get });
}

/** A Storage over a Map whose writes fail with `error` (and change nothing). */
function storageThat(initial: Record<string, string>, error: DOMException | null): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (error) throw error;
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  };
}

const quotaExceeded = () =>
  new DOMException(
    "Setting the value of 'bloomcast.quiz' exceeded the quota.",
    'QuotaExceededError',
  );
const insecure = () => new DOMException('The operation is insecure.', 'SecurityError');

/** Starts the page as main.tsx does, with a small run named in the URL. */
/** Opens the page at `address`: by default a link, which uses no stored settings. */
async function startPage(address = '/?days=70&visitors=50&seed=3'): Promise<{
  store: LabStore;
  user: ReturnType<typeof userEvent.setup>;
}> {
  window.history.replaceState(null, '', address);
  const chapters = createChapterStore({ storage: browserStorage() });
  const store = bootLab(chapters);
  const quiz = createQuizStore({ storage: browserStorage() });
  render(
    <StrictMode>
      <LabStoreProvider store={store}>
        <App quiz={quiz} chapters={chapters} />
      </LabStoreProvider>
    </StrictMode>,
  );
  // The quizzes are a view of their own: open it, as a student would (it loads when opened).
  act(() => store.getState().setDisplay({ tab: 'quiz' }));
  await screen.findByRole('region', { name: 'Check your understanding' });
  return { store, user: userEvent.setup() };
}

/** The lab is there: its timeline and the quizzes' view. */
function expectLabRendered(): void {
  expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  expect(screen.getByLabelText('Date on screen').textContent).toMatch(/day 0 of 70/);
  expect(screen.getByRole('region', { name: 'Check your understanding' })).toBeTruthy();
}

/** Which options of a quiz are shown picked, in order. */
function picked(quiz: RegExp): boolean[] {
  const group = screen.getByRole('group', { name: quiz });
  return [...group.querySelectorAll('input')].map((el) => el.checked);
}

const quizPanel = () => screen.getByRole('region', { name: 'Check your understanding' });

/** Changes a setting as the settings drawer does (a re-run and a save). */
function changeSeed(store: LabStore, seed: number): void {
  act(() => store.getState().applySettings({ ...store.getState().settings, seed }, 'test'));
}

const SAVED_ANSWERS = JSON.stringify({
  version: 1,
  answers: {
    A: { selected: ['A2', 'A4'], checked: false },
    B: { selected: ['B3'], checked: false },
  },
});

const tally = { appCases: 0, appSurvived: 0 };
afterAll(() => recordFigures('storage-faults', tally));
afterEach(() => {
  Object.defineProperty(window, 'localStorage', original);
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the page under storage faults', () => {
  it('storage full: saved progress shows; a failed save of answers or settings is reported', async () => {
    tally.appCases++;
    const full = storageThat({ [QUIZ_STORAGE_KEY]: SAVED_ANSWERS }, quotaExceeded());
    replaceLocalStorage(() => full);
    const { store, user } = await startPage();
    expectLabRendered();
    expect(picked(/quiz a/i)).toEqual([false, true, false, true]);
    expect(picked(/quiz b/i)).toEqual([false, false, true]);

    const quizA = screen.getByRole('group', { name: /quiz a/i });
    await user.click(within(quizA).getAllByRole('checkbox')[0]);
    expect(picked(/quiz a/i)).toEqual([true, true, false, true]);
    expect(
      within(quizPanel()).getByText(/Your answers cannot be saved in this browser/),
    ).toBeTruthy();

    changeSeed(store, 9);
    expect(screen.getByText(/Settings could not be saved in this browser/)).toBeTruthy();
    expect(store.getState().settings.seed).toBe(9);
    // What was stored is still there for the next visit.
    expect(full.getItem(QUIZ_STORAGE_KEY)).toBe(SAVED_ANSWERS);
    tally.appSurvived++;
  });

  it('storage disabled (the localStorage getter throws): the lab runs, and says nothing is saved', async () => {
    tally.appCases++;
    replaceLocalStorage(() => {
      throw insecure();
    });
    const { store, user } = await startPage();
    expectLabRendered();
    expect(picked(/quiz a/i)).toEqual([false, false, false, false]);

    const quizB = screen.getByRole('group', { name: /quiz b/i });
    await user.click(within(quizB).getAllByRole('radio')[1]);
    expect(picked(/quiz b/i)).toEqual([false, true, false]);
    expect(
      within(quizPanel()).getByText(/Your answers cannot be saved in this browser/),
    ).toBeTruthy();

    changeSeed(store, 11);
    expect(screen.getByText(/Settings could not be saved in this browser/)).toBeTruthy();
    tally.appSurvived++;
  });

  it('storage that throws on every read and write: notices say it could not be read', async () => {
    tally.appCases++;
    const broken = storageThat({}, insecure());
    broken.getItem = () => {
      throw insecure();
    };
    replaceLocalStorage(() => broken);
    const { store, user } = await startPage();
    expectLabRendered();
    expect(
      screen.getByText(
        /Some saved settings could not be read and were reset: storage is not readable\./,
      ),
    ).toBeTruthy();
    expect(
      within(quizPanel()).getByText(
        /Some saved answers could not be read and were left out \(storage is not readable\)/,
      ),
    ).toBeTruthy();
    const quizA = screen.getByRole('group', { name: /quiz a/i });
    await user.click(within(quizA).getAllByRole('checkbox')[2]);
    expect(
      within(quizPanel()).getByText(/Your answers cannot be saved in this browser/),
    ).toBeTruthy();
    changeSeed(store, 5);
    expect(screen.getByText(/Settings could not be saved in this browser/)).toBeTruthy();
    tally.appSurvived++;
  });

  it('corrupt and foreign data: what reads is kept and shown, the rest is named', async () => {
    tally.appCases++;
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        theme: 'dark',
        windowDays: 14,
        cadence: '<script>alert(1)</script>',
        days: 70,
        visitorsPerDay: 50,
        seed: 3,
      }),
    );
    window.localStorage.setItem(
      QUIZ_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        answers: {
          A: { selected: ['A4', 'A9'], checked: true },
          B: { selected: ['B3'], checked: false },
          Z: [1, 2],
        },
      }),
    );
    window.localStorage.setItem(CHAPTERS_STORAGE_KEY, '{"version":1,"open":2,"seen":"x"');
    // A bare visit: the only kind that uses stored settings (a link states its own).
    const { store } = await startPage('/');
    expectLabRendered();
    // Settings: the good field is kept, the foreign and the bad one are named.
    expect(store.getState().settings.windowDays).toBe(14);
    expect(store.getState().settings.cadence).toBe('daily');
    const notice = screen.getByText(/Some saved settings could not be read and were reset/);
    expect(notice.textContent).toMatch(/theme \(unknown setting "theme" was ignored\)/);
    // A saved setting is named by its label, never by the code's name for it.
    expect(notice.textContent).toMatch(/Retrain the dynamic model: must be one of/);
    expect(notice.textContent).not.toMatch(/cadence/);
    expect(document.body.querySelector('script, [onerror]')).toBeNull();
    // Quiz: the readable picks are kept and shown; the rest is named.
    expect(picked(/quiz a/i)).toEqual([false, false, false, true]);
    expect(picked(/quiz b/i)).toEqual([false, false, true]);
    const quizNotice = within(quizPanel()).getByText(/Some saved answers could not be read/);
    expect(quizNotice.textContent).toMatch(/option "A9" is not in quiz A/);
    expect(quizNotice.textContent).toMatch(/there is no quiz "Z"/);
    // Chapters: not JSON, so none is open, as on a first visit.
    expect(screen.getByRole('heading', { name: /The lesson in \d+ chapters/ })).toBeTruthy();
    tally.appSurvived++;
  });

  it('a chapters entry that is half readable opens the chapter it can, with a note', async () => {
    tally.appCases++;
    window.localStorage.setItem(QUIZ_STORAGE_KEY, '[1, 2, 3]');
    window.localStorage.setItem(
      CHAPTERS_STORAGE_KEY,
      JSON.stringify({ version: 1, open: 2, seen: 'x', guesses: 42 }),
    );
    await startPage();
    expectLabRendered();
    expect(screen.getByText('Your saved place in the lesson could not all be read.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Chapter 2 of \d+/ })).toBeTruthy();
    expect(within(quizPanel()).getByText(/stored quiz progress was not an object/)).toBeTruthy();
    expect(picked(/quiz a/i)).toEqual([false, false, false, false]);
    tally.appSurvived++;
  });
});
