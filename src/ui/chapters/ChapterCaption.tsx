/**
 * Presentation mode's caption for the open chapter: its title and sentences
 * at caption size (read from the back of a room), with small Back and Next
 * buttons (a presenter's clicker sends PageUp and PageDown, which do the
 * same). No chapter open: the caption given (the scenario's description).
 *
 * Owns: the caption's markup. Must not touch: the words (the chapter's),
 * what moving to a chapter does (openChapter.ts).
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { CHAPTERS } from '../../content/chapters';
import type { ChapterStore } from '../../store/chapterProgress';
import { useLabStore } from '../storeContext';
import { ChapterWords } from './Chapters';
import { stepChapter } from './openChapter';

export function ChapterCaption({
  store,
  otherwise,
}: {
  store?: ChapterStore;
  otherwise: ReactNode;
}) {
  return (
    <div className="projector-caption" id="projector-caption">
      {store ? <OpenChapter store={store} otherwise={otherwise} /> : otherwise}
    </div>
  );
}

function OpenChapter({ store, otherwise }: { store: ChapterStore; otherwise: ReactNode }) {
  const lab = useLabStore();
  const open = useStore(store, (s) => s.open);
  const chapter = open === null ? undefined : CHAPTERS[open];
  if (open === null || !chapter) return <>{otherwise}</>;
  return (
    <div className="caption-chapter">
      <div className="caption-head">
        <h2 className="caption-title">
          {open + 1}. {chapter.title}
        </h2>
        <div className="caption-nav">
          <button
            type="button"
            aria-keyshortcuts="[ PageUp"
            disabled={open === 0}
            onClick={() => stepChapter(lab, store, -1)}
          >
            Back
          </button>
          <button
            type="button"
            aria-keyshortcuts="] PageDown"
            disabled={open === CHAPTERS.length - 1}
            onClick={() => stepChapter(lab, store, 1)}
          >
            Next
          </button>
        </div>
      </div>
      <ChapterWords chapter={chapter} store={store} />
    </div>
  );
}
