/**
 * Many worlds in presentation mode's bar (ProjectorManyWorlds in
 * src/ui/chart/ManyWorlds.tsx, shown by src/ui/layout/ProjectorView.tsx): an
 * instructor runs the seeds without leaving presentation mode. What must
 * hold: the button says how many seeds and its tooltip which ones; Run shows
 * progress in a few words with Cancel, and Cancel stops the runs; a finished
 * run draws the band (the legend beside the chart names it) and the caption
 * says what the seeds found, and Clear takes both away; only the chart view
 * has the control; opening it warms no workers.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { SCENARIOS } from '../../src/sim/world/scenarios';
import { createLabStore } from '../../src/store/labStore';
import { ProjectorView } from '../../src/ui/layout/ProjectorView';
import { LabStoreProvider } from '../../src/ui/storeContext';
import type { EngineClient } from '../../src/worker/client/engineClient';
import { heldSeedsClient } from '../support/heldSeeds';
import { inProcessClient } from '../support/inProcessClient';

const settings = { ...defaultSettings(), days: 70, visitorsPerDay: 50, seed: 5 };

function renderProjector(client: EngineClient) {
  const store = createLabStore(client, { settings });
  store.getState().setDisplay({ presenting: true });
  render(
    <LabStoreProvider store={store}>
      <ProjectorView onOpenLab={() => {}} />
    </LabStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}

/** Presentation mode's bar (the page's other headers belong to panels). */
const bar = () => {
  const found = screen.getAllByRole('banner').find((h) => h.className === 'projector-bar');
  if (!found) throw new Error('no presentation bar');
  return found;
};

describe('many worlds in presentation mode', () => {
  it('runs from the bar with progress and Cancel, and warms no workers first', async () => {
    const warmed: number[] = [];
    const held = heldSeedsClient({ warmSeeds: (_s, count) => warmed.push(count) });
    const { user } = renderProjector(held.client);
    const group = within(bar()).getByRole('group', { name: 'Many worlds' });
    const run = within(group).getByRole('button', { name: 'Many worlds (10)' });
    expect(run.getAttribute('title')).toBe('seeds 5-14: the one on screen and the next 9');
    expect(warmed).toEqual([]);
    await user.click(run);
    act(() => held.progress(3.5, 10));
    expect(within(group).getByRole('status').textContent).toBe('3 of 10');
    expect(within(group).getByRole('progressbar', { name: 'Seeds done' })).toBeTruthy();
    await user.click(within(group).getByRole('button', { name: 'Cancel' }));
    expect(held.aborted()).toBe(true);
    await waitFor(() =>
      expect(within(group).getByRole('button', { name: 'Many worlds (10)' })).toBeTruthy(),
    );
    expect(within(group).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(warmed).toEqual([]);
  });

  it('a finished run draws the band the legend names and says what it found; Clear takes both away', async () => {
    const { user } = renderProjector(inProcessClient('cpu'));
    const group = within(bar()).getByRole('group', { name: 'Many worlds' });
    await user.click(within(group).getByRole('button', { name: 'Many worlds (10)' }));
    const legend = screen.getByRole('list', { name: 'Legend' });
    await waitFor(
      () => expect(within(legend).getByText(/Median and 10-90% of 10 seeds/)).toBeTruthy(),
      { timeout: 60_000 },
    );
    // With no chapter open, the caption says what the seeds found, then the scenario again.
    const caption = () => document.getElementById('projector-caption')?.textContent ?? '';
    expect(caption()).toMatch(/^On (\d+|none) of 10 seeds the dynamic model’s /);
    await user.click(within(group).getByRole('button', { name: 'Clear 10 seeds' }));
    expect(within(legend).queryByText(/Median and 10-90%/)).toBeNull();
    expect(caption()).toBe(SCENARIOS[settings.scenario].description);
    expect(within(group).getByRole('button', { name: 'Many worlds (10)' })).toBeTruthy();
  }, 90_000);

  it('only the chart view has it', () => {
    const { store } = renderProjector(inProcessClient('cpu'));
    expect(within(bar()).getByRole('group', { name: 'Many worlds' })).toBeTruthy();
    act(() => store.getState().setDisplay({ tab: 'jobs' }));
    expect(within(bar()).queryByRole('group', { name: 'Many worlds' })).toBeNull();
  });
});
