/**
 * "New student": one button, then a confirmation in place (what will be
 * forgotten, "Clear and start over" or "Cancel"), for a shared classroom
 * computer.
 *
 * Owns: that control and its confirmation step.
 * Must not touch: what is cleared (src/store/newStudent.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type { ChapterStore } from '../../store/chapterProgress';
import { newStudent } from '../../store/newStudent';
import type { QuizStore } from '../../store/quizProgress';
import { browserStorage } from '../../store/storage';
import { useLabStore } from '../storeContext';

export function NewStudent({ chapters, quiz }: { chapters?: ChapterStore; quiz?: QuizStore }) {
  const lab = useLabStore();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <p className="new-student">
        <button ref={askRef} type="button" className="link" onClick={() => setAsking(true)}>
          New student…
        </button>
      </p>
    );
  }
  return (
    <div className="new-student asking" role="group" aria-labelledby="new-student-question">
      <p id="new-student-question">
        Start over for the next student? This browser forgets the quiz answers, the place in the
        chapters and the saved settings, and the lab goes back to the lesson’s settings at its first
        day.
      </p>
      <button
        ref={confirmRef}
        type="button"
        className="primary"
        onClick={() => {
          setAsking(false);
          newStudent({ lab, chapters, quiz, storage: browserStorage() });
        }}
      >
        Clear and start over
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
