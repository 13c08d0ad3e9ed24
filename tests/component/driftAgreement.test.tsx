/**
 * The drift panel agrees with itself (jsdom, the real engine in process on
 * the cpu backend, the default run at 10 Feb 2026, day 225, where issue 13
 * saw it disagree): the headline is the worst row's status in every view;
 * a feature that reads the same numbers today and over the rolling window
 * but another status carries its reason right below its numbers; alerts use
 * the table's names; the histogram caption says the bins' real range.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { FEATURES } from '../../src/sim/world/features';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { DriftPanel } from '../../src/ui/drift/DriftPanel';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

const DAY = 225;
let store: LabStore;

beforeAll(async () => {
  store = createLabStore(inProcessClient('cpu'), { settings: defaultSettings() });
  store.getState().seek(DAY);
  await waitFor(() => expect(store.getState().view).toBe(DAY), { timeout: 90_000 });
}, 120_000);

const renderPanel = () =>
  render(
    <LabStoreProvider store={store}>
      <DriftPanel />
    </LabStoreProvider>,
  );

interface Row {
  id: string;
  numbers: string;
  status: string;
  note: string | null;
}

/** The feature table on screen, row by row, with the note under a row if it has one. */
function readTable(): Row[] {
  const table = screen.getByRole('table', { name: /against the training data/ });
  return FEATURES.map((f) => {
    const tr = table.querySelector(`tr[data-feature="${f.id}"]`)!;
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent);
    return {
      id: f.id,
      numbers: cells.slice(0, 3).join(' '),
      status: cells[3],
      note: table.querySelector(`[data-note-for="${f.id}"]`)?.textContent ?? null,
    };
  });
}

const headline = () => screen.getByText(/model on 10 Feb 2026/).querySelector('.chip')!.textContent;

const RANK: Record<string, number> = { stable: 0, moderate: 1, major: 2 };

describe('the drift panel agrees with itself at day 225', () => {
  it('the headline is the worst row’s status, for both models, today and over 7 days', async () => {
    const user = userEvent.setup();
    renderPanel();
    const seen: string[] = [];
    for (const model of ['Static model', 'Dynamic model']) {
      await user.click(screen.getByRole('tab', { name: model }));
      for (const scope of ['Today', 'Last 7 days']) {
        await user.click(screen.getByRole('button', { name: scope }));
        const rows = readTable();
        const worst = rows.reduce((w, r) => (RANK[r.status] > RANK[w] ? r.status : w), 'stable');
        expect(headline(), `${model}, ${scope}`).toBe(worst);
        const drifted = rows.filter((r) => r.status !== 'stable').length;
        expect(screen.getByText(/the worst feature’s status/).textContent).toContain(
          `${drifted} of ${FEATURES.length} features drifted`,
        );
        seen.push(`${model} ${scope}: ${worst}`);
      }
    }
    // The case: MODERATE beside a MAJOR row, now MAJOR.
    expect(seen[0]).toBe('Static model Today: major');
  });

  it('the same numbers give the same status, or the reason shows below them', async () => {
    const user = userEvent.setup();
    renderPanel();
    let explained = 0;
    for (const model of ['Static model', 'Dynamic model']) {
      await user.click(screen.getByRole('tab', { name: model }));
      await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
      const week = readTable();
      await user.click(screen.getByRole('button', { name: 'Today' }));
      const today = readTable();
      today.forEach((row, j) => {
        if (row.numbers !== week[j].numbers || row.status === week[j].status) return;
        expect(row.note, `${model}: ${row.id}`).toMatch(/Moves with the day/);
        expect(row.note).toContain(`Last 7 days: ${week[j].status}`);
        explained++;
      });
      // Over 7 days there is no second rule to explain.
      await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
      expect(readTable().every((r) => r.note === null)).toBe(true);
      await user.click(screen.getByRole('button', { name: 'Today' }));
    }
    // Outside temperature, static model: PSI 8.26, KS 0.99, stable today, major over 7 days.
    expect(explained).toBeGreaterThanOrEqual(1);
    await user.click(screen.getByRole('tab', { name: 'Static model' }));
    const temperature = readTable().find((r) => r.id === 'temperature')!;
    expect(temperature.numbers).toBe('8.26 0.99 0.72');
    expect(temperature.note).toMatch(/Last 7 days: major/);
  });

  it('alerts name features as the table does, never by their code names', () => {
    renderPanel();
    const list = screen.getByRole('list', { name: /Drift alerts/ });
    const names = new Set<string>(['Errors', ...FEATURES.map((f) => f.label)]);
    const whats = [...list.querySelectorAll('.alert-what')].map((el) => el.textContent ?? '');
    expect(whats.length).toBeGreaterThan(0);
    expect(whats.filter((w) => !names.has(w))).toEqual([]);
    expect(within(list).getAllByText('Minutes on site').length).toBeGreaterThan(0);
    expect(within(list).getAllByText('Days to next gift holiday').length).toBeGreaterThan(0);
    // The list scrolls inside its own labelled, focusable region.
    const region = screen.getByRole('region', { name: /^Alerts \(\d+\)$/ });
    expect(region.tabIndex).toBe(0);
    expect(region.contains(list)).toBe(true);
  });

  it('the histogram caption says the bins’ real range', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Days to next gift holiday' }));
    const caption = () => document.querySelector('.histogram figcaption')!.textContent;
    expect(caption()).toContain('Days to next gift holiday: 2 bins, split at 30 days.');
    expect(caption()).toContain('the bars can look alike');
    expect(caption()).not.toMatch(/≤ 30\.0 to > 30\.0/);
    await user.click(screen.getByRole('button', { name: 'Outside temperature' }));
    expect(caption()).toContain('10 bins, cut at the training data’s deciles from 18.7 to 26.9 °C');
  });
});
