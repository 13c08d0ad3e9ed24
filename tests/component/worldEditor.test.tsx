/**
 * The world editor (src/ui/world/) in jsdom: its groups and labelled sliders,
 * each knob's "default" and starting value the scenario's own (ownKnob) for
 * every scenario, a move applied once on release and not while it moves, the
 * resets, a knob that does nothing in its world saying so; and the store's
 * `editWorld` re-running the whole year with the view following (the real
 * engine in process on the cpu backend).
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, KNOB_KEYS, type Settings } from '../../src/sim/settings';
import { NO_KNOBS, ownKnob } from '../../src/sim/world/knobs';
import { SCENARIOS } from '../../src/sim/world/scenarios';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { valueWithUnit } from '../../src/ui/settings/settingWords';
import { LabStoreProvider } from '../../src/ui/storeContext';
import { ChartPanel } from '../../src/ui/chart/ChartPanel';
import { WorldEditor } from '../../src/ui/world/WorldEditor';
import { WORLD_EDITOR_SPOTLIGHT } from '../../src/ui/world/useWorldEditorOpen';
import { editorOf } from '../../src/ui/world/knobWords';
import { inProcessClient } from '../support/inProcessClient';

const short = (over: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(),
  days: 40,
  visitorsPerDay: 50,
  ...over,
});

function renderEditor(settings: Settings): {
  store: LabStore;
  editWorld: ReturnType<typeof vi.fn>;
} {
  const store = createLabStore(inProcessClient('cpu'), { settings });
  const editWorld = vi.fn();
  store.setState({ editWorld });
  render(
    <LabStoreProvider store={store}>
      <WorldEditor />
    </LabStoreProvider>,
  );
  return { store, editWorld };
}

const slider = (name: string) => screen.getByRole<HTMLInputElement>('slider', { name });
const VDAY = editorOf('valentineEffect').label;

describe('the world editor', () => {
  it('groups its labelled sliders in plain words, under one root a chapter can spotlight', () => {
    renderEditor(short());
    expect(document.body.querySelector('[data-evidence="world-editor"]')).not.toBeNull();
    const groups = screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent);
    expect(groups).toEqual(['Valentine’s Day', 'Seasons', 'Buying', 'Outage', 'Buggy job']);
    for (const key of KNOB_KEYS) expect(slider(editorOf(key).label)).toBeTruthy();
    // Outage and bug days range over the run's days.
    expect(slider(editorOf('outageDay').label).max).toBe('40');
    expect(slider(editorOf('bugDay').label).max).toBe('40');
    // The outage scenario's own day (131) is after this run's last: the knob says so.
    const outage = slider(editorOf('outageDay').label).closest('[data-knob]')!;
    expect(outage.textContent).toContain('Does nothing while the outage lasts 0 days.');
  });

  it('says when the run has no Valentine’s Day', () => {
    // 40 days from 1 July: no 14 February.
    renderEditor(short());
    for (const key of ['valentineEffect', 'valentineLeadDays'] as const) {
      const knob = slider(editorOf(key).label).closest('[data-knob]')!;
      expect(knob.textContent).toContain('Does nothing: this run has no Valentine’s Day.');
    }
  });

  it('says when a day is after the run’s last', () => {
    renderEditor(short({ scenario: 'outage' }));
    const outage = slider(editorOf('outageDay').label).closest('[data-knob]')!;
    expect(outage.textContent).toContain('Does nothing: the run ends on day 40.');
    expect(outage.querySelector('output')?.textContent).toBe('day 131');
  });

  it.each(Object.keys(SCENARIOS) as Settings['scenario'][])(
    'starts each knob at the scenario’s own value and says it (%s)',
    (scenario) => {
      renderEditor(short({ scenario, days: 365 }));
      for (const key of KNOB_KEYS) {
        const own = ownKnob(SCENARIOS[scenario], key);
        const input = slider(editorOf(key).label);
        expect(Number(input.value), key).toBe(own);
        const knob = input.closest<HTMLElement>('[data-knob]')!;
        expect(knob.textContent).toContain(`default: ${valueWithUnit(key, own)}.`);
      }
    },
  );

  it('applies a move once, on release, not while it moves', () => {
    const { editWorld } = renderEditor(short());
    const input = slider(VDAY);
    // A drag: the value shown follows, nothing is applied until the pointer lets go.
    // (A drag fires input events; the browser's change event comes with the release.)
    fireEvent.pointerDown(input);
    for (const v of ['1.2', '1.5', '1.9', '2']) fireEvent.input(input, { target: { value: v } });
    expect(editWorld).not.toHaveBeenCalled();
    expect(within(input.closest('[data-knob]')!).getByText('2×')).toBeTruthy();
    fireEvent.pointerUp(input);
    expect(editWorld).toHaveBeenCalledTimes(1);
    expect(editWorld).toHaveBeenCalledWith({ valentineEffect: 2 });
    // Keys: each step changes the value; the key's release applies it.
    editWorld.mockClear();
    const noise = slider(editorOf('randomBuyers').label);
    fireEvent.keyDown(noise, { key: 'ArrowRight' });
    fireEvent.change(noise, { target: { value: '5' } });
    fireEvent.change(noise, { target: { value: '10' } });
    expect(editWorld).not.toHaveBeenCalled();
    fireEvent.keyUp(noise, { key: 'ArrowRight' });
    expect(editWorld).toHaveBeenCalledTimes(1);
    expect(editWorld).toHaveBeenCalledWith({ randomBuyers: 10 });
    // A change no key made (assistive technology, a test's fill): applied at once.
    editWorld.mockClear();
    fireEvent.change(noise, { target: { value: '20' } });
    expect(editWorld).toHaveBeenCalledTimes(1);
    expect(editWorld).toHaveBeenCalledWith({ randomBuyers: 20 });
    // Back on the scenario's own value: left alone again (null), not a custom world.
    editWorld.mockClear();
    fireEvent.keyDown(input, { key: 'ArrowLeft' });
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.keyUp(input, { key: 'ArrowLeft' });
    expect(editWorld).not.toHaveBeenCalled();
  });

  it('resets one knob, or all, to the scenario’s own', () => {
    const { editWorld } = renderEditor(short({ valentineEffect: 2, bugShare: 30 }));
    expect(slider(VDAY).value).toBe('2');
    const label = editorOf('seasonStrength').label;
    // A knob left alone has nothing to reset.
    expect(
      screen.getByRole<HTMLButtonElement>('button', {
        name: `Reset ${label} to the scenario’s own`,
      }).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: `Reset ${VDAY} to the scenario’s own` }));
    expect(editWorld).toHaveBeenCalledWith({ valentineEffect: null });
    fireEvent.click(screen.getByRole('button', { name: 'Reset all to the scenario' }));
    expect(editWorld).toHaveBeenLastCalledWith(NO_KNOBS);
  });

  it('says when a knob does nothing in this world', () => {
    renderEditor(short({ scenario: 'stable', days: 365 }));
    const lead = slider(editorOf('valentineLeadDays').label).closest('[data-knob]')!;
    expect(lead.textContent).toContain('Does nothing while Valentine’s Day has no effect.');
    const outage = slider(editorOf('outageDay').label).closest('[data-knob]')!;
    expect(outage.textContent).toContain('Does nothing while the outage lasts 0 days.');
    const bug = slider(editorOf('bugDay').label).closest('[data-knob]')!;
    expect(bug.textContent).toContain('Does nothing while the bug flips no labels.');
    // With an effect, the lead does something.
    const seasons = slider(editorOf('seasonStrength').label).closest('[data-knob]')!;
    expect(seasons.textContent).not.toContain('Does nothing');
  });
});

describe('where the editor opens', () => {
  it('opens from its button in the chart panel, and when a chapter spotlights it', async () => {
    const store = createLabStore(inProcessClient('cpu'), { settings: short() });
    render(
      <LabStoreProvider store={store}>
        <ChartPanel />
      </LabStoreProvider>,
    );
    const toggle = screen.getByRole('button', { name: 'What if…' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector(WORLD_EDITOR_SPOTLIGHT)).toBeNull();
    fireEvent.click(toggle);
    expect(document.querySelector(WORLD_EDITOR_SPOTLIGHT)).not.toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(document.querySelector(WORLD_EDITOR_SPOTLIGHT)).toBeNull();
    act(() => store.getState().spotlight(WORLD_EDITOR_SPOTLIGHT));
    await waitFor(() => expect(document.querySelector(WORLD_EDITOR_SPOTLIGHT)).not.toBeNull());
  });
});

describe('editWorld', () => {
  it('re-runs the whole year with the knob, the view following to the end', async () => {
    const store = createLabStore(inProcessClient('cpu'), { settings: short() });
    const runId = store.getState().runId;
    store.getState().editWorld({ valentineEffect: null });
    // Nothing changes: no new run.
    expect(store.getState().runId).toBe(runId);
    store.getState().editWorld({ valentineEffect: 2 });
    const s = store.getState();
    expect(s.settings.valentineEffect).toBe(2);
    expect(s.runId).toBe(runId + 1);
    expect(s.target).toBe(40);
    expect(s.status).toBe('running');
    await waitFor(() => expect(store.getState().view).toBe(40), { timeout: 60_000 });
    expect(store.getState().days).toHaveLength(40);
    expect(store.getState().status).toBe('paused');
  }, 90_000);
});
