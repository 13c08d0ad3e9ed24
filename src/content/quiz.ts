/**
 * The two quizzes that mirror the lesson's exercises (shared/LESSON.md):
 * A on training once (static), B on training again and again (dynamic), in
 * Bloomcast's own words, with a "See it in the lab" moment for every option.
 *
 * Owns: the questions, which statements are true, the explanations and the
 * lab moments, as typed data. Must not touch: components, grading, storage.
 *
 * Days are day numbers of a run at the default start (2025-07-01, day 1):
 * 62 = 31 Aug 2025, 131 = 8 Nov, 157 = 4 Dec, 199 = 15 Jan 2026,
 * 222 = 7 Feb 2026 (one week before Valentine's Day), 365 = 30 Jun 2026.
 */
import type { Intervention } from '../sim/contract';
import type { Settings } from '../sim/settings';
import { SCENARIOS, type ScenarioId } from '../sim/world/scenarios';

/** A moment in the lab that shows a claim: the world, the day, and any changes to make. */
export interface LabTarget {
  scenario: ScenarioId;
  /** Day number to show (1 = the run's first day). */
  day: number;
  /** What the student will see there, in a few words. */
  label: string;
  /** Settings that differ from the defaults (scenario aside). */
  settings?: Partial<Settings>;
  /** Rollbacks or gate switches to replay. */
  interventions?: Intervention[];
  /** The view that holds the evidence (a tab's id, src/store/tabs.ts; the chart if not given). */
  view?: 'chart' | 'models' | 'inputs' | 'jobs' | 'compare' | 'table';
  /** CSS selector of the evidence, scrolled into view and outlined. */
  spotlight?: string;
}

export interface QuizOption {
  id: string;
  text: string;
  /** Whether the statement is true. */
  correct: boolean;
  /** Why; for a false statement it starts by saying it is not so. */
  explanation: string;
  lab: LabTarget;
}

export type QuestionKind = 'single' | 'multiple';

export interface QuizQuestion {
  id: string;
  title: string;
  /** The situation and the question, without the count (the UI adds "pick two"). */
  prompt: string;
  /** Radio group (exactly one true) or checkbox group (several true). */
  kind: QuestionKind;
  options: QuizOption[];
}

export const QUIZ_TITLE = 'Check your understanding';

/** A scenario as a lab link's label names it: its one name (the picker's). */
const scenario = (id: ScenarioId) => `${SCENARIOS[id].title} scenario`;

export const QUIZ_INTRO =
  'Two short quizzes on the lesson. Choose, then check: every statement then shows whether it holds, why, and a link to the moment in the lab that shows it.';

const VALENTINE_WEEK: LabTarget = {
  scenario: 'valentine',
  day: 222,
  label: `${scenario('valentine')}, 7 Feb, one week before the holiday`,
};

export const QUIZ_A: QuizQuestion = {
  id: 'A',
  title: 'Quiz A: training once (static)',
  prompt:
    'A model is trained one time, offline, on July–August data and then served unchanged. Which statements about it are true?',
  kind: 'multiple',
  options: [
    {
      id: 'A1',
      text: 'It stays up to date as new data comes in.',
      correct: false,
      explanation:
        'Not so: a model trained once never learns from anything that happens after its training ended. When buying habits shift, it keeps answering for the old world and its predictions slide.',
      lab: VALENTINE_WEEK,
    },
    {
      id: 'A2',
      text: 'You can check how good it is before it starts serving.',
      correct: true,
      explanation:
        'True: with a single offline fit there is plenty of time to test the model on data it did not learn from before anyone relies on its answers.',
      lab: {
        scenario: 'valentine',
        day: 62,
        label: `${scenario('valentine')}, 31 Aug: the static model’s validation, before it serves`,
      },
    },
    {
      id: 'A3',
      text: 'Its training needs less watching than that of a model retrained online.',
      correct: true,
      explanation:
        'True: one training run is much less to supervise than a steady stream of them; the more often you train, the more you have to watch. Still, re-test it from time to time, so that a change in its code or in a library it uses cannot lower its quality unnoticed.',
      lab: {
        scenario: 'stable',
        day: 365,
        label: `${scenario('stable')}, 30 Jun: the cost ledger, one training run against hundreds`,
      },
    },
    {
      id: 'A4',
      text: 'The data it receives while serving hardly needs watching.',
      correct: false,
      explanation:
        'Not so: its inputs must be watched while it serves. Once they stop looking like the training data (think of a model fitted on summer shoppers scoring winter ones), its predictions can no longer be trusted.',
      lab: {
        scenario: 'seasons',
        day: 199,
        label: `${scenario('seasons')}, 15 Jan: the drift panel flags the static model’s inputs`,
      },
    },
  ],
};

export const QUIZ_B: QuizQuestion = {
  id: 'B',
  title: 'Quiz B: training again and again (dynamic)',
  prompt:
    'A model is retrained often on the newest labelled data, and the newest version is the one served. Which statement about it is true?',
  kind: 'single',
  options: [
    {
      id: 'B1',
      text: 'It stays up to date as new data comes in.',
      correct: true,
      explanation:
        'True: that is the whole point of retraining online. Each new version learns from the latest data, so the model escapes most of the ageing that a model trained once suffers.',
      lab: {
        ...VALENTINE_WEEK,
        label: `${scenario('valentine')}, 7 Feb: the dynamic line keeps up while the static one drops`,
      },
    },
    {
      id: 'B2',
      text: 'Its training jobs hardly need watching.',
      correct: false,
      explanation:
        'Not so: when training never stops, the jobs must be watched all the time too, and you need a way back to an earlier saved version for when a job goes wrong, for example a bug in the pipeline or broken input data.',
      lab: {
        scenario: 'buggy-job',
        day: 157,
        settings: { validationGate: false },
        label: `${scenario('buggy-job')} with the validation gate off, 4 Dec: bad versions are serving and need a rollback`,
      },
    },
    {
      id: 'B3',
      text: 'The data it receives while serving hardly needs watching.',
      correct: false,
      explanation:
        'Not so: its inputs need watching as well. Frequent retraining copes with slow, seasonal change, but a sudden break, such as an upstream data source going dark, still makes its predictions unreliable.',
      lab: {
        scenario: 'outage',
        day: 131,
        label: `${scenario('outage')}, 8 Nov: a feed sends zeros and both models suffer`,
      },
    },
  ],
};

/** Both quizzes, in the order shown. */
export const QUIZZES: readonly QuizQuestion[] = [QUIZ_A, QUIZ_B];
