/**
 * The lesson's chapters in the side column: "Chapter N of 10 · title", the
 * sentences computed from the run on screen (or what happens instead), the
 * guess to commit when the chapter asks one, how the settings on screen
 * differ from the chapter's with one button back to them, Back and Next,
 * notes for instructors (collapsed), a list to jump to any chapter, and the
 * control for a new student. With no chapter open: a way to start.
 *
 * Owns: that panel and focus within it. Must not touch: the chapters' words
 * (src/content/chapters.ts), what opening a chapter does (openChapter.ts),
 * storage (chapterProgress.ts).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { chapterSeedsSentence } from '../../content/chapterSeeds';
import { CHAPTERS } from '../../content/chapters';
import type { Chapter } from '../../content/chapterTypes';
import type { ChapterStore } from '../../store/chapterProgress';
import { chapterLessonSettings } from '../../store/chapterWorld';
import type { QuizStore } from '../../store/quizProgress';
import { runsFor } from '../../sim/story/seedCounts';
import { useLab, useLabStore } from '../storeContext';
import { ChapterPrediction } from './ChapterPrediction';
import { differences } from './differences';
import { NewStudent } from './NewStudent';
import { backToLessonSettings, chapterDay, openChapter, stepChapter } from './openChapter';
import './chapters.css';

export const CHAPTER_TITLE_ID = 'chapter-title';

interface Props {
  store: ChapterStore;
  quiz?: QuizStore;
  /** The chapters shown (tests pass a few of their own). */
  chapters?: readonly Chapter[];
}

/** The chapter's sentences for the days on screen, or what to do to see them. */
export function ChapterWords({
  chapter,
  store,
  chapters = CHAPTERS,
}: {
  chapter: Chapter;
  store: ChapterStore;
  chapters?: readonly Chapter[];
}) {
  const lab = useLabStore();
  const settings = useLab((s) => s.settings);
  const days = useLab((s) => s.days);
  const view = useLab((s) => s.view);
  const target = useLab((s) => s.target);
  // The sentences speak of the run as far as the chart shows it.
  const onScreen = useMemo(() => days.slice(0, view), [days, view]);
  const guessed = useStore(store, (s) => s.guesses[chapter.id] !== undefined);
  // Computed once per run, chapter and day on screen, not on every render of the panel.
  const text = useMemo(
    () => chapter.text({ settings, days: onScreen }),
    [chapter, settings, onScreen],
  );
  // With a many-worlds result for these settings: on how many seeds the claim holds too.
  const runs = useLab((s) => runsFor(s.seedsResult, s.settings));
  const seeds = useMemo(
    () => (text ? chapterSeedsSentence(chapter.id, { settings, days: onScreen }, runs) : null),
    [text, chapter, settings, onScreen, runs],
  );
  if (text) {
    return (
      <div className="chapter-words" aria-live="polite">
        {text.sentences.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        {seeds && <p className="chapter-seeds">{seeds}</p>}
        {text.instead && (
          <p className="chapter-instead" role="note">
            <strong>With these settings: </strong>
            {text.instead}
          </p>
        )}
      </div>
    );
  }
  const day = chapterDay(chapter, settings, guessed, view);
  // Still computing, or the day on screen is before the days the words need.
  if (target > view || day <= view) return <p className="chapter-wait">Computing…</p>;
  return (
    <div className="chapter-words">
      <button
        type="button"
        onClick={() => openChapter(lab, store, chapters.indexOf(chapter), chapters)}
      >
        Go to this chapter’s day
      </button>
    </div>
  );
}

function Differences({
  chapter,
  store,
  chapters,
}: {
  chapter: Chapter;
  store: ChapterStore;
  chapters: readonly Chapter[];
}) {
  const lab = useLabStore();
  const settings = useLab((s) => s.settings);
  const interventions = useLab((s) => s.interventions);
  const differ = differences(
    settings,
    chapterLessonSettings(chapter),
    interventions,
    chapter.interventions ?? [],
  );
  if (differ.length === 0) return null;
  return (
    <div className="chapter-differs" role="note">
      <p>
        This is not the lesson’s run for this chapter: {differ.join('; ')}. What it says may not
        hold.
      </p>
      <button type="button" onClick={() => backToLessonSettings(lab, store, chapters)}>
        Back to the lesson’s settings
      </button>
    </div>
  );
}

function ChapterList({ store, chapters }: { store: ChapterStore; chapters: readonly Chapter[] }) {
  const lab = useLabStore();
  const open = useStore(store, (s) => s.open);
  const seen = useStore(store, (s) => s.seen);
  return (
    <details className="chapter-list">
      <summary>All chapters</summary>
      <ol>
        {chapters.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              className="link"
              aria-current={open === i ? 'step' : undefined}
              onClick={() => openChapter(lab, store, i, chapters)}
            >
              {c.title}
            </button>
            {seen.includes(c.id) && open !== i && <span className="chapter-seen"> · seen</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function Chapters({ store, quiz, chapters = CHAPTERS }: Props) {
  const lab = useLabStore();
  const open = useStore(store, (s) => s.open);
  const dropped = useStore(store, (s) => s.dropped);
  const unsaved = useStore(store, (s) => s.unsaved);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shown = useRef(open);
  useEffect(() => {
    // Focus goes to the chapters when they open after the page loaded (Next and
    // Back keep it on the button pressed; the words are announced as they change).
    if (open !== null && shown.current === null) titleRef.current?.focus({ preventScroll: true });
    shown.current = open;
  }, [open]);
  const chapter = open === null ? undefined : chapters[open];

  const notes = (
    <>
      {dropped.length > 0 && (
        <p className="chapter-note">Your saved place in the lesson could not all be read.</p>
      )}
      {unsaved && (
        <p className="chapter-note" role="status">
          Your place in the lesson cannot be saved in this browser; it lasts until you close the
          page.
        </p>
      )}
    </>
  );

  if (open === null || !chapter) {
    return (
      <section className="panel chapters" aria-labelledby={CHAPTER_TITLE_ID}>
        <h2 id={CHAPTER_TITLE_ID} ref={titleRef} tabIndex={-1}>
          The lesson in {chapters.length} chapters
        </h2>
        <p>Each chapter takes the lab to one moment and says what to look at.</p>
        <button
          type="button"
          className="primary"
          aria-keyshortcuts="]"
          onClick={() => openChapter(lab, store, 0, chapters)}
        >
          Start chapter 1
        </button>
        <ChapterList store={store} chapters={chapters} />
        {notes}
        <NewStudent chapters={store} quiz={quiz} />
      </section>
    );
  }

  return (
    <section className="panel chapters" aria-labelledby={CHAPTER_TITLE_ID}>
      <h2 id={CHAPTER_TITLE_ID} ref={titleRef} tabIndex={-1}>
        <span className="chapter-count">
          Chapter {open + 1} of {chapters.length}
        </span>{' '}
        · {chapter.title}
      </h2>
      <ChapterWords key={chapter.id} chapter={chapter} store={store} chapters={chapters} />
      {chapter.predict && (
        <ChapterPrediction key={`${chapter.id}-predict`} chapter={chapter} store={store} />
      )}
      <Differences chapter={chapter} store={store} chapters={chapters} />
      <div className="chapter-nav">
        <button
          type="button"
          aria-keyshortcuts="["
          disabled={open === 0}
          onClick={() => stepChapter(lab, store, -1, chapters)}
        >
          Back
        </button>
        <button
          type="button"
          className="primary"
          aria-keyshortcuts="]"
          disabled={open === chapters.length - 1}
          onClick={() => stepChapter(lab, store, 1, chapters)}
        >
          Next
        </button>
        <button
          type="button"
          className="link"
          onClick={() => {
            store.getState().close();
            lab.getState().spotlight(null);
          }}
        >
          Close the chapters
        </button>
      </div>
      <details className="chapter-instructor">
        <summary>For instructors</summary>
        <p>
          <strong>Ask first: </strong>
          {chapter.instructor.ask}
        </p>
        <p>
          <strong>The usual wrong answer: </strong>
          {chapter.instructor.usualWrongAnswer}
        </p>
      </details>
      <ChapterList store={store} chapters={chapters} />
      {notes}
      <NewStudent chapters={store} quiz={quiz} />
    </section>
  );
}
