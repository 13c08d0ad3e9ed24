/**
 * The two quizzes that mirror the lesson's exercises (shared/LESSON.md):
 * A on training once (static), B on training again and again (dynamic), in
 * Bloomcast's own words, with a "See it in the lab" moment for every option.
 *
 * Owns: the questions, which statements are true, the explanations and the
 * lab moments (scenario, day, view, the evidence to point at), as typed data.
 * Must not touch: components, grading, storage.
 *
 * Every moment is a default run (seed and start of defaultSettings) on a day
 * where its claim is visible; each day's rule is checked against the engine
 * in tests/unit/quizEvidence.test.ts:
 * - 62: the last day of the collection period; version 1 is trained and
 *   validated, nothing serves yet.
 * - 199 (seasons): the static model's inputs have a feature at "major", the
 *   dynamic model's none.
 * - 224: the first day the dynamic model is back from its Valentine's dip
 *   (src/sim/story/facts.ts `recovery`); the static one is still down.
 * - 229: Valentine's Day; the true effect of "has a partner" is far from
 *   what the static model learned in summer.
 * - 157 (buggy job, gate off): a version that failed its check is serving.
 * - 134 (outage): the fourth dark day; both models' 3-day means are more
 *   than 5 points under their usual level.
 * - 365: the last day; the cost ledger holds the whole year.
 */
import type { Intervention } from '../sim/contract';
import { defaultSettings, type Settings } from '../sim/settings';
import { dateOfDay, formatDate } from '../sim/world/calendar';
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

/** "14 Feb": a day of a default run, without the year. */
const dayText = (day: number) =>
  formatDate(dateOfDay(defaultSettings().startDate, day)).replace(/ \d{4}$/, '');

/** The evidence each view holds (data-evidence marks, src/ui). */
const EVIDENCE = {
  chart: '[data-evidence="chart"]',
  staticValidation: '[data-evidence="static-validation"]',
  staticLearned: '.model-static [data-evidence="learned"]',
  costLedger: '[data-evidence="cost-ledger"]',
  driftTable: '[data-evidence="drift-table"]',
  jobList: '[data-evidence="job-list"]',
} as const;

/** The days the moments show (the header says why each one). */
export const QUIZ_DAYS = {
  validated: 62,
  seasonsFlagged: 199,
  dynamicBack: 224,
  valentinesDay: 229,
  badVersionServing: 157,
  outageFourthDay: 134,
  lastDay: 365,
} as const;

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
      lab: {
        scenario: 'valentine',
        day: QUIZ_DAYS.valentinesDay,
        view: 'models',
        spotlight: EVIDENCE.staticLearned,
        label: `${scenario('valentine')}, ${dayText(QUIZ_DAYS.valentinesDay)}: the static model still weighs “has a partner” as it learned in summer, far from today’s truth`,
      },
    },
    {
      id: 'A2',
      text: 'You can check how good it is before it starts serving.',
      correct: true,
      explanation:
        'True: with a single offline fit there is plenty of time to test the model on data it did not learn from before anyone relies on its answers.',
      lab: {
        scenario: 'valentine',
        day: QUIZ_DAYS.validated,
        view: 'models',
        spotlight: EVIDENCE.staticValidation,
        label: `${scenario('valentine')}, ${dayText(QUIZ_DAYS.validated)}: the static model’s validation, before it serves`,
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
        day: QUIZ_DAYS.lastDay,
        view: 'jobs',
        spotlight: EVIDENCE.costLedger,
        label: `${scenario('stable')}, ${dayText(QUIZ_DAYS.lastDay)}: the cost ledger, one training run against hundreds`,
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
        day: QUIZ_DAYS.seasonsFlagged,
        view: 'inputs',
        spotlight: EVIDENCE.driftTable,
        label: `${scenario('seasons')}, ${dayText(QUIZ_DAYS.seasonsFlagged)}: the static model’s winter inputs, flagged against its summer training data`,
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
        'True: that is the whole point of retraining online. Each new version learns from the latest data, so the model escapes most of the ageing that a model trained once suffers. It is not instant: when buying habits change suddenly it drops too, and it is back within days, once the new days fill its training window. When habits change back, it trails for a while, because its window still holds the old days.',
      lab: {
        scenario: 'valentine',
        day: QUIZ_DAYS.dynamicBack,
        view: 'chart',
        spotlight: EVIDENCE.chart,
        label: `${scenario('valentine')}, ${dayText(QUIZ_DAYS.dynamicBack)}: the dynamic line dropped at the start of the rush and is back; the static one stays down`,
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
        day: QUIZ_DAYS.badVersionServing,
        settings: { validationGate: false },
        view: 'jobs',
        spotlight: EVIDENCE.jobList,
        label: `${scenario('buggy-job')} with the validation gate off, ${dayText(QUIZ_DAYS.badVersionServing)}: versions that failed their check are serving and need a rollback`,
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
        day: QUIZ_DAYS.outageFourthDay,
        view: 'chart',
        spotlight: EVIDENCE.chart,
        label: `${scenario('outage')}, ${dayText(QUIZ_DAYS.outageFourthDay)}, a few days into the outage: a feed sends zeros and both models drop`,
      },
    },
  ],
};

/** Both quizzes, in the order shown. */
export const QUIZZES: readonly QuizQuestion[] = [QUIZ_A, QUIZ_B];
