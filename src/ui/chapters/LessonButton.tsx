/**
 * The header's way into the guided lesson: opens chapter 1, or, while a
 * chapter is open, brings focus to it.
 *
 * Owns: that button. Must not touch: what opening a chapter does (openChapter.ts).
 */
import { useStore } from 'zustand';
import type { ChapterStore } from '../../store/chapterProgress';
import { useLabStore } from '../storeContext';
import { CHAPTER_TITLE_ID } from './Chapters';
import { openChapter } from './openChapter';

export function LessonButton({ store }: { store: ChapterStore }) {
  const lab = useLabStore();
  const open = useStore(store, (s) => s.open);
  return (
    <button
      type="button"
      className="lesson-button"
      data-lesson-button=""
      onClick={() => {
        if (open !== null) document.getElementById(CHAPTER_TITLE_ID)?.focus();
        else openChapter(lab, store, 0);
      }}
    >
      {open === null ? 'Start the lesson' : `Chapter ${open + 1}`}
    </button>
  );
}
