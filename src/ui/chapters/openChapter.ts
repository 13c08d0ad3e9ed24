/**
 * Moving through the chapters drives the lab: opening a chapter lays its
 * world over the settings on screen (the student's other changes kept),
 * replays its interventions, goes to its day (or, once its guess is
 * committed, to the day that answers it), opens its view and points at its
 * element. The buttons, the keys, the list and the caption all call these.
 *
 * Owns: what opening a chapter does to the lab, and "Back to the lesson's
 * settings" (the chapter's lesson settings, its interventions, its day).
 * Must not touch: the chapters' words, storage (chapterProgress.ts).
 */
import { CHAPTERS } from '../../content/chapters';
import type { Chapter } from '../../content/chapterTypes';
import type { ChapterStore } from '../../store/chapterProgress';
import { chapterLessonSettings, chapterWorldOver } from '../../store/chapterWorld';
import type { LabStore } from '../../store/labStore';
import type { Settings } from '../../sim/settings';

/** The day a chapter shows in these settings: its own, or the answer's once guessed. */
export function chapterDay(
  chapter: Chapter,
  settings: Settings,
  guessed: boolean,
  otherwise: number,
): number {
  const day = chapter.day?.(settings) ?? otherwise;
  const answer = guessed && chapter.predict ? chapter.predict.revealDay(settings) : 0;
  return Math.min(settings.days, Math.max(day, answer));
}

/** Shows `chapter` in the lab with these settings. */
function showChapter(
  lab: LabStore,
  chapters: ChapterStore,
  chapter: Chapter,
  settings: Settings,
  reason: string,
) {
  const state = lab.getState();
  const guessed = chapters.getState().guesses[chapter.id] !== undefined;
  const day = chapterDay(chapter, settings, guessed, state.target);
  state.openMoment(settings, day, [...(chapter.interventions ?? [])], reason);
  state.setDisplay({ tab: chapter.view, driftRole: 'static', driftScope: 'day' });
  state.spotlight(chapter.spotlight);
}

const reasonFor = (index: number, chapter: Chapter, list: readonly Chapter[]) =>
  `Chapter ${index + 1} of ${list.length}: ${chapter.title}`;

/** Opens chapter `index` (clamped to the list) and moves the lab to it. */
export function openChapter(
  lab: LabStore,
  chapters: ChapterStore,
  index: number,
  list: readonly Chapter[] = CHAPTERS,
): void {
  const before = chapters.getState().open;
  const previous = before === null ? undefined : list[before];
  chapters.getState().openAt(index);
  const open = chapters.getState().open;
  const chapter = open === null ? undefined : list[open];
  if (open === null || !chapter) return;
  const settings = chapterWorldOver(lab.getState().settings, chapter, previous);
  showChapter(lab, chapters, chapter, settings, reasonFor(open, chapter, list));
}

/** The next (+1) or the previous (-1) chapter; from no chapter open, +1 opens the first. */
export function stepChapter(
  lab: LabStore,
  chapters: ChapterStore,
  step: 1 | -1,
  list: readonly Chapter[] = CHAPTERS,
): void {
  const open = chapters.getState().open;
  if (open === null) {
    if (step === 1) openChapter(lab, chapters, 0, list);
    return;
  }
  const next = open + step;
  if (next < 0 || next >= list.length) return;
  openChapter(lab, chapters, next, list);
}

/** The open chapter in its lesson settings again, with its interventions, at its day. */
export function backToLessonSettings(
  lab: LabStore,
  chapters: ChapterStore,
  list: readonly Chapter[] = CHAPTERS,
): void {
  const open = chapters.getState().open;
  const chapter = open === null ? undefined : list[open];
  if (open === null || !chapter) return;
  showChapter(
    lab,
    chapters,
    chapter,
    chapterLessonSettings(chapter),
    'Back to the lesson’s settings',
  );
}
