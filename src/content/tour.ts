/**
 * The guided tour's text as typed data: seven short steps for a first-time
 * student, one of them a prediction the student commits to before the lab
 * plays February, and the wording of its reveal.
 *
 * Owns: the steps' wording, the days and panels they point at, and turning
 * the lab's computed days into the reveal's sentence.
 * Must not touch: components, the lab store, storage (src/store/tourProgress.ts).
 */
import type { DayResult } from '../sim/contract';
import { SCENARIOS } from '../sim/world/scenarios';

export interface TourOption {
  id: string;
  label: string;
}

/** Inclusive range of 1-based simulated days. */
export interface DayRange {
  from: number;
  to: number;
}

export interface TourPrediction {
  question: string;
  options: TourOption[];
  /** The option the default (valentine) run bears out. */
  correct: string;
  /** The lab goes to this day once the guess is committed. */
  revealDay: number;
  /** The week measured against the baseline. */
  week: DayRange;
  baseline: DayRange;
}

/** The views a step can open (Tour.tsx checks each is one of the lab's tabs). */
export type TourView = 'chart' | 'models' | 'inputs' | 'jobs' | 'quiz';

export interface TourStep {
  id: string;
  title: string;
  body: string;
  /** Day the lab goes to when the step opens (default start date: 1 Jul 2025 is day 1). */
  day?: number;
  /** The view the lab opens for the step (a tab's id, src/store/tabs.ts). */
  view: TourView;
  /** CSS selector of the element scrolled into view when the step opens. */
  target?: string;
  predict?: TourPrediction;
}

export const TOUR_TITLE = 'Guided tour';

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'models',
    title: 'Two models, one flower shop',
    body: 'Both models guess whether a visitor will buy flowers, and both learn from the same July and August visits. The static model is then frozen and served as it is. The dynamic model keeps learning from the newest labelled visits and serves each new version it makes.',
    view: 'chart',
    target: '.headlines',
  },
  {
    id: 'validation',
    title: 'Checked before it serves',
    body: 'The lab is now at 31 August, the last day of data collection. The static model was trained and tested on held-out July–August visits before it served anyone: its card shows that validation score. Training once leaves plenty of time for such a check.',
    day: 62,
    view: 'chart',
    target: '.model-static',
  },
  {
    id: 'january',
    title: 'Months later: January',
    body: 'The lab has jumped to 31 January. Through autumn and winter the static model has done fine with what it learned in summer. Use the timeline to step through the days yourself whenever you like.',
    day: 215,
    view: 'chart',
    target: '.timeline',
  },
  {
    id: 'predict',
    title: 'Your guess first',
    body: 'Valentine’s Day is two weeks away, and people shop for flowers very differently just before it.',
    view: 'chart',
    target: '.timeline',
    predict: {
      question:
        'Before February plays: what will the static model’s accuracy do in the week before 14 February?',
      options: [
        { id: 'same', label: 'It stays about the same' },
        { id: 'drop', label: 'It drops sharply' },
        { id: 'rise', label: 'It rises' },
      ],
      correct: 'drop',
      revealDay: 229,
      week: { from: 222, to: 228 },
      baseline: { from: 185, to: 215 },
    },
  },
  {
    id: 'drift',
    title: 'Watch what comes in',
    body: 'The drift panel compares the inputs the static model gets now with the data it was trained on. Even a model you never retrain needs its serving inputs watched: when they move, its predictions stop being trustworthy.',
    view: 'inputs',
    target: '[aria-labelledby="drift-title"]',
  },
  {
    id: 'jobs',
    title: 'Training jobs and rollbacks',
    body: `Keeping up costs work: the dynamic model runs a training job again and again, and each new version has to be checked before release. Open the “${SCENARIOS['buggy-job'].title}” scenario to see a bad job caught by its checks, and roll the model back to an earlier version from this panel.`,
    view: 'jobs',
    target: '[aria-labelledby="jobs-title"]',
  },
  {
    id: 'quizzes',
    title: 'Test yourself',
    body: 'Two short quizzes close the lesson: one on training once, one on training all the time. Each explanation links to the moment in the lab that shows it.',
    view: 'quiz',
    target: '[aria-labelledby="quiz-title"]',
  },
];

/** What the numbers showed, in the prediction's option ids. */
export type Outcome = 'same' | 'drop' | 'rise';

/** A change in mean accuracy beyond this many points counts as a move. */
const MOVE = 0.05;

/** Mean static accuracy over a range; null if any of its days is not computed or not served. */
export function meanStaticAccuracy(days: readonly DayResult[], range: DayRange): number | null {
  let sum = 0;
  for (let day = range.from; day <= range.to; day++) {
    const accuracy = days[day - 1]?.static?.accuracy;
    if (accuracy === undefined) return null;
    sum += accuracy;
  }
  return sum / (range.to - range.from + 1);
}

export function outcomeOf(change: number): Outcome {
  if (change <= -MOVE) return 'drop';
  if (change >= MOVE) return 'rise';
  return 'same';
}

export interface Reveal {
  baseline: number;
  week: number;
  outcome: Outcome;
  right: boolean;
  text: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The reveal for a committed guess, or null until the lab has computed the days it needs. */
export function revealPrediction(
  predict: TourPrediction,
  guess: string,
  days: readonly DayResult[],
): Reveal | null {
  if (days.length < predict.revealDay) return null;
  const baseline = meanStaticAccuracy(days, predict.baseline);
  const week = meanStaticAccuracy(days, predict.week);
  if (baseline === null || week === null) return null;
  const change = week - baseline;
  const outcome = outcomeOf(change);
  const right = guess === outcome;
  const points = Math.abs(Math.round(change * 100));
  const moved =
    outcome === 'same'
      ? `barely moved (${points} points)`
      : `${outcome === 'drop' ? 'fell' : 'rose'} by ${points} points`;
  const label = predict.options.find((o) => o.id === guess)?.label.toLowerCase() ?? guess;
  const verdict = right
    ? `You guessed “${label}”: right.`
    : `You guessed “${label}”: not this time.`;
  const why =
    outcome === 'drop'
      ? ' The static model still predicts with what it learned in summer, so the Valentine’s rush catches it out. Look at the dynamic model’s line on the chart: it has kept learning.'
      : '';
  const text = `The static model’s accuracy averaged ${pct(baseline)} in January and ${pct(week)} in the week of 7–13 February: it ${moved}. ${verdict}${why}`;
  return { baseline, week, outcome, right, text };
}
