/**
 * A chapter's world as settings: the lesson's settings of a chapter (the
 * defaults with its scenario and settings), and its world laid over the
 * settings on screen so the student's other changes are kept. Chapter links
 * (boot.ts), opening a chapter and "Back to the lesson's settings" all read
 * the settings here.
 *
 * Owns: those two rules. Must not touch: the lab store or the chapters' words.
 */
import type { Chapter } from '../content/chapterTypes';
import type { Intervention } from '../sim/contract';
import { SETTING_KEYS, defaultSettings, type SettingKey, type Settings } from '../sim/settings';

/** The chapter's lesson settings: the defaults, its scenario, its own settings. */
export function chapterLessonSettings(chapter: Chapter): Settings {
  return { ...defaultSettings(), ...chapter.settings, scenario: chapter.scenario };
}

/**
 * The settings on screen with `chapter`'s world over them. A setting the
 * chapter left (`previous`) had set, and that still has that chapter's value,
 * goes back to the default first: it was the chapter's change, not the
 * student's. Everything else the student changed is kept.
 */
export function chapterWorldOver(
  current: Settings,
  chapter: Chapter,
  previous?: Chapter,
): Settings {
  const base: Record<SettingKey, unknown> = { ...current };
  const defaults = defaultSettings();
  for (const key of Object.keys(previous?.settings ?? {}) as SettingKey[]) {
    if (current[key] === previous?.settings?.[key]) base[key] = defaults[key];
  }
  return { ...(base as Settings), ...chapter.settings, scenario: chapter.scenario };
}

/** The settings that differ from `lesson`, in the settings table's order. */
export function settingsDiffering(current: Settings, lesson: Settings): SettingKey[] {
  return SETTING_KEYS.filter((key) => current[key] !== lesson[key]);
}

/** Same settings, value for value. */
export const sameSettings = (a: Settings, b: Settings) => settingsDiffering(a, b).length === 0;

/** Same interventions, in the same order. */
export function sameInterventions(a: readonly Intervention[], b: readonly Intervention[]): boolean {
  return a.length === b.length && a.every((iv, i) => JSON.stringify(iv) === JSON.stringify(b[i]));
}
