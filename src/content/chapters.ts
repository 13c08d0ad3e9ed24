/**
 * The lesson as chapters: eleven moments of the lab in the order the lesson
 * tells them (shared/LESSON.md), from "two ways to train" to the quizzes,
 * then "What if?" (a world with the knobs moved; last, so that links to the
 * first ten keep their numbers).
 * Each names its world, day, view and the element it points at, and computes
 * its sentences from the run on screen (docs/CHAPTERS.md states each rule).
 *
 * Owns: the chapters' structure and wording. Must not touch: components,
 * the lab store, storage.
 */
import { COLLECTION_DAYS } from '../sim/ops/schedule';
import type { Settings } from '../sim/settings';
import { firstRush } from '../sim/story/rush';
import { SCENARIOS } from '../sim/world/scenarios';
import type { Chapter } from './chapterTypes';
import { holds } from './chapterWords';
import {
  calmText,
  RUSH_PREDICTION,
  valentineText,
  wayBackDay,
  wayBackText,
  whatChangedText,
} from './valentineText';
import { inputsText, jobsText, seaLevelText, twoWaysText, verifyText } from './worldsText';
import { WHAT_IF_PREDICTION, whatIfDay, whatIfText } from './whatIfText';

/** Valentine's Day's day number in the run (the end of its rush), or the run's last day. */
const valentineDay = (s: Settings) => firstRush(s)?.day ?? s.days;
/** The day before Valentine's rush begins. */
const beforeRush = (s: Settings) => Math.max(1, (firstRush(s)?.from ?? s.days) - 1);

/** The day the buggy-job chapter shows: the first day after the bug's week. */
const afterBug = () => {
  const bug = SCENARIOS['buggy-job'].labelBug;
  return bug ? bug.fromDay + bug.days : COLLECTION_DAYS;
};
/** The day the outage chapter shows: a few days into the outage, where the dip is plain. */
const intoOutage = () => {
  const outage = SCENARIOS.outage.outage;
  return outage ? outage.fromDay + 3 : COLLECTION_DAYS;
};

export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'two-ways',
    title: 'Two ways to train',
    scenario: 'valentine',
    day: () => Math.round(COLLECTION_DAYS / 2),
    view: 'chart',
    spotlight: '.headlines',
    text: twoWaysText,
    instructor: {
      ask: 'Which of the two would you rather run in your own shop, and why?',
      usualWrongAnswer: 'Always the dynamic one: students forget what each retraining costs.',
    },
  },
  {
    id: 'verify',
    title: 'Checked before it serves',
    scenario: 'valentine',
    day: () => COLLECTION_DAYS,
    view: 'models',
    spotlight: '[data-evidence="static-validation"]',
    text: verifyText,
    instructor: {
      ask: 'What can you check about a model before anyone relies on it?',
      usualWrongAnswer:
        'That it will stay this good: a held-out test only speaks for the weeks it came from.',
    },
  },
  {
    id: 'calm',
    title: 'Months of calm',
    scenario: 'valentine',
    day: beforeRush,
    view: 'chart',
    spotlight: '[data-evidence="chart"]',
    text: calmText,
    instructor: {
      ask: 'The dynamic model has been retrained every day since September. What has it bought so far?',
      usualWrongAnswer:
        'A lot of accuracy. The chart shows the lines almost on top of each other: so far it has bought nearly nothing.',
    },
  },
  {
    id: 'valentine',
    title: 'Valentine’s week',
    scenario: 'valentine',
    day: beforeRush,
    view: 'chart',
    spotlight: '[data-evidence="chart"]',
    text: valentineText,
    predict: RUSH_PREDICTION,
    instructor: {
      ask: 'Before February plays: what will each model’s accuracy do in the week before the 14th?',
      usualWrongAnswer:
        'That the dynamic model sails through. It drops too: it learns of the rush only from the rush’s own labels, a few days in.',
    },
  },
  {
    id: 'what-changed',
    title: 'What changed: the inputs, or what they mean?',
    scenario: 'valentine',
    day: valentineDay,
    view: 'models',
    spotlight: '[data-evidence="learned"]',
    text: whatChangedText,
    instructor: {
      ask: 'Would watching the inputs have warned you before Valentine’s Day?',
      usualWrongAnswer:
        'Yes. But the visitors look much as before; what changes is how buying depends on them, and only labels show that.',
    },
  },
  {
    id: 'way-back',
    title: 'The way back',
    scenario: 'valentine',
    day: wayBackDay,
    view: 'chart',
    spotlight: '[data-evidence="chart"]',
    text: wayBackText,
    instructor: {
      ask: 'The holiday is over. Why is the model that kept learning now the worse one, and for how long?',
      usualWrongAnswer:
        'Only good things. A short window forgets the holiday sooner, but each job learns from fewer, noisier days.',
    },
  },
  {
    id: 'still-world',
    title: 'When the world keeps still',
    scenario: 'stable',
    day: (s) => s.days,
    view: 'models',
    spotlight: '[data-evidence="cost"]',
    text: seaLevelText,
    instructor: {
      ask: 'If retraining buys nothing here, what would make you pay for it anyway?',
      usualWrongAnswer:
        'Nothing: yet even a still world drifts eventually, and you only see it if you watch.',
    },
  },
  {
    id: 'jobs',
    title: 'Training jobs need watching',
    scenario: 'buggy-job',
    day: afterBug,
    view: 'jobs',
    spotlight: '[data-evidence="job-list"]',
    text: (run) => jobsText(run, afterBug()),
    instructor: {
      ask: 'What does a team need before it retrains every day?',
      usualWrongAnswer:
        'Nothing more than for one job: every job can go wrong, so every job needs a check and a way back.',
    },
  },
  {
    id: 'inputs',
    title: 'Inputs need watching',
    scenario: 'outage',
    day: intoOutage,
    view: 'inputs',
    spotlight: '[data-evidence="drift-table"]',
    text: (run) => inputsText(run, intoOutage()),
    instructor: {
      ask: 'Retraining did not save the dynamic model this time. What would have?',
      usualWrongAnswer:
        'Retraining faster: the inputs are broken, so a new model learns from broken data.',
    },
  },
  {
    id: 'quizzes',
    title: 'Test yourself',
    scenario: 'valentine',
    view: 'quiz',
    spotlight: '[aria-labelledby="quiz-title"]',
    text: () =>
      holds(
        'Two short quizzes close the lesson: one on training once, one on training all the time.',
      ),
    instructor: {
      ask: 'Which statement would you argue about with a colleague?',
      usualWrongAnswer: 'That a model retrained daily needs no watching: it needs more.',
    },
  },
  {
    id: 'what-if',
    title: 'What if? Robust, or luck',
    scenario: 'valentine',
    settings: { valentineEffect: 0.5 },
    day: whatIfDay,
    view: 'chart',
    spotlight: '[data-evidence="world-editor"]',
    text: whatIfText,
    predict: WHAT_IF_PREDICTION,
    instructor: {
      ask: 'If the holiday mattered half as much, would the static model lose half as many points? Would the dynamic model still need days to catch up?',
      usualWrongAnswer:
        'That the points lost follow the knob in proportion. They do not, and one seed cannot say how much of a drop is the world and how much is chance: that takes many seeds.',
    },
  },
];
