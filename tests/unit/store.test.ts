/**
 * The lab store with the real engine host (in process): stepping, playing,
 * pausing a full run, dropping stale results, re-running on a settings change,
 * and recovering from a dead engine without losing a day.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { savedSettingsNotice } from '../../src/store/savedSettings';
import { settingsWith, withoutTimings } from './helpers';
import { inProcessClient } from '../support/inProcessClient';

const small = settingsWith({ days: 120, visitorsPerDay: 150, seed: 4 });

/** Resolves once `check` holds for the store's state (polling the event loop). */
async function until(store: LabStore, check: (s: ReturnType<LabStore['getState']>) => boolean) {
  for (let i = 0; i < 2000; i++) {
    if (check(store.getState())) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  const s = store.getState();
  throw new Error(
    `timed out: view ${s.view}, days ${s.days.length}, failure ${s.failure?.message}`,
  );
}

describe('the lab store', () => {
  it('steps whole months: 31 Jul, 31 Aug, 30 Sep', async () => {
    const store = createLabStore(inProcessClient(), { settings: small });
    const dates: string[] = [];
    for (let i = 0; i < 3; i++) {
      store.getState().stepMonth();
      const want = [31, 62, 92][i];
      await until(store, (s) => s.view === want);
      dates.push(store.getState().days[store.getState().view - 1].date);
    }
    expect(dates).toEqual(['2025-07-31', '2025-08-31', '2025-09-30']);
    expect(store.getState().status).toBe('paused');
  });

  it('days, weeks and seeking back never recompute what exists', async () => {
    const client = inProcessClient();
    const store = createLabStore(client, { settings: small });
    store.getState().stepDays(7);
    await until(store, (s) => s.view === 7);
    store.getState().stepDays(1);
    await until(store, (s) => s.view === 8);
    const runs = client.calls.filter((c) => c.startsWith('runTo')).length;
    store.getState().seek(3);
    expect(store.getState().view).toBe(3);
    store.getState().stepDays(2);
    expect(store.getState().view).toBe(5);
    expect(client.calls.filter((c) => c.startsWith('runTo')).length).toBe(runs);
  });

  it('pause during a full run stops it before the end; run to the end then completes it', async () => {
    const store = createLabStore(inProcessClient(), { settings: small });
    store.getState().runToEnd();
    await until(store, (s) => s.days.length >= 70);
    store.getState().pause();
    const stoppedAt = store.getState().view;
    await new Promise((r) => setTimeout(r, 200));
    expect(store.getState().status).toBe('paused');
    expect(store.getState().view).toBe(stoppedAt);
    expect(stoppedAt).toBeLessThan(120);
    store.getState().runToEnd();
    await until(store, (s) => s.view === 120);
    expect(store.getState().status).toBe('paused');
    expect(store.getState().days.map((d) => d.day)).toEqual(
      Array.from({ length: 120 }, (_, i) => i + 1),
    );
  });

  it('playing advances the day with real time at the chosen speed', async () => {
    const store = createLabStore(inProcessClient(), { settings: small });
    // Computed ahead, so playback never waits for the engine.
    store.getState().stepDays(40);
    await until(store, (s) => s.view === 40);
    store.getState().seek(0);
    store.getState().setSpeed(30);
    store.getState().play();
    for (let i = 0; i < 20; i++) store.getState().tick(50); // one second in total: 30 days
    expect(store.getState().view).toBe(30);
    expect(store.getState().status).toBe('playing');
    store.getState().pause();
    expect(store.getState().status).toBe('paused');
  });

  it('drops results from an older run after a reset', async () => {
    const client = inProcessClient();
    const store = createLabStore(client, { settings: small });
    store.getState().stepDays(40);
    store.getState().reset();
    const runId = store.getState().runId;
    store.getState().stepDays(5);
    await until(store, (s) => s.view === 5);
    await new Promise((r) => setTimeout(r, 100));
    expect(store.getState().runId).toBe(runId);
    expect(store.getState().days).toHaveLength(5);
  });

  it('a settings change re-runs from the start back to the same day, with a reason', async () => {
    const store = createLabStore(inProcessClient(), { settings: small });
    store.getState().stepDays(80);
    await until(store, (s) => s.view === 80);
    const before = store.getState().days[79].dynamic!.trainingRuns;
    store.getState().applySettings({ ...small, cadence: 'weekly' }, 'Settings changed (cadence)');
    expect(store.getState().days).toHaveLength(0);
    await until(store, (s) => s.view === 80);
    expect(store.getState().rerunReason).toBe('Settings changed (cadence)');
    expect(store.getState().days[79].dynamic!.trainingRuns).toBeLessThan(before);
  });

  it('after the engine dies, restart resumes from the last good day with identical numbers', async () => {
    const reference = createLabStore(inProcessClient(), { settings: small });
    reference.getState().stepDays(90);
    await until(reference, (s) => s.view === 90);

    const client = inProcessClient();
    const store = createLabStore(client, { settings: small });
    store.getState().stepDays(70);
    await until(store, (s) => s.view === 70);
    client.crash('the worker ran out of memory');
    expect(store.getState().failure).toMatchObject({ lastGoodDay: 70 });
    const settingsBefore = store.getState().settings;
    store.getState().restart();
    expect(store.getState().days).toHaveLength(70);
    store.getState().stepDays(20);
    await until(store, (s) => s.view === 90);
    expect(store.getState().failure).toBeNull();
    expect(store.getState().settings).toBe(settingsBefore);
    expect(client.hosts).toBe(2);
    expect(withoutTimings(store.getState().days)).toEqual(
      withoutTimings(reference.getState().days),
    );
  });

  it('a worker that threw but keeps sending is ignored until restarted, then resumes exactly', async () => {
    const reference = createLabStore(inProcessClient(), { settings: small });
    reference.getState().stepDays(120);
    await until(reference, (s) => s.view === 120);

    const client = inProcessClient();
    const store = createLabStore(client, { settings: small });
    store.getState().stepDays(120);
    await until(store, (s) => s.days.length >= 40);
    client.crash('injected fault', { keepTalking: true });
    const lastGood = store.getState().failure!.lastGoodDay;
    expect(store.getState().days).toHaveLength(lastGood);
    // The faulty engine goes on computing; none of what it sends is taken.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getState().days).toHaveLength(lastGood);
    expect(store.getState().view).toBeLessThanOrEqual(lastGood);
    store.getState().restart();
    await until(store, (s) => s.view === 120);
    expect(withoutTimings(store.getState().days)).toEqual(
      withoutTimings(reference.getState().days),
    );
  });

  it('opening at a shared day computes up to it and shows it', async () => {
    const store = createLabStore(inProcessClient(), { settings: small, day: 75 });
    await until(store, (s) => s.view === 75);
    expect(store.getState().days).toHaveLength(75);
    expect(store.getState().status).toBe('paused');
  });
});

describe('quick steps add up', () => {
  it('three month steps in a row, before any result arrives, land on 30 Sep', async () => {
    const store = createLabStore(inProcessClient(), { settings: small });
    store.getState().stepMonth();
    store.getState().stepMonth();
    store.getState().stepMonth();
    expect(store.getState().target).toBe(92);
    await until(store, (s) => s.view === 92);
  });
});

describe('interventions', () => {
  it('a rollback at the day on screen recomputes that day with the audit entry, and is kept for replay', async () => {
    const store = createLabStore(inProcessClient(), { settings: small });
    store.getState().stepDays(80);
    await until(store, (s) => s.view === 80);
    store.getState().rollback(1);
    expect(store.getState().interventions).toEqual([{ day: 80, kind: 'rollback', version: 1 }]);
    await until(store, (s) => s.view === 81);
    expect(store.getState().days[79].audit.some((a) => a.action === 'rollback' && a.to === 1)).toBe(
      true,
    );
    expect(store.getState().days[80].dynamic!.servingVersion).toBe(1);
  });

  it('a second switch of a gate on the same day replaces the first; the next day adds one', async () => {
    const store = createLabStore(inProcessClient(), { settings: small });
    store.getState().stepDays(70);
    await until(store, (s) => s.view === 70);
    store.getState().toggleGate('data', false);
    store.getState().toggleGate('data', true);
    expect(store.getState().interventions).toEqual([
      { day: 70, kind: 'gate', gate: 'data', on: true },
    ]);
    store.getState().toggleGate('validation', false);
    store.getState().toggleGate('data', false);
    expect(store.getState().interventions).toEqual([
      { day: 70, kind: 'gate', gate: 'validation', on: false },
      { day: 70, kind: 'gate', gate: 'data', on: false },
    ]);
    await until(store, (s) => s.view === 71);
    store.getState().toggleGate('data', true);
    expect(store.getState().interventions.at(-1)).toEqual({
      day: 71,
      kind: 'gate',
      gate: 'data',
      on: true,
    });
  });
});

describe("a notice's button", () => {
  it("'Use the lesson’s settings' applies the defaults, re-runs with a reason, and closes the notice", () => {
    const notice = savedSettingsNotice(small);
    expect(notice?.action?.does).toBe('restoreLessonSettings');
    const store = createLabStore(inProcessClient(), {
      settings: small,
      notices: notice ? [notice] : [],
      // The second switch repeats what is already so (the data gate is off from day 100): it goes.
      interventions: [
        { day: 100, kind: 'gate', gate: 'data', on: false },
        { day: 110, kind: 'gate', gate: 'data', on: false },
      ],
    });
    store.getState().runNoticeAction(notice?.id ?? '');
    const s = store.getState();
    expect(s.settings).toEqual(defaultSettings());
    expect(s.rerunReason).toBe('Back to the lesson’s settings');
    expect(s.notices).toEqual([]);
    expect(s.interventions).toEqual([{ day: 100, kind: 'gate', gate: 'data', on: false }]);
  });
});
