/**
 * The guided tour as a student meets it (jsdom, with the real engine in
 * process on the cpu backend): opening it, moving between steps, a step that
 * moves the lab, the predict-then-reveal step, closing and resuming, and the
 * notice when storage is full.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOUR_STEPS } from '../../src/content/tour';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { TOUR_STORAGE_KEY, createTourStore, type TourStore } from '../../src/store/tourProgress';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { Tour, TourButton } from '../../src/ui/tour/Tour';
import { inProcessClient } from '../support/inProcessClient';

const PREDICT_STEP = TOUR_STEPS.findIndex((s) => s.predict);

/** Renders the tour over a storage holding `storedText`; a full one refuses every write. */
function renderTour(
  storedText?: string,
  writes: 'ok' | 'full' = 'ok',
): {
  lab: LabStore;
  tour: TourStore;
  user: ReturnType<typeof userEvent.setup>;
} {
  const lab = createLabStore(inProcessClient('cpu'), {
    settings: { ...defaultSettings(), days: 240, visitorsPerDay: 100 },
  });
  const data = new Map<string, string>();
  if (storedText !== undefined) data.set(TOUR_STORAGE_KEY, storedText);
  const tour = createTourStore({
    storage: {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => {
        if (writes === 'full') {
          throw new DOMException(
            "Setting the value of 'bloomcast.tour' exceeded the quota.",
            'QuotaExceededError',
          );
        }
        data.set(k, v);
      },
    },
  });
  render(
    <LabStoreProvider store={lab}>
      <TourButton store={tour} />
      <main>
        <div className="cards">cards</div>
      </main>
      <Tour store={tour} />
    </LabStoreProvider>,
  );
  return { lab, tour, user: userEvent.setup() };
}

const dialog = () => screen.getByRole('dialog', { name: TOUR_STEPS[0]?.title ?? '' });

describe('the guided tour', () => {
  it('opens from the button, moves with Next and Back, and counts the steps', async () => {
    const { user } = renderTour();
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Take the tour' }));
    const tour = dialog();
    expect(within(tour).getByText('1 of 7')).toBeTruthy();
    expect(within(tour).getByRole('button', { name: 'Back' })).toHaveProperty('disabled', true);
    expect(document.activeElement?.id).toBe('tour-title');
    await user.click(within(tour).getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('dialog', { name: TOUR_STEPS[1]?.title }).textContent).toMatch(
      /2 of 7/,
    );
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(dialog().textContent).toMatch(/1 of 7/);
    // Storage works, so there is nothing to warn about.
    expect(within(dialog()).queryByText(/cannot be saved/)).toBeNull();
  });

  it('moves the lab to a step’s day, and leaves the lab usable', async () => {
    const { user, lab } = renderTour();
    await user.click(screen.getByRole('button', { name: 'Take the tour' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(lab.getState().view).toBe(62), { timeout: 20_000 });
    // Not modal: the page stays in the accessibility tree and can be used.
    expect(screen.getByText('cards')).toBeTruthy();
    expect(screen.getByRole('dialog').getAttribute('aria-modal')).toBeNull();
  }, 30_000);

  it('takes a guess, plays to 14 February and reveals the static model’s accuracy', async () => {
    const { user, lab, tour } = renderTour(JSON.stringify({ version: 1, step: PREDICT_STEP }));
    await user.click(screen.getByRole('button', { name: 'Resume the tour' }));
    const group = screen.getByRole('radiogroup', { name: /what will the static model/ });
    const commit = screen.getByRole('button', { name: 'Commit my guess' });
    expect(commit).toHaveProperty('disabled', true);
    await user.click(within(group).getByRole('radio', { name: 'It stays about the same' }));
    await user.click(commit);
    expect(tour.getState().prediction).toBe('same');
    expect(screen.getByText('Your guess: It stays about the same')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Playing February/);
    await waitFor(() => expect(lab.getState().view).toBe(229), { timeout: 60_000 });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(
        /static model’s accuracy averaged \d+% in January and \d+% in the week of 7–13 February/,
      ),
    );
    // Valentine’s default run: the static model falls, so this guess was wrong.
    expect(screen.getByRole('status').textContent).toMatch(/fell by \d+ points.*not this time/);
  }, 90_000);

  it('closes with Escape or Skip, and resumes at the same step', async () => {
    const { user, tour } = renderTour();
    await user.click(screen.getByRole('button', { name: 'Take the tour' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(tour.getState()).toMatchObject({ open: false, dismissed: true, step: 2 });
    const again = screen.getByRole('button', { name: 'Resume the tour' });
    expect(document.activeElement).toBe(again);
    await user.click(again);
    expect(screen.getByRole('dialog').textContent).toMatch(/3 of 7/);
    await user.click(screen.getByRole('button', { name: 'Skip the tour' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Resume the tour' }));
    expect(screen.getByRole('dialog').textContent).toMatch(/3 of 7/);
  });

  it('storage full: says the place in the tour will not be kept, and the tour still works', async () => {
    const { user, tour } = renderTour(JSON.stringify({ version: 1, step: 1 }), 'full');
    expect(tour.getState().unsaved).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Resume the tour' }));
    const notice = within(screen.getByRole('dialog')).getByRole('status');
    expect(notice.textContent).toBe(
      'Your place in the tour cannot be saved in this browser; it lasts until you close the page.',
    );
    expect(tour.getState().unsaved).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('dialog').textContent).toMatch(/3 of 7/);
    expect(
      within(screen.getByRole('dialog')).getByText(/cannot be saved in this browser/),
    ).toBeTruthy();
  });
});
