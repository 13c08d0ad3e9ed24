/**
 * The "next event" step (playbackSlice.nextEvent) with the real engine in
 * process: to an event whose day is computed at once; past the days computed,
 * playing on and stopping on the first event that shows up, a rush (known
 * from the world) at the latest; nothing at the end of the run. The events
 * expected are read by this test from a reference run's days, not by the
 * helper under test.
 */
import { describe, expect, it } from 'vitest';
import type { DayResult } from '../../src/sim/contract';
import { createLabStore, type LabStore } from '../../src/store/labStore';
import { settingsWith } from './helpers';
import { inProcessClient } from '../support/inProcessClient';

// Past Christmas' rush (from 12 December, day 165), with few visitors: quick.
const settings = settingsWith({ days: 200, visitorsPerDay: 150, seed: 4 });
const CHRISTMAS_RUSH = 165;

async function until(store: LabStore, check: (s: ReturnType<LabStore['getState']>) => boolean) {
  for (let i = 0; i < 4000; i++) {
    if (check(store.getState())) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  const s = store.getState();
  throw new Error(`timed out: view ${s.view}, days ${s.days.length}, status ${s.status}`);
}

/** Days with an event, read straight from the results: a newly dark source, an alert, a blocked or failed job, a rollback. */
function eventDays(days: readonly DayResult[]): number[] {
  const out: number[] = [];
  let dark = 0;
  for (const d of days) {
    const happened =
      d.darkFeatures.length > dark ||
      (d.drift?.alerts.length ?? 0) > 0 ||
      (d.dynamic?.jobs ?? []).some((j) => j.status === 'rejected' || j.status === 'failed') ||
      d.audit.some((a) => a.action === 'rollback' && a.to !== null);
    dark = d.darkFeatures.length;
    if (happened) out.push(d.day);
  }
  return out;
}

/** Plays the animation frames the page would (50 ms each) until playback stops. */
async function playUntilPaused(store: LabStore) {
  for (let i = 0; i < 4000 && store.getState().status === 'playing'; i++) {
    store.getState().tick(50);
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('next event', () => {
  it('jumps to each computed event in turn, and to the rush, whose start the world gives', async () => {
    const store = createLabStore(inProcessClient(), { settings });
    store.getState().runToEnd();
    await until(store, (s) => s.view === 200 && s.status === 'paused');
    const want = [...eventDays(store.getState().days), CHRISTMAS_RUSH].sort((a, b) => a - b);
    store.getState().seek(70);
    const seen: number[] = [];
    for (const expected of want.filter((d) => d > 70)) {
      store.getState().nextEvent();
      // Computed: no waiting, no playing.
      expect(store.getState().status).toBe('paused');
      expect(store.getState().view).toBe(expected);
      seen.push(store.getState().view);
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toContain(CHRISTMAS_RUSH);
    // At the last event, or past it, the step stays put.
    store.getState().seek(200);
    store.getState().nextEvent();
    expect(store.getState().view).toBe(200);
    expect(store.getState().status).toBe('paused');
  });

  it('beyond the days computed, plays on and stops on the first event that shows up', async () => {
    const reference = createLabStore(inProcessClient(), { settings });
    reference.getState().runToEnd();
    await until(reference, (s) => s.view === 200 && s.status === 'paused');
    const events = eventDays(reference.getState().days);

    const store = createLabStore(inProcessClient(), { settings });
    store.getState().stepDays(100);
    await until(store, (s) => s.view === 100);
    const first = [...events, CHRISTMAS_RUSH].filter((d) => d > 100).sort((a, b) => a - b)[0];
    expect(store.getState().days.length).toBeLessThan(first);
    store.getState().nextEvent();
    expect(store.getState().status).toBe('playing');
    await playUntilPaused(store);
    expect(store.getState().view).toBe(first);
    expect(store.getState().status).toBe('paused');
    // The day stays put as the engine's last batch lands.
    await new Promise((r) => setTimeout(r, 200));
    expect(store.getState().view).toBe(first);
  });

  it('past the last drift alert, stops on the rush at the latest', async () => {
    const reference = createLabStore(inProcessClient(), { settings });
    reference.getState().runToEnd();
    await until(reference, (s) => s.view === 200 && s.status === 'paused');
    const events = eventDays(reference.getState().days);
    const before = events.filter((d) => d < CHRISTMAS_RUSH).at(-1) ?? 0;
    const store = createLabStore(inProcessClient(), { settings });
    store.getState().seek(before);
    await until(store, (s) => s.view === before);
    store.getState().nextEvent();
    await playUntilPaused(store);
    const inBetween = events.filter((d) => d > before && d < CHRISTMAS_RUSH);
    expect(inBetween).toEqual([]);
    expect(store.getState().view).toBe(CHRISTMAS_RUSH);
  });

  it('while running to the end, goes from the day on screen, not from the last day', async () => {
    const store = createLabStore(inProcessClient(), { settings });
    store.getState().runToEnd();
    await until(store, (s) => s.view >= 60);
    const from = store.getState().view;
    store.getState().nextEvent();
    await playUntilPaused(store);
    const at = store.getState().view;
    expect(at).toBeGreaterThan(from);
    expect(at).toBeLessThan(200);
    await until(store, (s) => s.days.length >= at);
    // It stopped on an event, and on the first one after the day it started from.
    const events = [...eventDays(store.getState().days), CHRISTMAS_RUSH].filter((d) => d > from);
    expect(at).toBe(Math.min(...events));
  });

  it('a month step keeps its meaning after a next-event step', async () => {
    const store = createLabStore(inProcessClient(), { settings });
    store.getState().stepDays(62);
    await until(store, (s) => s.view === 62);
    store.getState().nextEvent();
    await playUntilPaused(store);
    const at = store.getState().view;
    store.getState().stepMonth();
    await until(store, (s) => s.status === 'paused' && s.view === s.target && s.view > at);
    const date = store.getState().days[store.getState().view - 1].date;
    // The last day of a month.
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(next.getUTCDate()).toBe(1);
  });
});
