/**
 * The settings slice of the lab store: the settings a run uses, the
 * rollbacks and gate switches made during it, the notices, and why the
 * current run started.
 *
 * Owns: changing settings (a re-run from the start back to the same day),
 * editing the world's knobs (a re-run of the whole year, the view following),
 * going back to the lesson's settings, recording an intervention at the end
 * of the day on screen (later days are recomputed), opening a quiz's moment,
 * and the notice list with the actions a notice's button runs.
 * Must not touch: the engine client (runs start through `LabRun`), storage
 * or the URL (boot.ts subscribes and persists).
 */
import type { StrategyComparison } from '../sim/contract';
import { COLLECTION_DAYS } from '../sim/ops/schedule';
import type { DayResult, Intervention } from '../sim/contract';
import { defaultSettings, type Settings } from '../sim/settings';
import type { Knobs } from '../sim/world/knobs';
import { sameInterventions, sameSettings } from './chapterWorld';
import { checkInterventions } from './linkInterventions';
import type {
  LabInit,
  LabRun,
  Notice,
  NoticeActionName,
  PlaybackStatus,
  SliceGet,
  SliceSet,
} from './labTypes';

export interface SettingsSlice {
  settings: Settings;
  /** Rollbacks and gate switches made during the run (replayed with the settings). */
  interventions: Intervention[];
  notices: Notice[];
  /** Why the current run started (null for the first run). */
  rerunReason: string | null;
  /**
   * Opens a moment of the lab (a quiz's "see it in the lab", a chapter): these
   * settings and interventions from the first day, then `day` on screen; when
   * they are the run's already, only the day moves (no re-run).
   */
  openMoment(settings: Settings, day: number, interventions: Intervention[], reason: string): void;
  /** Applies validated settings and re-runs from the start to the same day. */
  applySettings(next: Settings, reason?: string): void;
  /**
   * The world editor's edit: sets these knobs (null: the scenario's own) and,
   * if that changes the world, re-runs the year from day 0 to its end, the
   * view following the days as they arrive (the run on screen is dropped).
   */
  editWorld(edits: Partial<Knobs>): void;
  /**
   * The lesson's settings (the defaults) again, re-run as any settings change;
   * interventions the new run cannot have are dropped.
   */
  restoreLessonSettings(): void;
  addNotice(notice: Notice): void;
  /** Runs the action of notice `id`'s button, then closes the notice. */
  runNoticeAction(id: string): void;
  /**
   * Rolls the dynamic model back to `version` at the end of the day on screen
   * (it serves from the next day); later days are recomputed.
   */
  rollback(version: number): void;
  /** Switches a gate at the end of the day on screen (before serving: for the whole run). */
  toggleGate(gate: 'validation' | 'data', on: boolean): void;
  dismissNotice(id: string): void;
}

/** What the settings actions read and write of the other slices. */
interface Others {
  view: number;
  target: number;
  status: PlaybackStatus;
  days: DayResult[];
  comparison: StrategyComparison | null;
  seek(day: number): void;
}

type Lab = SettingsSlice & Others;

export function createSettingsSlice(
  set: SliceSet<Lab>,
  get: SliceGet<Lab>,
  run: LabRun,
  init: LabInit,
): SettingsSlice {
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
    run.startRun(true);
  };

  /** What each notice button runs, by name. */
  const actions: Record<NoticeActionName, () => void> = {
    restoreLessonSettings: () => get().restoreLessonSettings(),
  };

  return {
    settings: init.settings ?? defaultSettings(),
    interventions: init.interventions ?? [],
    notices: init.notices ?? [],
    rerunReason: null,
    openMoment(settings, day, interventions, reason) {
      // The run on screen already is this one: only the day moves.
      if (
        sameSettings(settings, get().settings) &&
        sameInterventions(interventions, get().interventions)
      ) {
        get().seek(day);
        return;
      }
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
      // Up to the end of the collection period no job has run: a switch there is a setting.
      if (view <= COLLECTION_DAYS) {
        const key = gate === 'validation' ? 'validationGate' : 'dataGate';
        get().applySettings({ ...settings, [key]: on }, `The ${gate} gate is ${on ? 'on' : 'off'}`);
        return;
      }
      // A second switch of the same gate on the same day replaces the first (one state a day).
      set({
        interventions: get().interventions.filter(
          (i) => !(i.kind === 'gate' && i.day === view && i.gate === gate),
        ),
      });
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
      run.playhead = keepDay;
      run.startRun(false);
    },
    editWorld(edits) {
      const before = get().settings;
      const keys = (Object.keys(edits) as (keyof Knobs)[]).filter(
        (k) => edits[k] !== undefined && edits[k] !== before[k],
      );
      if (keys.length === 0) return;
      const next: Settings = { ...before };
      for (const k of keys) next[k] = edits[k] ?? null;
      set({
        settings: next,
        // No re-run line: the editor beside the chart and the scenario's note say what
        // changed, and the line would take the chart's room at every release.
        rerunReason: null,
        status: 'running',
        target: next.days,
        comparison: null,
      });
      run.playhead = 0;
      run.startRun(false);
    },
    restoreLessonSettings() {
      const lesson = defaultSettings();
      set({ interventions: checkInterventions(get().interventions, lesson).kept });
      get().applySettings(lesson, 'Back to the lesson’s settings');
    },
    runNoticeAction(id) {
      const action = get().notices.find((n) => n.id === id)?.action;
      get().dismissNotice(id);
      if (action) actions[action.does]();
    },
    addNotice(notice) {
      set({ notices: [...get().notices.filter((n) => n.id !== notice.id), notice] });
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
  };
}
