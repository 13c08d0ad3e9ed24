/**
 * The training-jobs panel with hand-built results (no engine): the job list
 * with status chips, the job detail, the registry's aliases and rollback
 * action, the gate switches, and the cost ledger.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore, type LabState, type LabStore } from '../../src/store/labStore';
import { JobsPanel } from '../../src/ui/jobs/JobsPanel';
import { LabStoreProvider } from '../../src/ui/storeContext';
import type { EngineClient } from '../../src/worker/client/engineClient';
import { RETAIN_DAYS } from '../../src/sim/contract';
import type { RegistryRow } from '../../src/ui/jobs/jobsData';
import { RegistryTable } from '../../src/ui/jobs/RegistryTable';
import { dateOf, fixtureDays, QUARANTINE_REASON, REJECT_REASON, START } from './jobsFixtures';

const fakeClient: EngineClient = {
  start: () => Promise.resolve({ backend: 'cpu', fallbackReason: null }),
  init: () => Promise.resolve(),
  runTo: () => {},
  pause: () => Promise.resolve(0),
  compare: () => Promise.reject(new Error('this test does not compare strategies')),
  seeds: () => Promise.reject(new Error('this test does not run many seeds')),
  restart: () => {},
  onCrash: () => {},
};

const settings = { ...defaultSettings(), startDate: START, days: 8 };
let store: LabStore;
let rollback: Mock<(version: number) => void>;
let toggleGate: Mock<(gate: 'validation' | 'data', on: boolean) => void>;
let applySettings: Mock<LabState['applySettings']>;

beforeEach(() => {
  store = createLabStore(fakeClient, { settings });
  rollback = vi.fn<(version: number) => void>();
  toggleGate = vi.fn<(gate: 'validation' | 'data', on: boolean) => void>();
  applySettings = vi.fn<LabState['applySettings']>();
  store.setState({
    days: fixtureDays(),
    view: 8,
    settings: { ...settings, validationGate: true, dataGate: true, autoRollback: false },
    rollback,
    toggleGate,
    applySettings,
  });
});

const renderPanel = () =>
  render(
    <LabStoreProvider store={store}>
      <JobsPanel />
    </LabStoreProvider>,
  );

const jobList = () => screen.getByRole('list', { name: 'Training jobs, newest first' });
const jobButton = (version: number) =>
  within(jobList())
    .getAllByRole('button')
    .find((b) => within(b).queryByText(`v${version}`))!;

describe('the training-jobs panel', () => {
  it('waits for the models to serve', () => {
    store.setState({ view: 3 });
    renderPanel();
    expect(screen.getByRole('region', { name: 'Training jobs' })).toBeTruthy();
    expect(screen.getByText('Jobs start once the models serve.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: /Training jobs,/ })).toBeNull();
  });

  it('lists jobs newest first; a rejected job shows its reason and an amber "rejected" chip', () => {
    renderPanel();
    const entries = within(jobList()).getAllByRole('button');
    expect(entries.map((b) => within(b).getByText(/^v\d+$/).textContent)).toEqual([
      'v5',
      'v4',
      'v3',
      'v2',
    ]);
    const rejected = jobButton(3);
    const chip = within(rejected).getByText('rejected');
    expect(chip.className).toContain('chip-rejected');
    expect(within(rejected).getByText(REJECT_REASON, { exact: false })).toBeTruthy();
    expect(within(rejected).getByText('corrupted labels')).toBeTruthy();
    expect(within(jobButton(4)).getByText('failed').className).toContain('chip-failed');
    expect(within(jobButton(5)).getByText('blessed').className).toContain('chip-blessed');
  });

  it('selecting a job shows the validation comparison and the data gate result', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(jobButton(3));
    expect(jobButton(3).getAttribute('aria-pressed')).toBe('true');
    const detail = screen.getByRole('article', { name: /Job v3/ });
    const table = within(detail).getByRole('table', { name: /Held-out check/ });
    const accuracy = within(table)
      .getByRole('rowheader', { name: /Accuracy/ })
      .closest('tr')!;
    expect(within(accuracy).getByText('61.0%')).toBeTruthy();
    expect(within(accuracy).getByText('78.0%')).toBeTruthy();
    expect(within(accuracy).getByText('−17.0 points')).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Serving v2' })).toBeTruthy();
    expect(within(detail).getByText('All days passed the data checks.')).toBeTruthy();

    await user.click(jobButton(2));
    const v2 = screen.getByRole('article', { name: /Job v2/ });
    const quarantined = within(v2).getByRole('list', { name: 'Quarantined days' });
    expect(quarantined.textContent).toContain(QUARANTINE_REASON);
    expect(quarantined.textContent).toContain('2 Jul 2025');
    expect(within(v2).getByRole('table', { name: /v2 against the truth/ })).toBeTruthy();

    await user.click(jobButton(4));
    const v4 = screen.getByRole('article', { name: /Job v4/ });
    expect(within(v4).getByText('No validation: training broke before the check.')).toBeTruthy();
    expect(within(v4).getByRole('img', { name: /blew up/ })).toBeTruthy();
  });

  it('the registry marks serving and previous, and rolls back to an earlier served version', async () => {
    const user = userEvent.setup();
    renderPanel();
    const table = screen.getByRole('table', { name: /Every version the dynamic model/ });
    const row = (v: number) =>
      within(table)
        .getByRole('rowheader', { name: new RegExp(`^v${v}\\b`) })
        .closest('tr')!;
    expect(within(row(5)).getByText('serving')).toBeTruthy();
    expect(within(row(2)).getByText('previous')).toBeTruthy();
    expect(within(row(3)).queryByText(/serving|previous/)).toBeNull();
    expect(within(row(3)).getByText('rejected').className).toContain('chip-rejected');
    const buttons = within(table).getAllByRole('button', { name: /Roll back to/ });
    expect(buttons.map((b) => b.textContent)).toEqual(['Roll back to v2', 'Roll back to v1']);
    await user.click(within(table).getByRole('button', { name: 'Roll back to v2' }));
    expect(rollback).toHaveBeenCalledWith(2);
  });

  it('the gate switches call the store', async () => {
    const user = userEvent.setup();
    renderPanel();
    const validation = screen.getByRole('checkbox', { name: 'Validation gate' });
    expect((validation as HTMLInputElement).checked).toBe(true);
    await user.click(validation);
    expect(toggleGate).toHaveBeenCalledWith('validation', false);
    await user.click(screen.getByRole('checkbox', { name: 'Data gate' }));
    expect(toggleGate).toHaveBeenCalledWith('data', false);
    const auto = screen.getByRole('checkbox', { name: 'Automatic rollback' });
    expect((auto as HTMLInputElement).checked).toBe(false);
    await user.click(auto);
    expect(applySettings).toHaveBeenCalledWith(
      expect.objectContaining({ autoRollback: true, validationGate: true }),
      'Automatic rollback switched on',
    );
  });

  it('shows the audit log newest first and the cost ledger', () => {
    renderPanel();
    const log = screen.getByRole('table', { name: 'Audit log, newest first' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual([
      'promoted',
      'failed',
      'rejected',
      'promoted',
    ]);
    expect(rows[0].textContent).toContain('v2 → v5');
    expect(
      screen.getByText(
        /The dynamic model has done 4× the training work of the static one: 5 runs against 1, 4,000 examples against 1,000\./,
      ),
    ).toBeTruthy();
    const ledger = screen.getByRole('table', { name: 'Training cost so far' });
    const rejected = within(ledger)
      .getByRole('rowheader', { name: 'Rejected jobs' })
      .closest('tr')!;
    expect(rejected.textContent).toBe('Rejected jobs01');
  });
});

describe('the registry table in a long run', () => {
  const row = (version: number, createdDay: number, aliases: RegistryRow['aliases'] = []) => ({
    version,
    parentVersion: version > 1 ? version - 1 : null,
    status: 'blessed' as const,
    reason: null,
    promoted: true,
    createdDay,
    createdDate: dateOf(createdDay),
    windowStart: dateOf(Math.max(1, createdDay - 28)),
    windowEnd: dateOf(createdDay),
    rows: 14_000,
    validationAccuracy: 0.8,
    servedDays: 30,
    liveAccuracy: 0.79,
    aliases,
  });

  it('offers a rollback only to versions whose weights are still kept', () => {
    const onRollback = vi.fn();
    const day = 900;
    render(
      <RegistryTable
        rows={[
          row(40, 890, ['serving']),
          row(30, day - RETAIN_DAYS),
          row(20, day - RETAIN_DAYS - 1),
          row(10, 100, ['previous']),
          row(1, 62),
        ]}
        day={day}
        onRollback={onRollback}
      />,
    );
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Roll back to v30', 'Roll back to v10', 'Roll back to v1']);
    expect(screen.getAllByText(`weights let go after ${RETAIN_DAYS} days`)).toHaveLength(1);
  });
});
