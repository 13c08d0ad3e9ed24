/**
 * The lesson panel's text: static against dynamic training, and the rules of
 * thumb, in Bloomcast's own words (shared/LESSON.md holds the substance).
 *
 * Owns: wording, as typed data. Must not touch: components.
 */
import { SCENARIOS } from '../sim/world/scenarios';

export interface LessonRow {
  aspect: string;
  static: string;
  dynamic: string;
}

export const LESSON_TITLE = 'Train once, or keep training?';

export const LESSON_INTRO =
  'Both models in this lab start from the same July–August data. One is frozen after that; the other keeps learning from the newest labelled visits. Which one is better depends on whether the world they predict keeps still.';

export const LESSON_TABLE: LessonRow[] = [
  {
    aspect: 'How it works',
    static: 'Fit the model one time, then keep serving that same model.',
    dynamic: 'Fit again and again as labelled data arrives; always serve the newest fit.',
  },
  {
    aspect: 'What you gain',
    static: 'Simplicity: you build and check one model, once.',
    dynamic:
      'It catches up when the link between inputs and outcomes shifts, a few days late: it learns of a change only from the change’s own labels.',
  },
  {
    aspect: 'What it costs',
    static: 'It ages: once behaviour moves on, its predictions quietly get worse.',
    dynamic:
      'Ongoing work: every new version has to be trained, checked and released, and sometimes undone. And it remembers a passing change for as long as its training window holds it.',
  },
];

export const RULES_OF_THUMB: string[] = [
  `When the data really stays put over time, train once: it is cheaper to build and to look after. (Try the “${SCENARIOS.stable.title}” scenario: the two lines lie on top of each other while the dynamic model runs hundreds of jobs.)`,
  'Do not count on it staying put. Even things that seem fixed drift eventually, and holidays and seasons move a flower shop every year.',
  'So watch the inputs a model receives while it serves, even if you never retrain it: a model can only be as good as the data you feed it today.',
];
