/**
 * The playback slice of the lab store: the day on screen, the day the engine
 * was asked for, play/pause and speed.
 *
 * Owns: moving through the run (steps, months, seeking, playing in real
 * time, running to the end, a reset), and the rule that the day on screen
 * never passes the days computed.
 * Must not touch: the results themselves (the engine's batches land in
 * labStore.ts), settings, or the DOM (the animation frame calls `tick`).
 */
import type { DayResult } from '../sim/contract';
import type { Settings } from '../sim/settings';
import type { EngineClient } from '../worker/client/engineClient';
import type { RunId } from '../worker/shared/protocol';
import type { LabRun, PlaybackStatus, SliceGet, SliceSet, Speed } from './labTypes';
import { monthStep } from '../sim/world/calendar';
import { nextEvent, type StoryEvent, storyEvents } from '../sim/story/events';
import type { RunShape } from '../sim/story/rush';

export interface PlaybackSlice {
  status: PlaybackStatus;
  speed: Speed;
  /** Days on screen (0 = before the first day). */
  view: number;
  /** Days the engine was asked to compute. */
  target: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepDays(n: number): void;
  stepMonth(): void;
  /**
   * Jumps to the next event after the day on screen (storyEvents): to it if
   * its day is computed (or, for a rush, known from the world and nothing can
   * come before it); else plays on quickly and stops on the first event that
   * shows up.
   */
  nextEvent(): void;
  runToEnd(): void;
  /** Moves the view to `day`, computing up to it if needed; pauses playback. */
  seek(day: number): void;
  setSpeed(speed: Speed): void;
  /** Advances playback by `ms` of real time (called once per animation frame). */
  tick(ms: number): void;
  /** Starts the run again from day 0 with the same settings. */
  reset(): void;
}

/** What playback reads and writes of the other slices. */
interface Others {
  settings: Settings;
  rerunReason: string | null;
  runId: RunId;
  days: DayResult[];
  computed: number;
}

type Lab = PlaybackSlice & Others;

/** Days per second while "next event" plays on to find one. */
export const EVENT_HUNT_SPEED = 60;

/**
 * Where "next event" goes from `from`: the next event and whether it is
 * certain (its day is computed, so nothing unknown lies before it); an
 * uncertain one (a rush beyond the days computed) is where the search stops
 * at the latest. Null: no event is known ahead.
 */
export function nextEventStop(
  days: readonly DayResult[],
  settings: RunShape,
  from: number,
): { event: StoryEvent; certain: boolean } | null {
  const event = nextEvent(storyEvents(days, settings), from);
  return event && { event, certain: event.day <= days.length };
}

/** `startDay`: the day asked for before the first run starts (a shared link's day). */
export function createPlaybackSlice(
  set: SliceSet<Lab>,
  get: SliceGet<Lab>,
  client: EngineClient,
  run: LabRun,
  startDay: number,
): PlaybackSlice {
  const lastDay = () => get().settings.days;
  /** While "next event" plays on to find one: the day it started after. */
  let hunt: { after: number } | null = null;

  /** Moves the target (and the view, as far as computed) to `day`. */
  const goTo = (day: number) => {
    const target = Math.max(0, Math.min(lastDay(), Math.round(day)));
    set({ target, view: Math.min(target, get().days.length) });
    run.request(target);
  };

  /**
   * Where a step starts: the day asked for, so quick clicks add up while the
   * engine catches up; the day on screen when playing (the target runs ahead).
   * Pauses playback.
   */
  const stepBase = () => {
    const { status, view, target } = get();
    hunt = null;
    set({ status: 'paused' });
    return status === 'playing' ? view : target;
  };

  return {
    status: 'paused',
    speed: 7,
    view: 0,
    target: startDay,
    play() {
      hunt = null;
      if (get().view >= lastDay()) goTo(0);
      run.playhead = get().view;
      set({ status: 'playing' });
    },
    pause() {
      hunt = null;
      const { runId, computed } = get();
      set({ status: 'paused', target: computed, view: Math.min(get().view, computed) });
      run.playhead = get().view;
      void run.ready.then(() => client.pause(runId)).catch(() => {});
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
    nextEvent() {
      // From the day asked for when paused (quick presses add up), else the day on screen
      // (while running to the end, the day asked for is the last).
      const { status, view } = get();
      const asked = stepBase();
      const from = status === 'paused' ? asked : view;
      const stop = nextEventStop(get().days, get().settings, from);
      if (stop?.certain) return goTo(stop.event.day);
      if (from >= lastDay()) return;
      // Nothing known before the days computed: play on from `from` and stop on the first event.
      if (from !== get().view) goTo(from);
      hunt = { after: from };
      run.playhead = get().view;
      set({ status: 'playing' });
    },
    runToEnd() {
      hunt = null;
      set({ status: 'running' });
      goTo(lastDay());
    },
    seek(day) {
      hunt = null;
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
      const speed = hunt ? Math.max(s.speed, EVENT_HUNT_SPEED) : s.speed;
      run.playhead = Math.min(run.playhead + (speed * ms) / 1000, have + 1);
      const day = Math.min(lastDay(), Math.floor(run.playhead + 1e-9));
      const lookahead = Math.min(lastDay(), day + Math.ceil(speed / 2) + 1);
      if (lookahead > s.target) {
        set({ target: lookahead });
        run.request(lookahead);
      }
      const view = Math.min(day, have);
      if (hunt && view > s.view) {
        const found = nextEventStop(s.days.slice(0, view), s.settings, hunt.after);
        if (found && found.event.day <= view) {
          hunt = null;
          run.playhead = found.event.day;
          set({ status: 'paused', view: found.event.day, target: found.event.day });
          return;
        }
      }
      if (view !== s.view) set({ view });
      if (day >= lastDay() && have >= lastDay()) set({ status: 'paused', view: lastDay() });
    },
    reset() {
      hunt = null;
      set({ status: 'paused', target: 0, rerunReason: null });
      run.playhead = 0;
      run.startRun(false);
    },
  };
}
