/**
 * The strategy comparison view with a hand-built comparison (jsdom, no engine):
 * the button, the progress bar, the legend, the table's rows and values, and
 * the chart's trailing means.
 *
 * Owns: checks of src/ui/compare. Must not touch: the engine or the store.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Strategy, StrategyComparison, StrategyRow } from '../../src/sim/contract';
import { defaultSettings } from '../../src/sim/settings';
import { compareChartRows, CompareView } from '../../src/ui/compare/CompareView';

const LABELS: Record<Strategy, string> = {
  static: 'Static (trained once)',
  daily: 'Retrained daily',
  weekly: 'Retrained weekly',
  monthly: 'Retrained monthly',
  alarm: 'Retrained on error alarm',
};

function row(strategy: Strategy, accuracy: number[], runs: number): StrategyRow {
  return {
    strategy,
    label: LABELS[strategy],
    accuracy,
    meanAccuracy: accuracy.reduce((a, b) => a + b, 0) / accuracy.length,
    worstWeekAccuracy: 0.6,
    worstWeekEnd: '2025-09-07',
    trainingRuns: runs,
    examplesProcessed: runs * 12_400,
    trainingMs: runs * 250,
    releases: runs,
    rejectedJobs: strategy === 'daily' ? 3 : 0,
    failedJobs: strategy === 'alarm' ? 1 : 0,
  };
}

const comparison: StrategyComparison = {
  settings: { ...defaultSettings(), days: 70, visitorsPerDay: 100 },
  firstServingDay: 63,
  servingDays: 8,
  strategies: [
    row('static', [0.8, 0.7, 0.6, 0.6, 0.6, 0.6, 0.6, 0.62], 1),
    row('daily', [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8], 9),
    row('weekly', [0.8, 0.75, 0.7, 0.7, 0.7, 0.7, 0.7, 0.8], 2),
    row('monthly', [0.8, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7], 1),
    row('alarm', [0.8, 0.7, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9], 4),
  ],
  totalMs: 2000,
};

const props = { startDate: '2025-07-01', onRun: () => {} };

describe('the strategy comparison view', () => {
  it('offers the button and calls onRun, with nothing else before a comparison', async () => {
    const onRun = vi.fn();
    render(<CompareView comparison={null} progress={null} onRun={onRun} startDate="2025-07-01" />);
    await userEvent.click(screen.getByRole('button', { name: 'Compare strategies' }));
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows progress while running and does not start a second comparison', () => {
    render(<CompareView {...props} comparison={null} progress={{ done: 1, total: 4 }} />);
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('1');
    expect(bar.getAttribute('max')).toBe('4');
    expect(screen.getByRole('status').textContent).toContain('Simulating 4 runs: 25% done');
    expect(screen.getByRole('button', { name: 'Compare strategies' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('offers Cancel while running, which calls onCancel', async () => {
    const onCancel = vi.fn();
    render(
      <CompareView
        {...props}
        comparison={null}
        progress={{ done: 1, total: 4 }}
        onCancel={onCancel}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('states the share of all the runs’ work from fractional heartbeats (runs go side by side)', () => {
    render(<CompareView {...props} comparison={null} progress={{ done: 2.6, total: 4 }} />);
    expect(screen.getByRole('status').textContent).toContain('Simulating 4 runs: 65% done');
  });

  it('says why a comparison stopped, with the button enabled again', () => {
    render(
      <CompareView
        {...props}
        comparison={null}
        progress={null}
        error="the engine stopped answering (nothing for 15 s)"
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'The comparison stopped: the engine stopped answering (nothing for 15 s). Press “Compare strategies” to run it again.',
    );
    expect(screen.getByRole('button', { name: 'Compare strategies' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('lists the five strategies in a table with their numbers', () => {
    render(<CompareView {...props} comparison={comparison} progress={null} />);
    const table = screen.getByRole('table', { name: /Each strategy on the same world/ });
    // Its name is the paragraph above its scrolling box (a caption would run off it on a phone).
    const name = document.getElementById(table.getAttribute('aria-labelledby') ?? '');
    expect(table.closest('[role="region"]')?.contains(name)).toBe(false);
    expect(name?.textContent).toMatch(
      /valentine, seed 1, 100 visitors a day\): accuracy over 8 serving days from 1 Sep 2025/,
    );
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Strategy',
      'Mean accuracy',
      'Worst 7 days',
      'Worst week ends',
      'Training runs',
      'Examples processed',
      'Training time',
      'Releases',
      'Rejected jobs',
      'Failed jobs',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
      Object.values(LABELS),
    );
    const cells = (i: number) =>
      within(rows[i])
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(0)).toEqual([
      '64.0%',
      '60.0%',
      '7 Sep 2025',
      '1',
      '12,400',
      '250 ms',
      '1',
      '0',
      '0',
    ]);
    expect(cells(1)).toEqual([
      '80.0%',
      '60.0%',
      '7 Sep 2025',
      '9',
      '111,600',
      '2.3 s',
      '9',
      '3',
      '0',
    ]);
    expect(cells(4)).toEqual([
      '80.0%',
      '60.0%',
      '7 Sep 2025',
      '4',
      '49,600',
      '1.0 s',
      '4',
      '0',
      '1',
    ]);
  });

  it('names every strategy in the legend', () => {
    render(<CompareView {...props} comparison={comparison} progress={null} />);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(Object.values(LABELS));
    expect(
      screen.getByRole('figure', { name: /Accuracy of each retraining strategy/ }),
    ).toBeTruthy();
  });
});

describe('compareChartRows', () => {
  it('gives one row per serving day with a 7-day trailing mean per strategy', () => {
    const rows = compareChartRows(comparison, '2025-07-01');
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ day: 63, date: '2025-09-01', static: 0.8, daily: 0.8 });
    expect(rows[1]?.static).toBeCloseTo(0.75, 12);
    expect(rows[6]?.static).toBeCloseTo((0.8 + 0.7 + 0.6 * 5) / 7, 12);
    expect(rows[7]?.static).toBeCloseTo((0.7 + 0.6 * 5 + 0.62) / 7, 12);
    expect(rows[7]).toMatchObject({ day: 70, date: '2025-09-08' });
    expect(rows.every((r) => r.daily !== null && Math.abs(r.daily - 0.8) < 1e-12)).toBe(true);
  });
});
