/**
 * The lab as a user meets it (jsdom, with the real engine in process on the
 * cpu backend): the timeline's buttons and keys, the table view, the model
 * cards, the help dialog, the settings drawer and a panel that fails alone.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { App } from '../../src/ui/App';
import { PanelBoundary } from '../../src/ui/common/PanelBoundary';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';
import { renderLab as renderWith } from './renderLab';

const settings = { ...defaultSettings(), days: 100, visitorsPerDay: 100, seed: 3 };

const renderLab = () => renderWith(settings);

const dateOnScreen = () => screen.getByLabelText('Date on screen').textContent;

describe('the timeline', () => {
  it('steps a month, a week and a day with buttons, and says where it is', async () => {
    const { user } = renderLab();
    expect(dateOnScreen()).toMatch(/before 1 Jul 2025.*day 0 of 100/);
    await user.click(screen.getByRole('button', { name: '+1 month' }));
    await waitFor(() => expect(dateOnScreen()).toMatch(/31 Jul 2025.*day 31 of 100/));
    await user.click(screen.getByRole('button', { name: '+1 week' }));
    await waitFor(() => expect(dateOnScreen()).toMatch(/7 Aug 2025/));
    await user.click(screen.getByRole('button', { name: '+1 day' }));
    await waitFor(() => expect(dateOnScreen()).toMatch(/8 Aug 2025.*day 39/));
    expect(screen.getByRole('slider', { name: 'Simulated day' })).toHaveProperty('value', '39');
  });

  it('keyboard shortcuts move the day, toggle the table and open the help', async () => {
    const { user, store } = renderLab();
    await user.keyboard('m');
    await waitFor(() => expect(dateOnScreen()).toMatch(/31 Jul 2025/));
    await user.keyboard('w');
    await waitFor(() => expect(store.getState().view).toBe(38));
    await user.keyboard('d');
    await waitFor(() => expect(store.getState().view).toBe(39));
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().view).toBe(38);
    await user.keyboard('t');
    // A view off the first screen loads when first opened.
    expect(await screen.findByRole('table', { name: /Accuracy per simulated day/ })).toBeTruthy();
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Play or pause')).toBeTruthy();
    await user.click(within(help).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await user.keyboard('+');
    expect(store.getState().speed).toBe(30);
  });

  it('play turns into pause and back', async () => {
    const { user, store } = renderLab();
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(store.getState().status).toBe('playing');
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(store.getState().status).toBe('paused');
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });
});

describe('results', () => {
  it('the table lists every day up to today, and the cards report the trained models', async () => {
    const { user, store } = renderLab();
    expect(screen.getAllByText(/Collecting data/)).toHaveLength(2);
    act(() => store.getState().seek(70));
    await waitFor(() => expect(store.getState().view).toBe(70), { timeout: 20_000 });
    await user.click(screen.getByRole('tab', { name: 'Data table' }));
    const table = await screen.findByRole('table', { name: /Accuracy per simulated day/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 70);
    const last = rows[70];
    expect(within(last).getByRole('rowheader').textContent).toBe('8 Sep 2025');
    const cells = within(last).getAllByRole('cell');
    expect(cells[0].textContent).toMatch(/^\d+\.\d%$/);
    expect(cells[1].textContent).toMatch(/^\d+\.\d%$/);

    await user.click(screen.getByRole('tab', { name: 'The two models' }));
    const card = await screen.findByRole('article', { name: /Static model/ });
    expect(within(card).getByText('Validation accuracy').nextSibling?.textContent).toMatch(
      /^\d+\.\d% on [\d,]+ held-out/,
    );
    const dynamic = screen.getByRole('article', { name: /Dynamic model/ });
    // Version 1 at the end of day 62, then a job at the end of each day 63-70.
    expect(within(dynamic).getByText('Training runs').nextSibling?.textContent).toBe('9');
    expect(within(card).getByText('Training runs').nextSibling?.textContent).toBe('1');
    expect(within(card).getByRole('table', { name: /log-odds/ })).toBeTruthy();
  }, 30_000);
});

describe('the settings drawer', () => {
  it('names a bad value and changes nothing; a good one re-runs with a notice', async () => {
    const { user, store } = renderLab();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const drawer = screen.getByRole('dialog', { name: 'Settings' });
    const window = within(drawer).getByLabelText('Training window (days)');
    await user.clear(window);
    await user.type(window, '999');
    await user.click(within(drawer).getByRole('button', { name: 'Apply and re-run' }));
    expect(within(drawer).getByRole('alert').textContent).toMatch(
      /^Training window must be a whole number from 1 to 365$/,
    );
    expect(store.getState().settings.windowDays).toBe(28);

    await user.clear(window);
    await user.type(window, '14');
    await user.selectOptions(within(drawer).getByLabelText('Retrain the dynamic model'), 'weekly');
    await user.click(within(drawer).getByRole('button', { name: 'Apply and re-run' }));
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
    expect(store.getState().settings).toMatchObject({ windowDays: 14, cadence: 'weekly' });
    expect(
      screen.getByText(/retrain the dynamic model: daily → weekly; training window: 28 → 14 days/),
    ).toBeTruthy();
  });
});

describe('failures stay contained', () => {
  it('a panel that throws shows its own message while the rest renders', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = () => {
      throw new Error('cannot draw this');
    };
    render(
      <>
        <PanelBoundary name="drift">
          <Broken />
        </PanelBoundary>
        <p>still here</p>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(
      /drift panel could not be shown.*cannot draw this/,
    );
    expect(screen.getByText('still here')).toBeTruthy();
    spy.mockRestore();
  });

  it('a dead engine is reported with a restart button that resumes', async () => {
    const client = inProcessClient('cpu');
    const store = createLabStore(client, { settings });
    render(
      <LabStoreProvider store={store}>
        <App />
      </LabStoreProvider>,
    );
    act(() => store.getState().stepDays(10));
    await waitFor(() => expect(store.getState().view).toBe(10));
    act(() => client.crash('the worker was killed'));
    const alert = screen.getByText(/The simulation engine stopped/).closest('[role="alert"]')!;
    expect(alert.textContent).toMatch(/the worker was killed.*up to day 10/);
    await userEvent
      .setup()
      .click(within(alert as HTMLElement).getByRole('button', { name: 'Restart from day 10' }));
    act(() => store.getState().stepDays(5));
    await waitFor(() => expect(store.getState().view).toBe(15));
    expect(screen.queryByText(/The simulation engine stopped/)).toBeNull();
  });
});
