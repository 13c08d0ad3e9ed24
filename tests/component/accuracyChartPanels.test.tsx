/**
 * The accuracy chart's panel and the table as a view of its own, and the
 * timeline's slim bar for presentation mode (jsdom, the real engine in
 * process on the cpu backend; the drawing itself is measured in Chromium:
 * tests/e2e/chartReadable.test.ts).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { ChartPanel } from '../../src/ui/chart/ChartPanel';
import { DataTablePanel } from '../../src/ui/chart/DataTablePanel';
import { LabStoreProvider, useLabStore } from '../../src/ui/storeContext';
import { Timeline } from '../../src/ui/timeline/Timeline';
import { useShortcuts } from '../../src/ui/timeline/useShortcuts';
import { inProcessClient } from '../support/inProcessClient';

const settings = { ...defaultSettings(), days: 70, visitorsPerDay: 50, seed: 5 };

function renderWith(ui: ReactNode): LabStore {
  const store = createLabStore(inProcessClient('cpu'), { settings });
  render(<LabStoreProvider store={store}>{ui}</LabStoreProvider>);
  return store;
}

describe('the chart panel', () => {
  it('has the chart’s options but no switch to a table: the table is a view of its own', () => {
    renderWith(<ChartPanel />);
    const panel = screen.getByRole('region', { name: /Accuracy over time/ });
    expect(within(panel).queryByRole('button', { name: 'Table' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Chart' })).toBeNull();
    expect(within(panel).getByRole('checkbox', { name: 'Oracle' })).toBeTruthy();
    expect(within(panel).getByRole('combobox', { name: /Rolling mean/ })).toBeTruthy();
    expect(within(panel).getByRole('figure', { name: /Daily accuracy/ })).toBeTruthy();
  });

  it('fills its cell when asked, with the caption one click away', () => {
    renderWith(<ChartPanel height="fill" />);
    const panel = screen.getByRole('region', { name: /Accuracy over time/ });
    expect(panel.classList.contains('chart-fill')).toBe(true);
    expect(within(panel).getByText('How to read the chart').tagName).toBe('SUMMARY');
  });

  it('a fixed height is the plot’s', () => {
    renderWith(<ChartPanel height={420} />);
    const plot = document.querySelector<HTMLElement>('.chart-plot');
    expect(plot?.style.height).toBe('420px');
  });
});

describe('the table view', () => {
  it('lists every day up to today in a labelled region that scrolls by keyboard', async () => {
    const store = renderWith(<DataTablePanel />);
    expect(screen.getByRole('heading', { name: 'Accuracy by day' })).toBeTruthy();
    act(() => store.getState().seek(12));
    const table = screen.getByRole('table', { name: /Accuracy per simulated day/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 12));
    const region = screen.getByRole('region', { name: 'Table of accuracy by day' });
    expect(region.contains(table)).toBe(true);
    expect(region.tabIndex).toBe(0);
    // The columns keep their full names for a screen reader (a phone shows short ones).
    expect(within(table).getByRole('columnheader', { name: 'Static model' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Dynamic model' })).toBeTruthy();
  }, 30_000);

  it('has the same options as the chart, and exports the days but no picture', async () => {
    const store = renderWith(<DataTablePanel />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Oracle' }));
    expect(store.getState().display.showOracle).toBe(!defaultOracle());
    await user.click(screen.getByText('Export'));
    expect(screen.getByRole('button', { name: /Days as CSV/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings as JSON' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Chart as/ })).toBeNull();
  });
});

/** The table view with the page's keyboard shortcuts listening. */
function TableWithKeys() {
  useShortcuts(useLabStore());
  return <DataTablePanel />;
}

describe('keys in the table view', () => {
  it('a key that scrolls scrolls the focused table instead of moving the day', async () => {
    const store = renderWith(<TableWithKeys />);
    const user = userEvent.setup();
    act(() => store.getState().seek(5));
    await waitFor(() => expect(store.getState().view).toBe(5));
    const region = screen.getByRole('region', { name: 'Table of accuracy by day' });
    region.focus();
    await user.keyboard('{Home}{ArrowLeft}');
    expect(store.getState().view).toBe(5);
    // Elsewhere the same keys are the timeline's shortcuts.
    region.blur();
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().view).toBe(4);
    await user.keyboard('{Home}');
    expect(store.getState().view).toBe(0);
  }, 30_000);
});

/** The oracle line's default, as a fresh store has it. */
function defaultOracle(): boolean {
  return createLabStore(inProcessClient('cpu'), { settings }).getState().display.showOracle;
}

describe('the slim timeline (presentation mode)', () => {
  it('is one bar: play and step buttons, the scrubber and the date; the rest stays on its keys', async () => {
    const store = renderWith(<Timeline slim />);
    const bar = screen.getByRole('region', { name: 'Timeline' });
    expect(bar.classList.contains('slim')).toBe(true);
    const names = within(bar)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual(['Play', '+1 day', '+1 week', '+1 month', 'Next event']);
    expect(within(bar).queryByRole('combobox', { name: /Speed/ })).toBeNull();
    expect(within(bar).getByRole('slider', { name: 'Simulated day' })).toBeTruthy();
    expect(bar.querySelector('.scrubber-months')).toBeNull();
    await userEvent.setup().click(within(bar).getByRole('button', { name: '+1 week' }));
    await waitFor(() => expect(store.getState().view).toBe(7));
    expect(within(bar).getByLabelText('Date on screen').textContent).toMatch(
      /7 Jul 2025.*day 7 of 70/,
    );
  }, 30_000);

  it('the full timeline keeps every control and the month names', () => {
    renderWith(<Timeline />);
    const bar = screen.getByRole('region', { name: 'Timeline' });
    expect(within(bar).getByRole('button', { name: 'Run to the end' })).toBeTruthy();
    expect(within(bar).getByRole('button', { name: 'Reset' })).toBeTruthy();
    expect(within(bar).getByRole('combobox', { name: /Speed/ })).toBeTruthy();
    // Unmeasured (jsdom lays nothing out), every month is named; Chromium thins them.
    expect(bar.querySelectorAll('.scrubber-months span')).toHaveLength(3);
  });
});
