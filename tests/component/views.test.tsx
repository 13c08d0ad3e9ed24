/**
 * The lab's views (jsdom, the real engine in process): the tab bar opens each
 * view by click, by the keys 1-7 and by arrows; the first screen's way in
 * goes once the lab moves; keys that scroll stay with a focused scroll
 * region instead of moving the day.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { TAB_IDS } from '../../src/store/tabs';
import { tabAfterKey } from '../../src/ui/layout/ViewTabs';
import { renderLab as renderWith } from './renderLab';

const settings = { ...defaultSettings(), days: 80, visitorsPerDay: 100, seed: 3 };

const renderLab = () => renderWith(settings);

const views = () => screen.getByRole('tablist', { name: 'Views of the lab' });
const selected = () => within(views()).getByRole('tab', { selected: true }).textContent;

describe('the views', () => {
  it('the arrows, Home and End move along the tabs and wrap around', () => {
    expect(tabAfterKey('chart', 'ArrowRight')).toBe('models');
    expect(tabAfterKey('chart', 'ArrowLeft')).toBe('table');
    expect(tabAfterKey('table', 'ArrowRight')).toBe('chart');
    expect(tabAfterKey('jobs', 'Home')).toBe('chart');
    expect(tabAfterKey('jobs', 'End')).toBe('table');
    expect(tabAfterKey('jobs', 'Enter')).toBeUndefined();
  });

  it('a click, a number key or an arrow opens a view; only the open view is in the page', async () => {
    const { user, store } = renderLab();
    expect(within(views()).getAllByRole('tab')).toHaveLength(TAB_IDS.length);
    expect(selected()).toBe('Chart');
    expect(screen.getByRole('tabpanel', { name: 'Chart' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Training jobs' }));
    expect(store.getState().display.tab).toBe('jobs');
    // A view off the first screen loads when first opened.
    expect(await screen.findByRole('region', { name: 'Training jobs' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Accuracy over time' })).toBeNull();
    await user.keyboard('3');
    expect(selected()).toBe('Watching the inputs');
    expect(await screen.findByRole('region', { name: 'Watching the inputs' })).toBeTruthy();
    // An arrow on the focused tab moves the tab, not the day.
    screen.getByRole('tab', { name: 'Watching the inputs' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(selected()).toBe('Training jobs');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Training jobs' }));
    expect(store.getState().view).toBe(0);
    // Only the open tab is in the Tab order.
    const inOrder = within(views())
      .getAllByRole('tab')
      .filter((t) => t.tabIndex === 0);
    expect(inOrder.map((t) => t.textContent)).toEqual(['Training jobs']);
    await user.keyboard('7');
    expect(await screen.findByRole('table', { name: /Accuracy per simulated day/ })).toBeTruthy();
    await user.keyboard('t');
    expect(selected()).toBe('Chart');
  });

  it('the first screen offers two ways in and goes once the lab moves', async () => {
    const { user, store } = renderLab();
    const welcome = screen.getByRole('region', { name: /A year in a flower shop/ });
    expect(within(welcome).getByText(/first 62 days \(1 Jul 2025 to 31 Aug 2025\)/)).toBeTruthy();
    await user.click(within(welcome).getByRole('button', { name: 'Run the year' }));
    await waitFor(() => expect(store.getState().view).toBeGreaterThan(0), { timeout: 20_000 });
    expect(screen.queryByRole('region', { name: /A year in a flower shop/ })).toBeNull();
    act(() => store.getState().pause());
  }, 30_000);

  it('Space, Home, End and the arrows scroll a focused scroll region instead of moving the day', () => {
    const { store } = renderLab();
    act(() => store.getState().setDisplay({ tab: 'table' }));
    const region = document.createElement('div');
    region.tabIndex = 0;
    // jsdom lays nothing out: give the region more content than room, as a browser would.
    Object.defineProperty(region, 'scrollHeight', { value: 900 });
    Object.defineProperty(region, 'clientHeight', { value: 300 });
    document.body.append(region);
    region.focus();
    for (const key of ['End', ' ', 'ArrowRight']) fireEvent.keyDown(region, { key });
    expect(store.getState().target).toBe(0);
    expect(store.getState().status).not.toBe('playing');
    // The same keys elsewhere are the lab's shortcuts.
    region.remove();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(store.getState().target).toBe(1);
  });
});
