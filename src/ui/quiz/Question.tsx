/**
 * One quiz question: a checkbox group (several true) or a radio group (one
 * true), "Check", then per option right or wrong in colour and words, the
 * reason and a "See it in the lab" link; a live summary that takes focus;
 * "Try again".
 *
 * Owns: the question's markup, wording of the verdicts and focus moves.
 * Must not touch: the quiz store (it gets progress and callbacks), grading
 * rules (grade.ts), content (src/content/quiz.ts).
 */
import { type MouseEvent, useEffect, useId, useRef } from 'react';
import type { LabTarget, QuizQuestion } from '../../content/quiz';
import { defaultSettings } from '../../sim/settings';
import type { QuestionProgress } from '../../store/quizProgress';
import { formatUrlState } from '../../store/url';
import { countWord, gradeQuestion, type OptionVerdict, optionVerdict } from './grade';

/**
 * The lab link's query string ("?scenario=outage&seed=1&day=134&tab=inputs"),
 * relative to this page: opened in a new tab, it shows the same view (the
 * outline is for the plain click, which stays on the page).
 */
export function labHref(target: LabTarget): string {
  return formatUrlState(
    { ...defaultSettings(), ...target.settings, scenario: target.scenario },
    target.day,
    target.interventions ?? [],
    undefined,
    { tab: target.view },
  );
}

const VERDICT: Record<OptionVerdict, { mark: string; text: string; right: boolean }> = {
  'right-pick': { mark: '✓', text: 'Right: you picked it, and it is true.', right: true },
  'wrong-pick': { mark: '✗', text: 'Wrong: you picked it, but it is false.', right: false },
  missed: { mark: '✗', text: 'Missed: this one is true.', right: false },
  'right-skip': { mark: '✓', text: 'Right: you left it out, and it is false.', right: true },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const plural = (n: number, word: string) => `${countWord(n)} ${word}${n === 1 ? '' : 's'}`;

export interface QuestionProps {
  question: QuizQuestion;
  progress: QuestionProgress;
  onSelect: (optionId: string, on: boolean) => void;
  onCheck: () => void;
  onRetry: () => void;
  onOpenLab: (target: LabTarget) => void;
}

export function Question({
  question,
  progress,
  onSelect,
  onCheck,
  onRetry,
  onOpenLab,
}: QuestionProps) {
  const id = useId();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  // Focus moves only after the student's own Check or Try again, not on load.
  const pendingFocus = useRef<'summary' | 'options' | null>(null);
  const grade = gradeQuestion(question, progress.selected);
  const { checked } = progress;
  const single = question.kind === 'single';
  const pick = `Pick ${countWord(grade.expected)}.`;
  const howMany = `${single ? 'One statement is' : `${capital(countWord(grade.expected))} statements are`} true: ${pick.toLowerCase()}`;

  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'summary') summaryRef.current?.focus();
    if (target === 'options') fieldsetRef.current?.querySelector('input')?.focus();
  }, [checked]);

  const openLab = (event: MouseEvent<HTMLAnchorElement>, target: LabTarget) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return; // a new tab or window: let the browser follow the link
    }
    event.preventDefault();
    onOpenLab(target);
  };

  const wrongPicks = grade.chosenCount - grade.truePicked;
  const summary = !checked
    ? ''
    : grade.correct
      ? `${question.title}: right! You picked exactly the ${plural(grade.expected, 'true statement')}.`
      : `${question.title}: not quite. You found ${grade.truePicked === 0 ? 'none' : countWord(grade.truePicked)} of the ${plural(grade.expected, 'true statement')}` +
        (wrongPicks > 0 ? ` and picked ${plural(wrongPicks, 'false one')}` : '') +
        '. The reasons are below each statement.';

  return (
    <form
      className="quiz-question"
      onSubmit={(event) => {
        event.preventDefault();
        pendingFocus.current = 'summary';
        onCheck();
      }}
    >
      <fieldset ref={fieldsetRef}>
        <legend>
          <span className="quiz-question-title">{question.title}</span> {question.prompt}{' '}
          <strong>{howMany}</strong>
        </legend>
        <ul className="quiz-options">
          {grade.options.map((g) => {
            const verdict = VERDICT[optionVerdict(g)];
            const inputId = `${id}-${g.option.id}`;
            const feedbackId = `${inputId}-why`;
            return (
              <li
                key={g.option.id}
                className={`quiz-option${checked ? (verdict.right ? ' is-right' : ' is-wrong') : ''}`}
              >
                <input
                  id={inputId}
                  type={single ? 'radio' : 'checkbox'}
                  name={`${id}-answer`}
                  value={g.option.id}
                  checked={g.chosen}
                  disabled={checked}
                  aria-describedby={checked ? feedbackId : undefined}
                  onChange={(event) => onSelect(g.option.id, event.currentTarget.checked)}
                />
                <label htmlFor={inputId}>{g.option.text}</label>
                {checked && (
                  <div className="quiz-feedback" id={feedbackId}>
                    <p className="quiz-verdict">
                      <span aria-hidden="true">{verdict.mark} </span>
                      {verdict.text}
                    </p>
                    <p>{g.option.explanation}</p>
                    <a
                      className="quiz-lab-link"
                      href={labHref(g.option.lab)}
                      onClick={(event) => openLab(event, g.option.lab)}
                    >
                      See it in the lab: {g.option.lab.label}
                    </a>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="quiz-actions">
        {checked ? (
          <button
            key="retry"
            type="button"
            onClick={(event) => {
              // Not a submit: React swaps this button for "Check" during the
              // click, and the browser would then submit the form (checking an
              // empty answer). preventDefault stops that activation.
              event.preventDefault();
              pendingFocus.current = 'options';
              onRetry();
            }}
          >
            Try again
          </button>
        ) : (
          <>
            <button key="check" type="submit" className="primary">
              Check
            </button>
            <span className="quiz-count">
              {pick} You have picked{' '}
              {grade.chosenCount === 0 ? 'none' : countWord(grade.chosenCount)}.
            </span>
          </>
        )}
      </div>
      <p
        ref={summaryRef}
        className={`quiz-summary${checked ? (grade.correct ? ' is-right' : ' is-wrong') : ''}`}
        tabIndex={-1}
        aria-live="polite"
      >
        {summary}
      </p>
    </form>
  );
}
