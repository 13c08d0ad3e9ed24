/**
 * The guided tour: a small non-modal dialog at the bottom right that walks a
 * first-time student through the lab, moving the lab to each step's day and
 * opening the step's view and scrolling its panel into view, and a prediction the student commits to
 * before the lab plays February. Also the header's "Take the tour" button.
 *
 * Owns: the tour's dialog and button, when the lab is driven (only when the
 * student moves to a step, never on page load), focus within the tour.
 * Must not touch: the lab store beyond `seek`; the tour's wording
 * (src/content/tour.ts); storage (src/store/tourProgress.ts).
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import {
  TOUR_STEPS,
  TOUR_TITLE,
  type TourPrediction,
  type TourStep,
  revealPrediction,
} from '../../content/tour';
import type { Tab } from '../../store/tabs';
import type { TourStore } from '../../store/tourProgress';
import { useLab, useLabStore } from '../storeContext';
import './tour.css';

const TITLE_ID = 'tour-title';

function scrollToTarget(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector);
  // jsdom has no scrollIntoView; old browsers no matchMedia.
  if (!element || typeof element.scrollIntoView !== 'function') return;
  const reduced =
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
}

/** Scrolls to `selector` as soon as it is in the page, looking each frame for about a second. */
function scrollWhenThere(selector: string, frames = 60): void {
  if (typeof requestAnimationFrame !== 'function') return;
  if (document.querySelector(selector) || frames === 0) scrollToTarget(selector);
  else requestAnimationFrame(() => scrollWhenThere(selector, frames - 1));
}

function focusTourButton(): void {
  document.querySelector<HTMLElement>('[data-tour-button]')?.focus();
}

export function Tour({ store }: { store: TourStore }) {
  const open = useStore(store, (s) => s.open);
  const index = useStore(store, (s) => s.step);
  const prediction = useStore(store, (s) => s.prediction);
  const dropped = useStore(store, (s) => s.dropped);
  const unsaved = useStore(store, (s) => s.unsaved);
  const lab = useLabStore();
  const titleRef = useRef<HTMLHeadingElement>(null);
  // The step last shown: a tour already open when the page loads leaves the lab alone.
  const shown = useRef<number | null>(open ? index : null);

  useEffect(() => {
    if (!open) {
      shown.current = null;
      return;
    }
    if (shown.current === index) return;
    const opening = shown.current === null;
    shown.current = index;
    const step = TOUR_STEPS[index];
    if (!step) return;
    const state = lab.getState();
    if (step.day !== undefined) state.seek(step.day);
    const predict = step.predict;
    if (predict && store.getState().prediction !== null && state.days.length < predict.revealDay) {
      state.seek(predict.revealDay);
    }
    state.setDisplay({ tab: step.view satisfies Tab });
    // The view renders later (its code may load first): scroll once its element is there.
    if (step.target) scrollWhenThere(step.target);
    if (opening) titleRef.current?.focus();
  }, [open, index, lab, store]);

  const step = TOUR_STEPS[index];
  if (!open || !step) return null;
  const { next, back, close, reset, predict } = store.getState();
  const last = index === TOUR_STEPS.length - 1;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
    focusTourButton();
  };

  return (
    <section className="tour" role="dialog" aria-labelledby={TITLE_ID} onKeyDown={onKeyDown}>
      <header className="tour-head">
        <p className="tour-kicker">
          {TOUR_TITLE} ·{' '}
          <span className="tour-count">{`${index + 1} of ${TOUR_STEPS.length}`}</span>
        </p>
        <h2 id={TITLE_ID} ref={titleRef} tabIndex={-1}>
          {step.title}
        </h2>
      </header>
      <div className="tour-body">
        <p aria-live="polite">{step.body}</p>
        {step.predict && (
          <Prediction
            key={step.id}
            step={step}
            predict={step.predict}
            prediction={prediction}
            onCommit={(optionId) => {
              predict(optionId);
              lab.getState().seek(step.predict?.revealDay ?? 0);
            }}
          />
        )}
      </div>
      {dropped.length > 0 && (
        <p className="tour-note">Your saved place in the tour could not all be read.</p>
      )}
      {unsaved && (
        <p className="tour-note" role="status">
          Your place in the tour cannot be saved in this browser; it lasts until you close the page.
        </p>
      )}
      <div className="tour-actions">
        <button type="button" onClick={back} disabled={index === 0}>
          Back
        </button>
        {last ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              reset();
              close();
              focusTourButton();
            }}
          >
            Finish
          </button>
        ) : (
          <button type="button" className="primary" onClick={next}>
            Next
          </button>
        )}
        <button
          type="button"
          className="link tour-skip"
          onClick={() => {
            close();
            focusTourButton();
          }}
        >
          Skip the tour
        </button>
      </div>
    </section>
  );
}

function Prediction({
  step,
  predict,
  prediction,
  onCommit,
}: {
  step: TourStep;
  predict: TourPrediction;
  prediction: string | null;
  onCommit: (optionId: string) => void;
}) {
  const [choice, setChoice] = useState<string | null>(prediction);
  const days = useLab((s) => s.days);
  const runDays = useLab((s) => s.settings.days);
  const revealRef = useRef<HTMLParagraphElement>(null);
  const committed = useRef(false);
  const name = useId();
  const legendId = `${name}-question`;

  useEffect(() => {
    if (prediction !== null && committed.current) {
      committed.current = false;
      revealRef.current?.focus();
    }
  }, [prediction]);

  if (prediction === null) {
    return (
      <form
        className="tour-predict"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice === null) return;
          committed.current = true;
          onCommit(choice);
        }}
      >
        <fieldset role="radiogroup" aria-labelledby={legendId}>
          <legend id={legendId}>{predict.question}</legend>
          {predict.options.map((option) => (
            <label key={option.id} className="tour-option">
              <input
                type="radio"
                name={`${name}-${step.id}`}
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

  const guess = predict.options.find((o) => o.id === prediction)?.label ?? prediction;
  const reveal = revealPrediction(predict, prediction, days);
  let text: string;
  if (reveal) text = reveal.text;
  else if (runDays < predict.revealDay)
    text = `This run ends before 14 February. Make the run at least ${predict.revealDay} days long in the settings to see what happens.`;
  else text = 'Playing February…';
  return (
    <div className="tour-predict">
      <p className="tour-guess">Your guess: {guess}</p>
      <p
        ref={revealRef}
        tabIndex={-1}
        className={`tour-reveal${reveal ? (reveal.right ? ' right' : ' wrong') : ''}`}
        role="status"
      >
        {text}
      </p>
    </div>
  );
}

/** The header's button: opens the tour, or brings focus to it when already open. */
export function TourButton({ store }: { store: TourStore }) {
  const open = useStore(store, (s) => s.open);
  const started = useStore(store, (s) => s.step > 0 || s.prediction !== null);
  return (
    <button
      type="button"
      className="tour-button"
      data-tour-button=""
      aria-expanded={open}
      onClick={() => {
        if (open) document.getElementById(TITLE_ID)?.focus();
        else store.getState().start();
      }}
    >
      {started ? 'Resume the tour' : 'Take the tour'}
    </button>
  );
}
