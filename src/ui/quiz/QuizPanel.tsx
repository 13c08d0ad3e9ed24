/**
 * The quiz panel: both quizzes, the score across them, a quiet notice when
 * stored progress could not all be read, and "Reset my progress" with a
 * confirmation step.
 *
 * Owns: the panel's layout and its local reset confirmation.
 * Must not touch: the lab store; "See it in the lab" hands the moment to
 * `onOpenLab`, and the caller applies it to the lab.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { type LabTarget, QUIZ_INTRO, QUIZ_TITLE, QUIZZES } from '../../content/quiz';
import type { QuizStore } from '../../store/quizProgress';
import { scoreQuizzes } from './grade';
import { Question } from './Question';
import './quiz.css';

export interface QuizPanelProps {
  store: QuizStore;
  /** Called instead of following a "See it in the lab" link (plain left click). */
  onOpenLab: (target: LabTarget) => void;
}

export function QuizPanel({ store, onOpenLab }: QuizPanelProps) {
  const answers = useStore(store, (s) => s.answers);
  const dropped = useStore(store, (s) => s.dropped);
  const unsaved = useStore(store, (s) => s.unsaved);
  const { select, check, retry, resetAll, dismissNotice } = store.getState();
  const score = scoreQuizzes(QUIZZES, answers);
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState(false);
  const resetRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Focus follows the confirmation step, but never on the first render.
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (confirming ? cancelRef : resetRef).current?.focus();
  }, [confirming]);

  const step = (next: boolean) => {
    moved.current = true;
    setConfirming(next);
  };

  return (
    <section className="panel quiz-panel" aria-labelledby="quiz-title">
      <header className="panel-head">
        <h2 id="quiz-title">{QUIZ_TITLE}</h2>
        <p className="quiz-score">
          Score: {score.correct} of {score.total} quizzes right
          {score.checked < score.total && ` (${score.checked} of ${score.total} checked)`}
        </p>
      </header>
      <p className="quiz-intro">{QUIZ_INTRO}</p>
      {dropped.length > 0 && (
        <p className="quiz-notice" role="status">
          Some saved answers could not be read and were left out ({dropped.join('; ')}).{' '}
          <button type="button" className="link" onClick={dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      {unsaved && (
        <p className="quiz-notice" role="status">
          Your answers cannot be saved in this browser; they last until you close the page.
        </p>
      )}
      {QUIZZES.map((question) => (
        <Question
          key={question.id}
          question={question}
          progress={answers[question.id] ?? { selected: [], checked: false }}
          onSelect={(optionId, on) => {
            setCleared(false);
            select(question.id, optionId, on);
          }}
          onCheck={() => check(question.id)}
          onRetry={() => retry(question.id)}
          onOpenLab={onOpenLab}
        />
      ))}
      <div className="quiz-reset">
        {confirming ? (
          <div role="group" aria-labelledby="quiz-reset-ask">
            <span id="quiz-reset-ask">Clear your answers to both quizzes?</span>{' '}
            <button
              type="button"
              className="danger"
              onClick={() => {
                resetAll();
                setCleared(true);
                step(false);
              }}
            >
              Yes, reset
            </button>{' '}
            <button type="button" ref={cancelRef} onClick={() => step(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button
            type="button"
            ref={resetRef}
            onClick={() => {
              setCleared(false);
              step(true);
            }}
          >
            Reset my progress
          </button>
        )}
        <span className="quiz-cleared" role="status">
          {cleared ? 'Your answers were cleared.' : ''}
        </span>
      </div>
    </section>
  );
}
