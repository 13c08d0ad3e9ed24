/**
 * Grading the quizzes: a selection of option ids against a question, and a
 * score across all questions. Pure functions, no state.
 *
 * Owns: what counts as right (a question is right only when the selection is
 * exactly its set of true options) and the expected-count wording.
 * Must not touch: content (it is passed in), storage, components.
 */
import type { QuizOption, QuizQuestion } from '../../content/quiz';

export interface OptionGrade {
  option: QuizOption;
  /** The student picked it. */
  chosen: boolean;
  /** The student's call on this option matches the truth (picked a true one or left a false one). */
  right: boolean;
}

export type OptionVerdict = 'right-pick' | 'wrong-pick' | 'missed' | 'right-skip';

export interface QuestionGrade {
  questionId: string;
  options: OptionGrade[];
  /** The selection is exactly the set of true options. */
  correct: boolean;
  /** How many options are true. */
  expected: number;
  /** How many options the student picked (unknown ids are ignored). */
  chosenCount: number;
  /** How many true options the student picked. */
  truePicked: number;
}

/** The answer to one question as the quiz store keeps it. */
export interface AnswerLike {
  selected: readonly string[];
  checked: boolean;
}

export interface QuizScore {
  /** Checked questions answered exactly right. */
  correct: number;
  /** Questions checked so far. */
  checked: number;
  /** All questions. */
  total: number;
}

/** How many options of a question are true. */
export function expectedCount(question: QuizQuestion): number {
  return question.options.filter((o) => o.correct).length;
}

/** Grades a selection; ids that are not options of the question are ignored. */
export function gradeQuestion(question: QuizQuestion, selection: Iterable<string>): QuestionGrade {
  const picked = new Set(selection);
  const options = question.options.map((option) => {
    const chosen = picked.has(option.id);
    return { option, chosen, right: chosen === option.correct };
  });
  return {
    questionId: question.id,
    options,
    correct: options.every((o) => o.right),
    expected: expectedCount(question),
    chosenCount: options.filter((o) => o.chosen).length,
    truePicked: options.filter((o) => o.chosen && o.option.correct).length,
  };
}

/** The four ways an option can come out, for wording and colour. */
export function optionVerdict(grade: OptionGrade): OptionVerdict {
  if (grade.chosen) return grade.option.correct ? 'right-pick' : 'wrong-pick';
  return grade.option.correct ? 'missed' : 'right-skip';
}

/** The score across questions: only checked questions count as answered. */
export function scoreQuizzes(
  questions: readonly QuizQuestion[],
  answers: Readonly<Record<string, AnswerLike | undefined>>,
): QuizScore {
  let correct = 0;
  let checked = 0;
  for (const question of questions) {
    const answer = answers[question.id];
    if (!answer?.checked) continue;
    checked += 1;
    if (gradeQuestion(question, answer.selected).correct) correct += 1;
  }
  return { correct, checked, total: questions.length };
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "one", "two", ... for small counts; digits beyond nine. */
export function countWord(n: number): string {
  return WORDS[n] ?? String(n);
}
