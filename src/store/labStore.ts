/**
 * The lab's state: settings, playback, the results streamed from the engine,
 * how they are displayed, the strategy comparison and many worlds, as one
 * vanilla zustand store composed of six slices (one file each).
 *
 * Owns: composing the slices, and the link to the engine they share
 * (`LabRun`): starting a run, asking it for days, and the rules for what it
 * sends back: results of an old run, or of an engine already declared dead,
 * are dropped; the day on screen never passes the days computed.
 * Must not touch: the Worker itself (it talks to an `EngineClient` kept in a
 * closure, never in state), models, tensors, the DOM, or storage (the caller
 * subscribes and persists).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSettings } from '../sim/settings';
import type { EngineClient } from '../worker/client/engineClient';
import type { Batch, RunFailure } from '../worker/shared/protocol';
import { type CompareSlice, createCompareSlice } from './compareSlice';
import { createDisplaySlice, type DisplaySlice } from './displaySlice';
import type { LabInit, LabRun } from './labTypes';
import { createManySeedsSlice, type ManySeedsSlice } from './manySeedsSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

export {
  SPEEDS,
  type Display,
  type LabInit,
  type Notice,
  type PlaybackStatus,
  type Speed,
} from './labTypes';
export type {
  CompareSlice,
  DisplaySlice,
  ManySeedsSlice,
  PlaybackSlice,
  ResultsSlice,
  SettingsSlice,
};

export type LabState = SettingsSlice &
  PlaybackSlice &
  ResultsSlice &
  DisplaySlice &
  CompareSlice &
  ManySeedsSlice;
export type LabStore = StoreApi<LabState>;

/** Creates the store and starts the first run. */
export function createLabStore(client: EngineClient, init: LabInit = {}): LabStore {
  const startDay = Math.max(0, Math.min(init.day ?? 0, (init.settings ?? defaultSettings()).days));

  const store = createStore<LabState>()((set, get) => {
    const onBatch = (batch: Batch) => {
      const s = get();
      // A late result of an older run, or of an engine already declared dead.
      if (batch.runId !== s.runId || s.failure) return;
      const last = s.days.length;
      const fresh = batch.days.filter((d) => d.day > last);
      const days = fresh.length > 0 ? [...s.days, ...fresh] : s.days;
      const computed = batch.computed;
      const view = Math.min(s.target, days.length);
      const finished = s.status === 'running' && view >= s.settings.days;
      set({
        days,
        computed,
        summary: batch.summary,
        view: s.status === 'playing' ? Math.min(Math.floor(run.playhead), days.length) : view,
        status: finished ? 'paused' : s.status,
      });
    };

    const onFailure = (failure: RunFailure) => {
      if (failure.runId !== get().runId) return;
      set({ failure, status: 'paused' });
    };

    const run: LabRun = {
      playhead: 0,
      ready: Promise.resolve(),
      request(day) {
        const { runId, computed } = get();
        if (day <= computed) return;
        void run.ready.then(() => {
          if (get().runId === runId && !get().failure) client.runTo(runId, day, get().days.length);
        });
      },
      startRun(keepDays) {
        const runId = get().runId + 1;
        const { settings, target } = get();
        set({
          runId,
          failure: null,
          computed: 0,
          ...(keepDays ? {} : { days: [], summary: null, view: 0 }),
        });
        run.ready = client
          .init(settings, runId, { batch: onBatch, failure: onFailure }, get().interventions)
          .catch((error: unknown) => {
            onFailure({
              runId,
              message: error instanceof Error ? error.message : String(error),
              lastGoodDay: get().days.length,
            });
          });
        if (target > 0) run.request(target);
      },
    };

    client.onCrash((message) => {
      const { runId, days } = get();
      set({ failure: { runId, message, lastGoodDay: days.length }, status: 'paused' });
    });

    return {
      ...createSettingsSlice(set, get, run, init),
      ...createPlaybackSlice(set, get, client, run, startDay),
      ...createDisplaySlice(set, get, init.display),
      ...createCompareSlice(set, get, client),
      ...createManySeedsSlice(set, get, client),
      ...createResultsSlice(set, get, client, run),
    };
  });

  // A many-worlds result belongs to the settings it ran with: new settings drop it.
  store.subscribe((state, previous) => {
    if (state.settings !== previous.settings && state.seedsResult) {
      store.setState({ seedsResult: null });
    }
  });

  void client.start().then(
    (backend) => store.setState({ backend }),
    (error: unknown) =>
      store.setState({
        failure: {
          runId: store.getState().runId,
          message: `the engine could not start: ${error instanceof Error ? error.message : String(error)}`,
          lastGoodDay: 0,
        },
      }),
  );
  store.getState().reset();
  if (startDay > 0) store.getState().seek(startDay);
  return store;
}
