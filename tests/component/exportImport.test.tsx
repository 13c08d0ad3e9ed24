/**
 * Export and import: a scenario file is validated whole (a bad one names its
 * problem and changes nothing; a good one re-runs the lab), and the CSV is the
 * command line's, one row per computed day.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, formatDaysCsv } from '../../src/sim/csv';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore } from '../../src/store/labStore';
import { App } from '../../src/ui/App';
import { readScenario } from '../../src/ui/settings/ImportSettings';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { inProcessClient } from '../support/inProcessClient';

describe('reading a scenario file', () => {
  it('accepts a whole, valid settings object', () => {
    const result = readScenario(JSON.stringify({ ...defaultSettings(), seed: 9 }));
    expect(result).toMatchObject({ ok: true, settings: { seed: 9 } });
  });

  it('names what is wrong: not JSON, a bad value, an unknown key', () => {
    expect(readScenario('{"seed": 3')).toMatchObject({ ok: false, message: /not JSON/ });
    expect(readScenario('{"windowDays": 0}')).toMatchObject({
      ok: false,
      message: /windowDays must be a whole number from 1 to 365/,
    });
    expect(readScenario('{"speed": 3}')).toMatchObject({
      ok: false,
      message: /unknown setting "speed"/,
    });
    expect(readScenario('[1, 2]')).toMatchObject({ ok: false });
  });

  it('refuses a key given twice, naming it, where JSON.parse would keep the last', () => {
    expect(readScenario('{"seed": 1, "seed": 2}')).toEqual({
      ok: false,
      message: 'the key "seed" is given more than once',
    });
    expect(readScenario('{"seed": 1, "days": 9, "\\u0073eed": 2, "days": 3}')).toEqual({
      ok: false,
      message: 'the keys "seed", "days" are given more than once',
    });
    // The same key in two different objects is no duplicate (and a nested object is no setting).
    expect(readScenario('{"seed": {"a": 1}, "days": {"a": 2}}')).toMatchObject({
      ok: false,
      message: /seed must be a whole number/,
    });
  });

  it('quotes the file cut and free of control characters: a 60 KB key, a control character', () => {
    const huge = readScenario(JSON.stringify({ ['k'.repeat(60_000)]: 1 }));
    expect(huge.ok).toBe(false);
    if (!huge.ok) {
      expect(huge.message).toMatch(/^unknown setting "k{40}… \(60000 characters\)"; known/);
      // What the file adds is bounded: the message less its fixed list of known settings.
      const known = huge.message.slice(huge.message.indexOf('; known settings: '));
      expect(huge.message.length - known.length).toBeLessThan(100);
    }
    const bell = readScenario('{"a\\u0007\\u001b[2J": 1}');
    expect(bell).toMatchObject({ ok: false, message: /unknown setting "a\\x07\\x1B\[2J"/ });
    const notJson = readScenario(`{"seed": ${'9'.repeat(10_000)}x}`);
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.message.length).toBeLessThan(200);
  });
});

describe('import in the settings drawer', () => {
  const settings = { ...defaultSettings(), days: 80, visitorsPerDay: 100 };

  it('a bad file shows its problem and changes nothing; a good one applies', async () => {
    const store = createLabStore(inProcessClient('cpu'), { settings });
    const user = userEvent.setup();
    render(
      <LabStoreProvider store={store}>
        <App />
      </LabStoreProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const drawer = screen.getByRole('dialog', { name: 'Settings' });
    const input = within(drawer).getByLabelText('Import a scenario file (JSON)');
    await user.upload(
      input,
      new File(['{"cadence": "hourly"}'], 'bad.json', { type: 'application/json' }),
    );
    await waitFor(() =>
      expect(within(drawer).getByRole('alert').textContent).toMatch(
        /bad\.json was not imported: cadence must be one of: daily, weekly, monthly, alarm\. Nothing changed\./,
      ),
    );
    expect(store.getState().settings).toBe(settings);

    const good = JSON.stringify({ ...settings, seed: 12, cadence: 'weekly' });
    await user.upload(input, new File([good], 'class.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(store.getState().settings).toMatchObject({ seed: 12, cadence: 'weekly' }),
    );
    expect(store.getState().rerunReason).toBe('Imported class.json');
    expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull();
  });

  it('echoes a 5,000-character file name cut, in the message and in the re-run reason', async () => {
    const store = createLabStore(inProcessClient('cpu'), { settings });
    const user = userEvent.setup();
    render(
      <LabStoreProvider store={store}>
        <App />
      </LabStoreProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const drawer = screen.getByRole('dialog', { name: 'Settings' });
    const input = within(drawer).getByLabelText('Import a scenario file (JSON)');
    const name = `${'n'.repeat(4_995)}.json`;
    await user.upload(input, new File(['{"seed": 1, "seed": 2}'], name));
    await waitFor(() =>
      expect(within(drawer).getByRole('alert').textContent).toBe(
        `${'n'.repeat(40)}… (5000 characters) was not imported: the key "seed" is given more than once. Nothing changed.`,
      ),
    );
    expect(store.getState().settings).toBe(settings);
    const good = JSON.stringify({ ...settings, seed: 5 });
    await user.upload(input, new File([good], `\u001b]0;${name}`));
    await waitFor(() => expect(store.getState().settings).toMatchObject({ seed: 5 }));
    expect(store.getState().rerunReason).toBe(
      `Imported \\x1B]0;${'n'.repeat(33)}… (5004 characters)`,
    );
  });
});

describe('the CSV export', () => {
  it('is the command line’s CSV: a header, then one row per day', async () => {
    const store = createLabStore(inProcessClient('cpu'), {
      settings: { ...defaultSettings(), days: 70, visitorsPerDay: 100 },
    });
    store.getState().stepDays(66);
    await waitFor(() => expect(store.getState().view).toBe(66), { timeout: 30_000 });
    const lines = formatDaysCsv(store.getState().days).trim().split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(67);
    expect(lines[66].startsWith('2025-09-04,66,serving,')).toBe(true);
  });
});
