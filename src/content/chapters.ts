/**
 * The lesson as chapters: ten moments of the lab in the order the lesson
 * tells them (shared/LESSON.md), from "two ways to train" to the quizzes.
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
import type { Chapter, ChapterText } from './chapterTypes';

/** Valentine's Day's day number in the run (the end of its rush), or the run's last day. */
const valentineDay = (s: Settings) => firstRush(s)?.day ?? s.days;
/** The day before Valentine's rush begins. */
const beforeRush = (s: Settings) => Math.max(1, (firstRush(s)?.from ?? s.days) - 1);

const words = (...sentences: string[]): ChapterText => ({ sentences, instead: null });

export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'two-ways',
    title: 'Two ways to train',
    scenario: 'valentine',
    day: () => Math.round(COLLECTION_DAYS / 2),
    view: 'chart',
    spotlight: '.headlines',
    text: () =>
      words(
        'Both models guess whether a visitor will buy flowers, and both learn from the same July and August visits.',
        'The static model is then frozen; the dynamic one keeps learning from the newest labelled visits.',
      ),
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
    text: () =>
      words('The static model was tested on held-out July–August visits before it served anyone.'),
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
    text: () => words('Through autumn and winter the two lines run close together.'),
    instructor: {
      ask: 'The dynamic model has been retrained every day since September. What has it bought so far?',
      usualWrongAnswer: 'A lot of accuracy: the chart shows the lines almost on top of each other.',
    },
  },
  {
    id: 'valentine',
    title: 'Valentine’s week',
    scenario: 'valentine',
    day: beforeRush,
    view: 'chart',
    spotlight: '[data-evidence="chart"]',
    text: () =>
      words(
        'Valentine’s Day is two weeks away, and people shop for flowers differently just before it.',
      ),
    instructor: {
      ask: 'Before February plays: what will each model’s accuracy do in the week before the 14th?',
      usualWrongAnswer: 'The dynamic model will not notice anything: it drops too, for a few days.',
    },
  },
  {
    id: 'what-changed',
    title: 'What changed: the inputs, or what they mean?',
    scenario: 'valentine',
    day: valentineDay,
    view: 'models',
    spotlight: '[data-evidence="learned"]',
    text: () => words('The visitors look much as they did; what buying depends on has changed.'),
    instructor: {
      ask: 'Would watching the inputs have warned you before Valentine’s Day?',
      usualWrongAnswer: 'Yes: but the inputs hardly move; the link between inputs and buying does.',
    },
  },
  {
    id: 'way-back',
    title: 'The way back',
    scenario: 'valentine',
    day: (s) => Math.min(s.days, valentineDay(s) + 28),
    view: 'chart',
    spotlight: '[data-evidence="chart"]',
    text: () =>
      words(
        'After the holiday the dynamic model still remembers it for as long as its window holds those days.',
      ),
    instructor: {
      ask: 'What would a shorter training window change, after the holiday and on ordinary days?',
      usualWrongAnswer: 'Only good things: a short window also learns from fewer, noisier days.',
    },
  },
  {
    id: 'sea-level',
    title: 'When the world keeps still',
    scenario: 'stable',
    day: (s) => s.days,
    view: 'models',
    spotlight: '[data-evidence="cost"]',
    text: () =>
      words(
        'With no seasons and no holidays, the two models are equally good; only one of them costs hundreds of jobs.',
      ),
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
    day: () => {
      const bug = SCENARIOS['buggy-job'].labelBug;
      return bug ? bug.fromDay + bug.days : COLLECTION_DAYS;
    },
    view: 'jobs',
    spotlight: '[data-evidence="job-list"]',
    text: () =>
      words('A bug flipped some labels in the training job’s copy of the data for a week.'),
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
    day: () => {
      const outage = SCENARIOS.outage.outage;
      return outage ? outage.fromDay + 3 : COLLECTION_DAYS;
    },
    view: 'inputs',
    spotlight: '[data-evidence="drift-table"]',
    text: () => words('An upstream source went dark and sends a constant instead of time on site.'),
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
      words(
        'Two short quizzes close the lesson: one on training once, one on training all the time.',
      ),
    instructor: {
      ask: 'Which statement would you argue about with a colleague?',
      usualWrongAnswer: 'That a model retrained daily needs no watching: it needs more.',
    },
  },
];
