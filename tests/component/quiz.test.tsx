/**
 * The quiz panel as a student meets it (jsdom): answering A wrongly then
 * rightly by keyboard and by pointer, reading the feedback, retrying, the
 * score, B's radio group, the lab links, resetting with confirmation, and
 * the quiet notice about unreadable stored progress.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LabTarget } from '../../src/content/quiz';
import { QUIZ_STORAGE_KEY, createQuizStore, type QuizStore } from '../../src/store/quizProgress';
import { QuizPanel } from '../../src/ui/quiz/QuizPanel';

// jsdom has no CSS.escape, which user-event needs for arrow keys in a radio group.
if (typeof window.CSS?.escape !== 'function') {
  const escape = (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);
  Object.defineProperty(window, 'CSS', { value: { escape }, configurable: true });
}

function setup(store: QuizStore = createQuizStore()) {
  const onOpenLab = vi.fn<(target: LabTarget) => void>();
  const user = userEvent.setup();
  render(<QuizPanel store={store} onOpenLab={onOpenLab} />);
  const quizA = screen.getByRole('group', { name: /quiz a/i });
  const quizB = screen.getByRole('group', { name: /quiz b/i });
  return { store, onOpenLab, user, quizA, quizB };
}

const form = (group: HTMLElement) => {
  const el = group.closest('form');
  if (!el) throw new Error('no form');
  return el;
};
const summaryOf = (group: HTMLElement) => {
  const el = form(group).querySelector<HTMLElement>('[aria-live]');
  if (!el) throw new Error('no live summary');
  return el;
};
const optionItem = (group: HTMLElement, text: RegExp) => {
  const item = within(group).getByLabelText(text).closest('li');
  if (!item) throw new Error('no item');
  return item;
};

describe('the quiz panel', () => {
  it('is a labelled panel that says how many answers each quiz expects', () => {
    const { quizA, quizB } = setup();
    expect(screen.getByRole('region', { name: 'Check your understanding' })).toBeTruthy();
    expect(quizA.querySelector('legend')?.textContent).toMatch(
      /two statements are true: pick two/i,
    );
    expect(quizB.querySelector('legend')?.textContent).toMatch(/one statement is true: pick one/i);
    expect(within(quizA).getAllByRole('checkbox')).toHaveLength(4);
    expect(within(quizB).getAllByRole('radio')).toHaveLength(3);
    expect(screen.getByText(/score: 0 of 2 quizzes right/i)).toBeTruthy();
  });

  it('answers A wrongly, then rightly, by keyboard only', async () => {
    const { user, quizA } = setup();
    await user.tab();
    expect(document.activeElement).toBe(
      within(quizA).getByRole('checkbox', { name: /up to date/i }),
    );
    await user.keyboard(' '); // A1 (false)
    await user.tab();
    await user.keyboard(' '); // A2 (true)
    expect(within(form(quizA)).getByText(/you have picked two/i)).toBeTruthy();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(within(form(quizA)).getByRole('button', { name: 'Check' }));
    await user.keyboard('{Enter}');

    const summary = summaryOf(quizA);
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toMatch(/not quite.*found one of the two.*picked one false one/i);
    const a1 = optionItem(quizA, /up to date/i);
    expect(a1.className).toContain('is-wrong');
    expect(a1.textContent).toMatch(/wrong: you picked it, but it is false/i);
    expect(a1.textContent).toMatch(/not so: a model trained once/i);
    expect(optionItem(quizA, /check how good/i).textContent).toMatch(/right: you picked it/i);
    expect(optionItem(quizA, /less watching/i).textContent).toMatch(/missed: this one is true/i);
    expect(optionItem(quizA, /hardly needs/i).textContent).toMatch(/right: you left it out/i);
    expect(within(quizA).getByRole('checkbox', { name: /up to date/i })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByText(/score: 0 of 2 quizzes right \(1 of 2 checked\)/i)).toBeTruthy();

    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe('Try again');
    await user.keyboard('{Enter}');
    const boxes = within(quizA).getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, false, false, false]);
    expect(document.activeElement).toBe(boxes[0]);
    expect(summaryOf(quizA).textContent).toBe('');
    expect(quizA.textContent).not.toMatch(/not so/i);

    await user.tab();
    await user.keyboard(' '); // A2
    await user.tab();
    await user.keyboard(' '); // A3
    await user.tab();
    await user.tab();
    await user.keyboard(' '); // Space on Check also submits
    expect(document.activeElement).toBe(summaryOf(quizA));
    expect(summaryOf(quizA).textContent).toMatch(/right! you picked exactly the two true/i);
    expect(screen.getByText(/score: 1 of 2 quizzes right \(1 of 2 checked\)/i)).toBeTruthy();
  });

  it('answers A by pointer and allows checking any number of picks', async () => {
    const { user, quizA, store } = setup();
    await user.click(within(quizA).getByLabelText(/hardly needs/i));
    await user.click(within(form(quizA)).getByRole('button', { name: 'Check' }));
    expect(summaryOf(quizA).textContent).toMatch(
      /not quite.*found none of the two.*picked one false one/i,
    );
    expect(store.getState().answers.A).toEqual({ selected: ['A4'], checked: true });
    await user.click(within(form(quizA)).getByRole('button', { name: 'Try again' }));
    await user.click(within(quizA).getByLabelText(/check how good/i));
    await user.click(within(quizA).getByLabelText(/less watching/i));
    await user.click(within(form(quizA)).getByRole('button', { name: 'Check' }));
    expect(summaryOf(quizA).className).toContain('is-right');
    expect(screen.getByText(/score: 1 of 2/i)).toBeTruthy();
  });

  it('treats B as a radio group', async () => {
    const { user, quizB } = setup();
    const [b1, b2, b3] = within(quizB).getAllByRole<HTMLInputElement>('radio');
    await user.click(b2);
    await user.click(b3);
    expect([b1.checked, b2.checked, b3.checked]).toEqual([false, false, true]);
    await user.keyboard('{ArrowUp}');
    expect([b1.checked, b2.checked, b3.checked]).toEqual([false, true, false]);
    await user.click(within(form(quizB)).getByRole('button', { name: 'Check' }));
    expect(summaryOf(quizB).textContent).toMatch(/not quite/i);
    expect(optionItem(quizB, /training jobs/i).textContent).toMatch(/not so: when training/i);
    await user.click(within(form(quizB)).getByRole('button', { name: 'Try again' }));
    await user.click(within(quizB).getByRole('radio', { name: /up to date/i }));
    await user.click(within(form(quizB)).getByRole('button', { name: 'Check' }));
    expect(summaryOf(quizB).textContent).toMatch(/right! you picked exactly the one true/i);
    expect(screen.getByText(/score: 1 of 2 quizzes right \(1 of 2 checked\)/i)).toBeTruthy();
  });

  it('links each explanation to its moment in the lab and opens it in place', async () => {
    const { user, quizA, quizB, onOpenLab } = setup();
    await user.click(within(form(quizA)).getByRole('button', { name: 'Check' }));
    await user.click(within(quizB).getByRole('radio', { name: /training jobs/i }));
    await user.click(within(form(quizB)).getByRole('button', { name: 'Check' }));

    const a1 = within(optionItem(quizA, /up to date/i)).getByRole('link', {
      name: /see it in the lab/i,
    });
    const href = a1.getAttribute('href') ?? '';
    expect(href.startsWith('?')).toBe(true);
    const params = new URLSearchParams(href);
    expect(params.get('scenario')).toBe('valentine');
    expect(params.get('day')).toBe('229');
    // A new tab opens the view that holds the evidence.
    expect(params.get('tab')).toBe('models');

    const b2 = within(optionItem(quizB, /training jobs/i)).getByRole('link', {
      name: /see it in the lab/i,
    });
    const b2Params = new URLSearchParams(b2.getAttribute('href') ?? '');
    expect(b2Params.get('scenario')).toBe('buggy-job');
    expect(b2Params.get('vgate')).toBe('false');
    expect(b2Params.get('day')).toBe('157');
    expect(b2Params.get('tab')).toBe('jobs');

    await user.click(b2);
    expect(onOpenLab).toHaveBeenCalledTimes(1);
    expect(onOpenLab.mock.calls[0][0]).toMatchObject({
      scenario: 'buggy-job',
      day: 157,
      settings: { validationGate: false },
    });
    // A modified click is left to the browser (new tab or window).
    let leftToBrowser = false;
    const stopNavigation = (event: Event) => {
      leftToBrowser = !event.defaultPrevented;
      event.preventDefault(); // jsdom cannot navigate
    };
    document.addEventListener('click', stopNavigation);
    fireEvent.click(a1, { ctrlKey: true });
    document.removeEventListener('click', stopNavigation);
    expect(leftToBrowser).toBe(true);
    expect(onOpenLab).toHaveBeenCalledTimes(1);
    // A plain click does not navigate.
    expect(fireEvent.click(a1)).toBe(false);
    expect(onOpenLab).toHaveBeenLastCalledWith(expect.objectContaining({ day: 229 }));
  });

  it('resets all progress only after confirmation', async () => {
    const { user, quizA, quizB, store } = setup();
    await user.click(within(quizA).getByLabelText(/check how good/i));
    await user.click(within(quizB).getByRole('radio', { name: /up to date/i }));
    await user.click(within(form(quizB)).getByRole('button', { name: 'Check' }));

    await user.click(screen.getByRole('button', { name: 'Reset my progress' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(store.getState().answers.B.checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset my progress' }));

    await user.click(screen.getByRole('button', { name: 'Reset my progress' }));
    await user.click(screen.getByRole('button', { name: 'Yes, reset' }));
    expect(store.getState().answers.A.selected).toEqual([]);
    expect(store.getState().answers.B).toEqual({ selected: [], checked: false });
    expect(screen.getByText('Your answers were cleared.')).toBeTruthy();
    expect(screen.getByText(/score: 0 of 2 quizzes right/i)).toBeTruthy();
    expect(within(quizB).getByRole('radio', { name: /up to date/i })).toHaveProperty(
      'checked',
      false,
    );
  });

  it('shows stored progress and a quiet, dismissable notice about what was dropped', async () => {
    const text = JSON.stringify({
      version: 1,
      answers: { A: { selected: ['A2', 'A3'], checked: true }, X: {} },
    });
    const storage = { getItem: () => text, setItem: () => undefined };
    const { user, quizA } = setup(createQuizStore({ storage }));
    expect(summaryOf(quizA).textContent).toMatch(/right!/i);
    expect(document.activeElement).toBe(document.body); // no focus jump on load
    const notice = screen.getByText(/could not be read.*no quiz "X"/i);
    expect(notice.getAttribute('role')).toBe('status');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/could not be read/i)).toBeNull();
    expect(QUIZ_STORAGE_KEY).toBe('bloomcast.quiz');
  });
});
