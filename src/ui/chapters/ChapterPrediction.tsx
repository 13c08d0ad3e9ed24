/**
 * A chapter's guess: the question and its options, "Commit my guess", then
 * (once the lab has played the days that answer it) what the run showed
 * against the guess. Committing moves the lab to the answer's day.
 *
 * Owns: the form, the reveal's line and focus moving to it.
 * Must not touch: the reveal's words (the chapter's `predict.reveal`),
 * storage (chapterProgress.ts keeps the guess).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { revealSeedsSentence } from '../../content/chapterSeeds';
import type { Chapter } from '../../content/chapterTypes';
import { runsFor } from '../../sim/story/seedCounts';
import { dateOfDay, formatDate } from '../../sim/world/calendar';
import type { ChapterStore } from '../../store/chapterProgress';
import { useLab, useLabStore } from '../storeContext';

export function ChapterPrediction({ chapter, store }: { chapter: Chapter; store: ChapterStore }) {
  const predict = chapter.predict;
  const guess = useStore(store, (s) => s.guesses[chapter.id] ?? null);
  const [choice, setChoice] = useState<string | null>(guess);
  const lab = useLabStore();
  const settings = useLab((s) => s.settings);
  const days = useLab((s) => s.days);
  const view = useLab((s) => s.view);
  const onScreen = useMemo(() => days.slice(0, view), [days, view]);
  const runs = useLab((s) => runsFor(s.seedsResult, s.settings));
  // With a many-worlds result for these settings: on how many seeds the answer holds too.
  const seeds = useMemo(
    () =>
      guess === null ? null : revealSeedsSentence(chapter.id, { settings, days: onScreen }, runs),
    [guess, chapter.id, settings, onScreen, runs],
  );
  const revealRef = useRef<HTMLParagraphElement>(null);
  const committed = useRef(false);
  const name = useId();
  const legendId = `${name}-question`;

  useEffect(() => {
    if (guess !== null && committed.current) {
      committed.current = false;
      revealRef.current?.focus();
    }
  }, [guess]);

  if (!predict) return null;

  if (guess === null) {
    return (
      <form
        className="chapter-predict"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice === null) return;
          committed.current = true;
          store.getState().guess(chapter.id, choice);
          lab.getState().seek(predict.revealDay(lab.getState().settings));
        }}
      >
        <fieldset role="radiogroup" aria-labelledby={legendId}>
          <legend id={legendId}>{predict.question}</legend>
          {predict.options.map((option) => (
            <label key={option.id} className="chapter-option">
              <input
                type="radio"
                name={`${name}-${chapter.id}`}
                value={option.id}
                checked={choice === option.id}
                onChange={() => setChoice(option.id)}
              />{' '}
              {option.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={choice === null}>
          Commit my guess
        </button>
      </form>
    );
  }

  const label = predict.options.find((o) => o.id === guess)?.label ?? guess;
  const reveal = predict.reveal({ settings, days: onScreen }, guess);
  const answerDay = predict.revealDay(settings);
  let text: string;
  if (reveal) text = seeds ? `${reveal.text} ${seeds}` : reveal.text;
  else if (settings.days < answerDay)
    text = `This run ends before the days that answer this. Make the run at least ${answerDay} days long in the settings to see them.`;
  else if (view < answerDay)
    text = `The answer shows once the lab reaches ${formatDate(dateOfDay(settings.startDate, answerDay))}.`;
  else text = 'Computing…';
  return (
    <div className="chapter-predict">
      <p className="chapter-guess">Your guess: {label}</p>
      <p
        ref={revealRef}
        tabIndex={-1}
        className={`chapter-reveal${reveal ? (reveal.right ? ' right' : ' wrong') : ''}`}
        role="status"
      >
        {text}
      </p>
    </div>
  );
}
