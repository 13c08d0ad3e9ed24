/**
 * The chart's "Many worlds" control (src/ui/chart/ManyWorlds.tsx) in the chart
 * panel: it names the seeds before it runs; Run shows progress and Cancel,
 * Cancel stops the runs; a finished run names the band in the legend and says
 * its sentence under the chart, and Clear takes them away (jsdom, the real
 * engine in process on the cpu backend; the band's drawing is checked in
 * Chromium: tests/e2e/manyWorlds.test.ts).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { ChartPanel } from '../../src/ui/chart/ChartPanel';
import { LabStoreProvider } from '../../src/ui/storeContext';
import type { EngineClient } from '../../src/worker/client/engineClient';
import { heldSeedsClient } from '../support/heldSeeds';
import { inProcessClient } from '../support/inProcessClient';

const settings = { ...defaultSettings(), days: 70, visitorsPerDay: 50, seed: 5 };

function renderPanel(client: EngineClient) {
  const store = createLabStore(client, { settings });
  render(
    <LabStoreProvider store={store}>
      <ChartPanel />
    </LabStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}

describe('the many-worlds control', () => {
  it('names its seeds, shows progress with Cancel, and Cancel stops the runs', async () => {
    const held = heldSeedsClient();
    const { user } = renderPanel(held.client);
    // The row takes no room until its button in the chart's header opens it.
    expect(screen.queryByRole('group', { name: 'Many worlds' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Many worlds…' }));
    const group = screen.getByRole('group', { name: 'Many worlds' });
    expect(within(group).getByRole('status').textContent).toBe(
      'seeds 5-14: the one on screen and the next 9',
    );
    expect(within(group).getByRole('combobox', { name: /Many worlds/ })).toBeTruthy();
    await user.click(within(group).getByRole('button', { name: 'Run' }));
    act(() => held.progress(3.5, 10));
    expect(within(group).getByRole('status').textContent).toBe('3 of 10 seeds done…');
    await user.click(within(group).getByRole('button', { name: 'Cancel' }));
    expect(held.aborted()).toBe(true);
    await waitFor(() => expect(within(group).getByRole('button', { name: 'Run' })).toBeTruthy());
    expect(within(group).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('a finished run names the band in the legend and says its sentence; Clear takes them away', async () => {
    const { user } = renderPanel(inProcessClient('cpu'));
    await user.click(screen.getByRole('button', { name: 'Many worlds…' }));
    const group = screen.getByRole('group', { name: 'Many worlds' });
    await user.click(within(group).getByRole('button', { name: 'Run' }));
    const legend = screen.getByRole('list', { name: 'Legend' });
    await waitFor(
      () => expect(within(legend).getByText(/Median and 10-90% of 10 seeds/)).toBeTruthy(),
      { timeout: 60_000 },
    );
    expect(screen.getByText(/^On (\d+|none) of 10 seeds the dynamic model’s/)).toBeTruthy();
    await user.click(within(group).getByRole('button', { name: 'Clear' }));
    expect(within(legend).queryByText(/Median and 10-90%/)).toBeNull();
    expect(screen.queryByText(/of 10 seeds the dynamic model’s/)).toBeNull();
    // Clear closes the row again.
    expect(screen.queryByRole('group', { name: 'Many worlds' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Many worlds…' })).toBeTruthy();
  }, 90_000);
});
