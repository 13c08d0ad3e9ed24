/**
 * The lab's state: settings, playback, the results streamed from the engine
 * and how they are displayed, as one vanilla zustand store in four slices.
 *
 * Owns: what the user asked for (settings, the day on screen, play/pause,
 * speed) and what the engine reported (days, summary, backend, failures),
 * and the rules joining them: results of an old run are dropped; the day on
 * screen never passes the days computed; a settings change re-runs from the
 * start back to the same day.
 * Must not touch: the Worker itself (it talks to an `EngineClient` kept in a
 * closure, never in state), models, tensors, the DOM, or storage (the caller
 * subscribes and persists).
 */
import { createStore } from 'zustand/vanilla';
import { COLLECTION_DAYS } from '../sim/ops/schedule';
import type { Intervention } from '../sim/contract';
import { defaultSettings } from '../sim/settings';
import type { EngineClient } from '../worker/client';
import type { Batch, RunFailure } from '../worker/protocol';
import { compareSlice } from './compareSlice';
import type { LabInit, LabState, LabStore } from './labTypes';
import { monthStep } from '../sim/world/calendar';

export * from './labTypes';

/** Creates the store and starts the first run. */
export function createLabStore(client: EngineClient, init: LabInit = {}): LabStore {
  const startDay = Math.max(0, Math.min(init.day ?? 0, (init.settings ?? defaultSettings()).days));
  let playhead = 0;
  let ready: Promise<void> = Promise.resolve();

  const store = createStore<LabState>()((set, get) => {
    const lastDay = () => get().settings.days;

    /** Asks the engine for days up to `day` once the current run is initialised. */
    const request = (day: number) => {
      const { runId, computed } = get();
      if (day <= computed) return;
      void ready.then(() => {
        if (get().runId === runId && !get().failure) client.runTo(runId, day, get().days.length);
      });
    };

    /** Moves the target (and the view, as far as computed) to `day`. */
    const goTo = (day: number) => {
      const target = Math.max(0, Math.min(lastDay(), Math.round(day)));
      set({ target, view: Math.min(target, get().days.length) });
      request(target);
    };

    /**
     * Where a step starts: the day asked for, so quick clicks add up while the
     * engine catches up; the day on screen when playing (the target runs ahead).
     * Pauses playback.
     */
    const stepBase = () => {
      const { status, view, target } = get();
      set({ status: 'paused' });
      return status === 'playing' ? view : target;
    };

    const onBatch = (batch: Batch) => {
      const s = get();
      // A late result of an older run, or of an engine already declared dead.
      if (batch.runId !== s.runId || s.failure) return;
      const last = s.days.length;
      const fresh = batch.days.filter((d) => d.day > last);
      const days = fresh.length > 0 ? [...s.days, ...fresh] : s.days;
      const computed = batch.computed;
      const view = Math.min(s.target, days.length);
      const finished = s.status === 'running' && view >= lastDay();
      set({
        days,
        computed,
        summary: batch.summary,
        view: s.status === 'playing' ? Math.min(Math.floor(playhead), days.length) : view,
        status: finished ? 'paused' : s.status,
      });
    };

    const onFailure = (failure: RunFailure) => {
      if (failure.runId !== get().runId) return;
      set({ failure, status: 'paused' });
    };

    client.onCrash((message) => {
      const { runId, days } = get();
      set({ failure: { runId, message, lastGoodDay: days.length }, status: 'paused' });
    });

    /** Starts run `runId + 1` with the current settings and asks for `target` days. */
    const startRun = (keepDays: boolean) => {
      const runId = get().runId + 1;
      const { settings, target } = get();
      set({
        runId,
        failure: null,
        computed: 0,
        ...(keepDays ? {} : { days: [], summary: null, view: 0 }),
      });
      ready = client
        .init(settings, runId, { batch: onBatch, failure: onFailure }, get().interventions)
        .catch((error: unknown) => {
          onFailure({
            runId,
            message: error instanceof Error ? error.message : String(error),
            lastGoodDay: get().days.length,
          });
        });
      if (target > 0) request(target);
    };

    /**
     * Records an action at the end of the day on screen. Days after it are
     * recomputed (interventions planned for later days are dropped: the run
     * they belonged to no longer exists); days up to it are replayed quietly.
     */
    const intervene = (iv: Intervention, reason: string) => {
      const day = iv.day;
      const interventions = [...get().interventions.filter((i) => i.day <= day), iv];
      set({
        interventions,
        // That day itself is recomputed too: its result now records the action.
        days: get().days.slice(0, Math.max(0, day - 1)),
        status: 'paused',
        target: day + 1,
        rerunReason: `${reason} at the end of day ${day}`,
      });
      startRun(true);
    };

    return {
      // settings
      settings: init.settings ?? defaultSettings(),
      interventions: init.interventions ?? [],
      notices: init.notices ?? [],
      rerunReason: null,
      openMoment(settings, day, interventions, reason) {
        // Interventions first: the new run starts with whatever the store holds.
        set({ interventions });
        get().applySettings(settings, reason);
        get().seek(day);
      },
      rollback(version) {
        intervene({ day: get().view, kind: 'rollback', version }, `Rolled back to v${version}`);
      },
      toggleGate(gate, on) {
        const { view, settings } = get();
        if (view < COLLECTION_DAYS) {
          const key = gate === 'validation' ? 'validationGate' : 'dataGate';
          get().applySettings(
            { ...settings, [key]: on },
            `The ${gate} gate is ${on ? 'on' : 'off'}`,
          );
          return;
        }
        intervene(
          { day: view, kind: 'gate', gate, on },
          `The ${gate} gate switched ${on ? 'on' : 'off'}`,
        );
      },
      applySettings(next, reason = 'Settings changed') {
        const keepDay = Math.min(get().view, next.days);
        set({
          settings: next,
          rerunReason: reason,
          status: 'paused',
          target: keepDay,
          comparison: null,
        });
        playhead = keepDay;
        startRun(false);
      },
      addNotice(notice) {
        set({ notices: [...get().notices.filter((n) => n.id !== notice.id), notice] });
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },

      // playback
      status: 'paused',
      speed: 7,
      view: 0,
      target: startDay,
      play() {
        if (get().view >= lastDay()) goTo(0);
        playhead = get().view;
        set({ status: 'playing' });
      },
      pause() {
        const { runId, computed } = get();
        set({ status: 'paused', target: computed, view: Math.min(get().view, computed) });
        playhead = get().view;
        void ready.then(() => client.pause(runId)).catch(() => {});
      },
      togglePlay() {
        if (get().status === 'paused') get().play();
        else get().pause();
      },
      stepDays(n) {
        goTo(stepBase() + n);
      },
      stepMonth() {
        goTo(monthStep(get().settings.startDate, stepBase(), lastDay()));
      },
      runToEnd() {
        set({ status: 'running' });
        goTo(lastDay());
      },
      seek(day) {
        set({ status: 'paused' });
        goTo(day);
      },
      setSpeed(speed) {
        set({ speed });
      },
      tick(ms) {
        const s = get();
        if (s.status !== 'playing') return;
        // Never run more than a day ahead of what the engine has computed.
        const have = s.days.length;
        playhead = Math.min(playhead + (s.speed * ms) / 1000, have + 1);
        const day = Math.min(lastDay(), Math.floor(playhead + 1e-9));
        const lookahead = Math.min(lastDay(), day + Math.ceil(s.speed / 2) + 1);
        if (lookahead > s.target) {
          set({ target: lookahead });
          request(lookahead);
        }
        const view = Math.min(day, have);
        if (view !== s.view) set({ view });
        if (day >= lastDay() && have >= lastDay()) set({ status: 'paused', view: lastDay() });
      },
      reset() {
        set({ status: 'paused', target: 0, rerunReason: null });
        playhead = 0;
        startRun(false);
      },

      // display
      display: {
        rolling: 1,
        showOracle: true,
        showBaseline: true,
        mode: 'chart',
        helpOpen: false,
        settingsOpen: false,
        presenting: false,
        presentPanel: 'cards',
        glossary: null,
        driftRole: 'static',
        driftScope: 'day',
        ...init.display,
      },
      setDisplay(change) {
        set({ display: { ...get().display, ...change } });
      },

      // comparison
      ...compareSlice(set, get, client),

      // results
      runId: 0,
      days: [],
      summary: null,
      computed: 0,
      backend: null,
      failure: null,
      restart() {
        const { days } = get();
        client.restart();
        set({ target: Math.max(get().target, days.length) });
        void client.start().then(
          (backend) => set({ backend }),
          () => {},
        );
        startRun(true);
      },
    };
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
