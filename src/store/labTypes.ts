/**
 * What the lab store's slices share: plain shapes (notices, playback speeds,
 * how results are displayed, what creating the store takes) and the way a
 * slice is handed its `set`, its `get` and the current run.
 *
 * Owns: these shapes. Imports no slice, so no slice file ever imports another
 * (each slice names what it reads of the others as plain fields of its own).
 * Must not touch: behaviour (the slices and labStore.ts).
 */
import type { Intervention } from '../sim/contract';
import type { Settings } from '../sim/settings';
import type { Tab } from './tabs';

/** Playback speeds, in simulated days per second of real time. */
export const SPEEDS = [1, 7, 30, 90] as const;
export type Speed = (typeof SPEEDS)[number];

/** paused: nothing moves; playing: days advance at `speed`; running: as fast as the engine goes. */
export type PlaybackStatus = 'paused' | 'playing' | 'running';

/**
 * The store actions a notice's button may run, by name (notices stay plain
 * data, made before the store exists). Adding one: its name here and the
 * action in a slice, taking no arguments.
 */
export type NoticeActionName = 'restoreLessonSettings';

/** A notice's one button: its label says what it does. */
export interface NoticeAction {
  label: string;
  does: NoticeActionName;
}

export interface Notice {
  id: string;
  /** warning: the user should read it; info: a quiet note. */
  tone: 'warning' | 'info';
  text: string;
  /** One button beside "Dismiss" that runs a store action and closes the notice. */
  action?: NoticeAction;
}

/** How the results are shown; kept with the lab so keyboard shortcuts can reach it. */
export interface Display {
  /** Days in the chart's trailing mean. */
  rolling: 1 | 7 | 28;
  showOracle: boolean;
  showBaseline: boolean;
  /** The view open: the chart with the lesson beside it, or a panel (tabs.ts). */
  tab: Tab;
  helpOpen: boolean;
  settingsOpen: boolean;
  /** Presentation mode: the open view as a projector shows it (large type, a slim timeline). */
  presenting: boolean;
  /** The drift panel's model and comparison (kept here so a link can carry them). */
  driftRole: 'static' | 'dynamic';
  driftScope: 'day' | 'window';
  /** The glossary entry open in its dialog, or null. */
  glossary: string | null;
  /** While presenting the chart: the models' headline numbers above it, or the chart alone. */
  presentPanel: 'none' | 'cards';
  /**
   * The element a chapter or a quiz link points at (a CSS selector), scrolled
   * into view and outlined until something else is pointed at; null: none.
   * `seq` tells two pointings at the same element apart. Never in a link.
   */
  spotlight: Spotlight | null;
}

export interface Spotlight {
  selector: string;
  seq: number;
}

export interface LabInit {
  settings?: Settings;
  /** Day to show once computed (a shared link's day). */
  day?: number;
  interventions?: Intervention[];
  notices?: Notice[];
  /** How the results are shown (a shared link's open views). */
  display?: Partial<Display>;
}

/**
 * A slice's view of the store (zustand's slices pattern): `S` is its own
 * state plus the fields of other slices it reads or writes. labStore.ts
 * passes the whole store's `set` and `get`, which fit every such view.
 */
export type SliceSet<S> = (partial: Partial<S>) => void;
export type SliceGet<S> = () => S;

/**
 * What the slices share beyond the state (labStore.ts makes it, in the
 * store's closure, never in state): the link to the current engine run and
 * the play head.
 */
export interface LabRun {
  /** Playback's position in fractional days; the view is its floor, capped by the days computed. */
  playhead: number;
  /** Settles once the current run's init has returned; calls for that run wait for it. */
  ready: Promise<void>;
  /** Asks the engine for days up to `day` once the current run is initialised. */
  request(day: number): void;
  /**
   * Starts run `runId + 1` with the current settings and interventions and asks
   * for `target` days. `keepDays` keeps the days already shown (the new run
   * replays them quietly); otherwise the results start empty.
   */
  startRun(keepDays: boolean): void;
}
