/**
 * "New student", for a shared classroom computer: forgets this browser's
 * quiz answers, place in the chapters, the old tour's place and the saved
 * settings, and puts the lab back on the lesson's defaults at day 0 (the
 * first screen), with the views as a first visit opens them.
 *
 * Owns: what a new student starts from and which stored keys are cleared.
 * Must not touch: how each key is read or written (its own module).
 */
import { defaultSettings } from '../sim/settings';
import { CHAPTERS_STORAGE_KEY, OLD_TOUR_STORAGE_KEY, type ChapterStore } from './chapterProgress';
import type { LabStore } from './labStore';
import { STORAGE_KEY as SETTINGS_STORAGE_KEY } from './persist';
import { QUIZ_STORAGE_KEY, type QuizStore } from './quizProgress';
import { SAVED_SETTINGS_NOTICE } from './savedSettings';
import type { KeyValueStorage } from './storage';

/** Every key a student's progress or settings are kept under. */
export const STUDENT_KEYS = [
  SETTINGS_STORAGE_KEY,
  QUIZ_STORAGE_KEY,
  CHAPTERS_STORAGE_KEY,
  OLD_TOUR_STORAGE_KEY,
] as const;

export interface Student {
  lab: LabStore;
  chapters?: ChapterStore;
  quiz?: QuizStore;
  /** Where they are kept; one without `removeItem` (a test's) keeps the emptied values. */
  storage: (KeyValueStorage & Partial<Pick<Storage, 'removeItem'>>) | null;
}

/** Removes the keys (a storage that cannot remove, or refuses, keeps them: never throws). */
function forget(storage: Student['storage']): void {
  const remove = storage?.removeItem?.bind(storage);
  if (!remove) return;
  for (const key of STUDENT_KEYS) {
    try {
      remove(key);
    } catch {
      // Disabled storage: nothing was kept to forget.
    }
  }
}

export function newStudent({ lab, chapters, quiz, storage }: Student): void {
  quiz?.getState().resetAll();
  chapters?.getState().clearAll();
  const state = lab.getState();
  state.setDisplay({
    tab: 'chart',
    presenting: false,
    rolling: 1,
    showOracle: true,
    showBaseline: true,
    presentPanel: 'cards',
    driftRole: 'static',
    driftScope: 'day',
    settingsOpen: false,
    helpOpen: false,
    glossary: null,
  });
  state.spotlight(null);
  state.dismissNotice(SAVED_SETTINGS_NOTICE);
  state.openMoment(defaultSettings(), 0, [], 'A new student: the lesson’s settings');
  // Last: the resets above saved empty progress and the defaults; a new student has none.
  forget(storage);
}
