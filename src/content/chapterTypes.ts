/**
 * The shape of the lesson's chapters: each a moment of the lab (the world, a
 * day, an open view, one element pointed at) with a few sentences computed
 * from the run on screen, an optional guess to commit before the lab shows
 * the answer, and notes for an instructor.
 *
 * Owns: these types. Must not touch: the chapters' wording (chapters.ts), the
 * components that show them, storage.
 */
import type { DayResult, Intervention } from '../sim/contract';
import type { Settings } from '../sim/settings';
import type { ScenarioId } from '../sim/world/scenarios';

/** The views a chapter can open (each a tab's id, src/store/tabs.ts). */
export type ChapterView = 'chart' | 'models' | 'inputs' | 'jobs' | 'compare' | 'quiz' | 'table';

/** The run a chapter speaks about: the settings on screen and the days computed so far. */
export interface ChapterRun {
  settings: Settings;
  days: readonly DayResult[];
}

/** A chapter's words for one run. */
export interface ChapterText {
  /** Two to four sentences; every number and date in them computed from the run. */
  sentences: string[];
  /**
   * When the settings on screen break the chapter's usual claim (a monthly
   * cadence, late labels, another model), what happens instead, in a
   * sentence; null when the claim holds.
   */
  instead: string | null;
}

export interface ChapterOption {
  id: string;
  label: string;
}

/** A guess the student commits to before the lab plays the days that answer it. */
export interface ChapterPrediction {
  question: string;
  options: ChapterOption[];
  /**
   * The lab shows the days up to this one once the guess is committed (the
   * chapter's own day is the day before the answer).
   */
  revealDay: (settings: Settings) => number;
  /** What the run showed, against the guess; null until the days it needs are computed. */
  reveal: (run: ChapterRun, guess: string) => { right: boolean; text: string } | null;
}

export interface InstructorNote {
  /** What to ask the class before revealing. */
  ask: string;
  /** The answer students usually give first, and why it is wrong. */
  usualWrongAnswer: string;
}

export interface Chapter {
  /** Stable id (storage and links carry the chapter's number, tests its id). */
  id: string;
  title: string;
  /** The world the chapter shows. */
  scenario: ScenarioId;
  /** Settings besides the scenario that the chapter's lesson settings change from the defaults. */
  settings?: Partial<Settings>;
  /** Rollbacks or gate switches the chapter replays. */
  interventions?: Intervention[];
  /**
   * The day the lab goes to, from the settings alone (so it follows the world
   * and the start date); absent: the lab stays on its day.
   */
  day?: (settings: Settings) => number;
  view: ChapterView;
  /** CSS selector of the element pointed at (most are `[data-evidence="…"]`). */
  spotlight: string;
  /** The words for the run on screen; null while the days it needs are still being computed. */
  text: (run: ChapterRun) => ChapterText | null;
  predict?: ChapterPrediction;
  instructor: InstructorNote;
}
