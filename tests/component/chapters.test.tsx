/**
 * The chapters in the side column, with small chapters of the test's own over
 * a short run of the in-process engine: starting, Back and Next driving the
 * lab (world, day, view, element pointed at), the instructor notes collapsed,
 * the settings that differ named with one way back, a guess committed moving
 * the lab to its answer, and "New student" with its confirmation.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../src/content/chapterTypes';
import { defaultSettings } from '../../src/sim/settings';
import { createChapterStore } from '../../src/store/chapterProgress';
import { createLabStore } from '../../src/store/labStore';
import { createQuizStore } from '../../src/store/quizProgress';
import { Chapters } from '../../src/ui/chapters/Chapters';
import { stepChapter } from '../../src/ui/chapters/openChapter';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { SHORTCUTS } from '../../src/ui/timeline/shortcuts';
import { useShortcuts } from '../../src/ui/timeline/useShortcuts';
import type { LabStore } from '../../src/store/labStore';
import type { ChapterStore } from '../../src/store/chapterProgress';
import { inProcessClient } from '../support/inProcessClient';
import { memoryStorage } from '../support/memoryStorage';

const SMALL = { days: 30, visitorsPerDay: 60 };
const note = (n: number) => ({ ask: `Ask ${n}?`, usualWrongAnswer: `Wrong ${n}.` });

const FIXTURE: Chapter[] = [
  {
    id: 'first',
    title: 'First',
    scenario: 'valentine',
    settings: SMALL,
    day: () => 5,
    view: 'chart',
    spotlight: '.first',
    text: ({ days }) =>
      days.length >= 5 ? { sentences: [`Day ${days.length} is on screen.`], instead: null } : null,
    instructor: note(1),
  },
  {
    id: 'second',
    title: 'Second',
    scenario: 'stable',
    settings: SMALL,
    day: () => 8,
    view: 'models',
    spotlight: '.second',
    text: ({ settings }) => ({
      sentences: ['The second chapter.'],
      instead: settings.cadence === 'daily' ? null : 'Retrained less often, the claim fails.',
    }),
    instructor: note(2),
    predict: {
      question: 'What next?',
      options: [
        { id: 'up', label: 'Up' },
        { id: 'down', label: 'Down' },
      ],
      revealDay: () => 12,
      reveal: ({ days }, guess) =>
        days.length >= 12 ? { right: guess === 'up', text: `Answered with ${guess}.` } : null,
    },
  },
];

function setup() {
  const storage = memoryStorage();
  const lab = createLabStore(inProcessClient('cpu'), {
    settings: { ...defaultSettings(), ...SMALL },
  });
  const chapters = createChapterStore({ storage, chapters: FIXTURE });
  const quiz = createQuizStore({ storage });
  render(
    <LabStoreProvider store={lab}>
      <Chapters store={chapters} quiz={quiz} chapters={FIXTURE} />
    </LabStoreProvider>,
  );
  return { lab, chapters, quiz, storage, user: userEvent.setup() };
}

const heading = () => screen.getByRole('heading', { level: 2 });

/** The page's key handler, its chapter steps going through the test's chapters. */
function Keys({ lab, chapters }: { lab: LabStore; chapters: ChapterStore }) {
  useShortcuts(lab, { chapterStep: (step) => stepChapter(lab, chapters, step, FIXTURE) });
  return null;
}

describe('the chapters', () => {
  it('start, then Back and Next drive the lab to each chapter', async () => {
    const { lab, chapters, user } = setup();
    expect(heading().textContent).toBe('The lesson in 2 chapters');
    await user.click(screen.getByRole('button', { name: 'Start chapter 1' }));
    expect(heading().textContent).toBe('Chapter 1 of 2 · First');
    expect(await screen.findByText('Day 5 is on screen.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(lab.getState().display).toMatchObject({
      tab: 'chart',
      spotlight: { selector: '.first' },
    });
    expect(screen.getByRole('button', { name: 'Back' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(heading().textContent).toBe('Chapter 2 of 2 · Second');
    expect(lab.getState().settings).toEqual({ ...defaultSettings(), ...SMALL, scenario: 'stable' });
    expect(lab.getState().target).toBe(8);
    expect(lab.getState().display).toMatchObject({
      tab: 'models',
      spotlight: { selector: '.second' },
    });
    expect(chapters.getState()).toMatchObject({ open: 1, seen: ['first', 'second'] });
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);

    // The notes for instructors are there, collapsed.
    const notes = screen.getByText('For instructors').closest('details');
    expect(notes?.open).toBe(false);
    expect(within(notes as HTMLElement).getByText(/Ask 2\?/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading().textContent).toBe('Chapter 1 of 2 · First');
    expect(lab.getState().settings.scenario).toBe('valentine');

    // Closing the chapters stops pointing at the chapter's element.
    await user.click(screen.getByRole('button', { name: 'Close the chapters' }));
    expect(lab.getState().display.spotlight).toBeNull();
    expect(chapters.getState().open).toBeNull();
    // The list jumps to any chapter.
    await user.click(screen.getAllByText('All chapters')[0]);
    await user.click(screen.getByRole('button', { name: 'Second' }));
    expect(chapters.getState().open).toBe(1);
  }, 60_000);

  it("names the settings that differ from the chapter's, says what happens instead, and goes back", async () => {
    const { lab, chapters, user } = setup();
    act(() => chapters.getState().openAt(1));
    await user.click(screen.getByRole('button', { name: 'Second' }));
    act(() =>
      lab.getState().applySettings({ ...lab.getState().settings, cadence: 'monthly', seed: 4 }),
    );
    const differs = await screen.findByText(/This is not the lesson’s run for this chapter/);
    expect(differs.textContent).toContain(
      'seed 4 instead of 1; retrain the dynamic model monthly instead of daily',
    );
    expect(screen.getByText('Retrained less often, the claim fails.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to the lesson’s settings' }));
    expect(lab.getState().settings).toEqual({ ...defaultSettings(), ...SMALL, scenario: 'stable' });
    expect(screen.queryByText(/This is not the lesson’s run/)).toBeNull();
    expect(lab.getState().target).toBe(8);
  }, 60_000);

  it('a committed guess moves the lab to the days that answer it, then shows the answer', async () => {
    const { lab, chapters, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Start chapter 1' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'Up' }));
    await user.click(screen.getByRole('button', { name: 'Commit my guess' }));
    expect(chapters.getState().guesses).toEqual({ second: 'up' });
    expect(lab.getState().target).toBe(12);
    expect(await screen.findByText('Answered with up.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText('Your guess: Up')).toBeTruthy();
  }, 60_000);

  it('New student asks first, then forgets the progress and goes back to the first screen', async () => {
    const { lab, chapters, quiz, storage, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Start chapter 1' }));
    quiz.getState().select('A', 'A2');
    await user.click(screen.getByRole('button', { name: 'New student…' }));
    expect(screen.getByText(/Start over for the next student\?/)).toBeTruthy();
    // Cancel leaves everything as it was.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(chapters.getState().open).toBe(0);
    await user.click(screen.getByRole('button', { name: 'New student…' }));
    await user.click(screen.getByRole('button', { name: 'Clear and start over' }));
    expect(chapters.getState()).toMatchObject({ open: null, guesses: {}, seen: [] });
    expect(quiz.getState().answers.A.selected).toEqual([]);
    expect(lab.getState().settings).toEqual(defaultSettings());
    expect(lab.getState()).toMatchObject({ view: 0, target: 0, interventions: [] });
    expect(lab.getState().display).toMatchObject({ tab: 'chart', spotlight: null });
    expect(heading().textContent).toBe('The lesson in 2 chapters');
    // This test's storage cannot remove keys: it holds the emptied progress.
    expect(JSON.parse(storage.data.get('bloomcast.chapters') ?? 'null')).toMatchObject({
      open: null,
      seen: [],
    });
  }, 60_000);

  it('keys: ] and [ everywhere, PageDown and PageUp only while presenting; all in the help list', async () => {
    const { lab, chapters, user } = setup();
    render(<Keys lab={lab} chapters={chapters} />);
    await user.keyboard(']');
    expect(chapters.getState().open).toBe(0);
    await user.keyboard(']');
    expect(chapters.getState().open).toBe(1);
    await user.keyboard('[[');
    expect(chapters.getState().open).toBe(0);
    // Not presenting: Page Down is the browser's (it scrolls), not the chapters'.
    await user.keyboard('{PageDown}');
    expect(chapters.getState().open).toBe(0);
    act(() => lab.getState().setDisplay({ presenting: true }));
    await user.keyboard('{PageDown}');
    expect(chapters.getState().open).toBe(1);
    await user.keyboard('{PageUp}');
    expect(chapters.getState().open).toBe(0);
    const listed = SHORTCUTS.flatMap((s) => s.keys);
    for (const key of ['[', ']', 'PageUp', 'PageDown']) expect(listed).toContain(key);
  }, 60_000);
});
