/**
 * The lab store's types: its slices (settings, playback, results, display,
 * comparison), what creating it takes, and the playback speeds.
 *
 * Owns: these shapes. Must not touch: behaviour (labStore.ts).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { DayResult, Intervention, RunSummary } from '../sim/contract';
import type { Settings } from '../sim/settings';
import type { BackendReport, RunFailure, RunId } from '../worker/protocol';
import type { CompareSlice } from './compareSlice';

export type { CompareSlice };

/** Playback speeds, in simulated days per second of real time. */
export const SPEEDS = [1, 7, 30, 90] as const;
export type Speed = (typeof SPEEDS)[number];

/** paused: nothing moves; playing: days advance at `speed`; running: as fast as the engine goes. */
export type PlaybackStatus = 'paused' | 'playing' | 'running';

export interface Notice {
  id: string;
  /** warning: the user should read it; info: a quiet note. */
  tone: 'warning' | 'info';
  text: string;
}

export interface SettingsSlice {
  settings: Settings;
  /** Rollbacks and gate switches made during the run (replayed with the settings). */
  interventions: Intervention[];
  notices: Notice[];
  /** Why the current run started (null for the first run). */
  rerunReason: string | null;
  /**
   * Opens a moment of the lab (a quiz's "see it in the lab"): these settings
   * and interventions from the first day, then `day` on screen.
   */
  openMoment(settings: Settings, day: number, interventions: Intervention[], reason: string): void;
  /** Applies validated settings and re-runs from the start to the same day. */
  applySettings(next: Settings, reason?: string): void;
  addNotice(notice: Notice): void;
  /**
   * Rolls the dynamic model back to `version` at the end of the day on screen
   * (it serves from the next day); later days are recomputed.
   */
  rollback(version: number): void;
  /** Switches a gate at the end of the day on screen (before serving: for the whole run). */
  toggleGate(gate: 'validation' | 'data', on: boolean): void;
  dismissNotice(id: string): void;
}

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
  runToEnd(): void;
  /** Moves the view to `day`, computing up to it if needed; pauses playback. */
  seek(day: number): void;
  setSpeed(speed: Speed): void;
  /** Advances playback by `ms` of real time (called once per animation frame). */
  tick(ms: number): void;
  /** Starts the run again from day 0 with the same settings. */
  reset(): void;
}

export interface ResultsSlice {
  runId: RunId;
  days: DayResult[];
  summary: RunSummary | null;
  /** Days the engine has computed in this run (behind `days` while a restart catches up). */
  computed: number;
  backend: BackendReport | null;
  failure: RunFailure | null;
  /** Replaces a failed engine and resumes from the last good day. */
  restart(): void;
}

/** How the results are shown; kept with the lab so keyboard shortcuts can reach it. */
export interface Display {
  /** Days in the chart's trailing mean. */
  rolling: 1 | 7 | 28;
  showOracle: boolean;
  showBaseline: boolean;
  /** The chart, or the same numbers as a table. */
  mode: 'chart' | 'table';
  helpOpen: boolean;
  settingsOpen: boolean;
  /** Presentation mode: large type, the chart, the timeline and one chosen panel. */
  presenting: boolean;
  /** The drift panel's model and comparison (kept here so a link can carry them). */
  driftRole: 'static' | 'dynamic';
  driftScope: 'day' | 'window';
  /** The glossary entry open in its dialog, or null. */
  glossary: string | null;
  /** The panel shown beside the chart while presenting. */
  presentPanel: 'none' | 'cards' | 'drift' | 'jobs';
}

export interface DisplaySlice {
  display: Display;
  setDisplay(change: Partial<Display>): void;
}

export type LabState = SettingsSlice & PlaybackSlice & ResultsSlice & DisplaySlice & CompareSlice;
export type LabStore = StoreApi<LabState>;

export interface LabInit {
  settings?: Settings;
  /** Day to show once computed (a shared link's day). */
  day?: number;
  interventions?: Intervention[];
  notices?: Notice[];
  /** How the results are shown (a shared link's open views). */
  display?: Partial<Display>;
}
