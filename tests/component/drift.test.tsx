/**
 * The drift panel as a student meets it (jsdom, real engine in process on the
 * cpu backend): nothing before serving, the outage's dark source as a major
 * chip and an alert on its first day, the dynamic model's tab, and alerts that
 * jump the timeline.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { DriftPanel } from '../../src/ui/drift/DriftPanel';
import { alertsUpTo, servingWeeks, weeklyStrip } from '../../src/ui/drift/driftData';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

const settings = {
  ...defaultSettings(),
  scenario: 'outage' as const,
  days: 140,
  visitorsPerDay: 150,
};
let store: LabStore;

beforeAll(async () => {
  store = createLabStore(inProcessClient('cpu'), { settings });
  store.getState().seek(131);
  await waitFor(() => expect(store.getState().view).toBe(131), { timeout: 60_000 });
}, 90_000);

const renderPanel = () =>
  render(
    <LabStoreProvider store={store}>
      <DriftPanel />
    </LabStoreProvider>,
  );

describe('the drift panel', () => {
  it('waits for serving to begin', () => {
    act(() => store.getState().seek(30));
    renderPanel();
    expect(screen.getByText(/Monitoring starts when the models start serving/)).toBeTruthy();
    act(() => store.getState().seek(131));
  });

  it('shows the dark source as major drift, in colour and in words, on the outage’s first day', () => {
    renderPanel();
    const table = screen.getByRole('table', { name: /Today’s inputs/ });
    const row = within(table)
      .getByRole('rowheader', { name: /Minutes on site/ })
      .closest('tr')!;
    expect(within(row).getByText('major').className).toContain('chip-major');
    const ageRow = within(table).getByRole('rowheader', { name: /^Age/ }).closest('tr')!;
    expect(within(ageRow).getByText('stable')).toBeTruthy();
    const alerts = screen.getByRole('list', { name: /Drift alerts/ });
    const outage = within(alerts)
      .getAllByRole('button')
      .filter(
        (b) => b.textContent?.includes('8 Nov 2025') && b.textContent.includes('Minutes on site'),
      );
    expect(outage.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/dynamic.*major/i),
      expect.stringMatching(/static.*major/i),
    ]);
  });

  it('switches to the dynamic model and to the rolling window', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByRole('tab', { name: 'Dynamic model' }));
    expect(screen.getByText(/Dynamic model on 8 Nov 2025/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    expect(
      screen.getByRole('table', { name: /The last 7 days against the training data/ }),
    ).toBeTruthy();
  });

  it('an alert jumps the timeline to its day', async () => {
    const user = userEvent.setup();
    renderPanel();
    const alerts = within(screen.getByRole('list', { name: /Drift alerts/ })).getAllByRole(
      'button',
    );
    const oldest = alerts.at(-1)!;
    await user.click(oldest);
    const day = alertsUpTo(store.getState().days, 131).at(-1)!.day;
    expect(store.getState().view).toBe(day);
    act(() => store.getState().seek(131));
  });

  it('the weekly strip has one row per feature and one cell per serving week', () => {
    const strip = weeklyStrip(store.getState().days, 131, 'static', 10);
    expect(strip).toHaveLength(10);
    expect(strip[0]).toHaveLength(Math.ceil((131 - 62) / 7));
    expect(strip[3].at(-1)!.status).toBe('major'); // minutes on site, the outage's first week
  });

  it('a long run keeps only the latest weeks in the strip, aligned with the full strip', () => {
    const days = store.getState().days;
    const full = weeklyStrip(days, 131, 'static', 10);
    const latest = weeklyStrip(days, 131, 'static', 10, 4);
    expect(servingWeeks(days, 131)).toBe(full[0].length);
    expect(latest[0]).toHaveLength(4);
    for (let f = 0; f < 10; f++) expect(latest[f]).toEqual(full[f].slice(-4));
    expect(weeklyStrip(days, 131, 'static', 10, 100)).toEqual(full);
  });
});
