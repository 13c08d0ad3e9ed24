/**
 * The quizzes' content and grading: the exercises have the lesson's answers
 * (two true in A, one in B), every option explains itself and names a real
 * moment in the lab, and a question is right only for exactly its true set.
 */
import { describe, expect, it } from 'vitest';
import { QUIZ_A, QUIZ_B, QUIZZES, type QuizQuestion } from '../../src/content/quiz';
import { defaultSettings, parseSettingsLenient } from '../../src/sim/settings';
import { SCENARIO_IDS } from '../../src/sim/world/scenarios';
import { dateOfDay } from '../../src/sim/world/calendar';
import {
  countWord,
  expectedCount,
  gradeQuestion,
  optionVerdict,
  scoreQuizzes,
} from '../../src/ui/quiz/grade';

const trueIds = (q: QuizQuestion) => q.options.filter((o) => o.correct).map((o) => o.id);
const NEGATION = /^(Not so|No)\b/;

describe('quiz content', () => {
  it('A has four statements, exactly two true (A2, A3), as a checkbox group', () => {
    expect(QUIZ_A.options).toHaveLength(4);
    expect(trueIds(QUIZ_A)).toEqual(['A2', 'A3']);
    expect(QUIZ_A.kind).toBe('multiple');
  });

  it('B has three statements, exactly one true (B1), as a radio group', () => {
    expect(QUIZ_B.options).toHaveLength(3);
    expect(trueIds(QUIZ_B)).toEqual(['B1']);
    expect(QUIZ_B.kind).toBe('single');
  });

  it('question and option ids are unique', () => {
    const ids = QUIZZES.flatMap((q) => [q.id, ...q.options.map((o) => o.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a radio question has exactly one true option', () => {
    for (const q of QUIZZES) expect(q.kind === 'single').toBe(expectedCount(q) === 1);
  });

  describe.each(QUIZZES.flatMap((q) => q.options))('option $id', (option) => {
    it('has text and an explanation that fits its truth', () => {
      expect(option.text.trim()).not.toBe('');
      expect(option.explanation.trim().length).toBeGreaterThan(40);
      if (option.correct) expect(option.explanation).not.toMatch(NEGATION);
      else expect(option.explanation).toMatch(NEGATION);
    });

    it('links to a real scenario on a day of a default run', () => {
      const { lab } = option;
      expect(SCENARIO_IDS).toContain(lab.scenario);
      expect(Number.isInteger(lab.day)).toBe(true);
      expect(lab.day).toBeGreaterThanOrEqual(1);
      expect(lab.day).toBeLessThanOrEqual(365);
      expect(lab.day).toBeLessThanOrEqual(defaultSettings().days);
      expect(lab.label.trim()).not.toBe('');
      if (lab.settings) {
        const parsed = parseSettingsLenient(lab.settings);
        expect(parsed.dropped).toEqual([]);
        expect(lab.settings.days ?? defaultSettings().days).toBeGreaterThanOrEqual(lab.day);
      }
    });
  });

  it('lab moments land on the dates the lesson names (default start)', () => {
    const start = defaultSettings().startDate;
    const at = (id: string) => {
      const option = QUIZZES.flatMap((q) => q.options).find((o) => o.id === id);
      if (!option) throw new Error(id);
      return { scenario: option.lab.scenario, date: dateOfDay(start, option.lab.day) };
    };
    expect(at('A1')).toEqual({ scenario: 'valentine', date: '2026-02-14' });
    expect(at('B1')).toEqual({ scenario: 'valentine', date: '2026-02-09' });
    expect(at('A2')).toEqual({ scenario: 'valentine', date: '2025-08-31' });
    expect(at('A3')).toEqual({ scenario: 'stable', date: '2026-06-30' });
    expect(at('A4')).toEqual({ scenario: 'seasons', date: '2026-01-15' });
    expect(at('B2')).toEqual({ scenario: 'buggy-job', date: '2025-12-04' });
    expect(at('B3')).toEqual({ scenario: 'outage', date: '2025-11-11' });
    const b2 = QUIZ_B.options.find((o) => o.id === 'B2');
    expect(b2?.lab.settings).toEqual({ validationGate: false });
  });
});

describe('grading', () => {
  it('A is right only for exactly A2 and A3, in any order', () => {
    expect(gradeQuestion(QUIZ_A, ['A2', 'A3']).correct).toBe(true);
    expect(gradeQuestion(QUIZ_A, new Set(['A3', 'A2'])).correct).toBe(true);
    expect(gradeQuestion(QUIZ_A, ['A2']).correct).toBe(false);
    expect(gradeQuestion(QUIZ_A, ['A2', 'A3', 'A4']).correct).toBe(false);
    expect(gradeQuestion(QUIZ_A, ['A1', 'A4']).correct).toBe(false);
    expect(gradeQuestion(QUIZ_A, []).correct).toBe(false);
  });

  it('B is right only for B1 alone', () => {
    expect(gradeQuestion(QUIZ_B, ['B1']).correct).toBe(true);
    expect(gradeQuestion(QUIZ_B, ['B2']).correct).toBe(false);
    expect(gradeQuestion(QUIZ_B, ['B1', 'B3']).correct).toBe(false);
  });

  it('grades each option and counts picks', () => {
    const grade = gradeQuestion(QUIZ_A, ['A1', 'A2', 'A9']);
    expect(grade.expected).toBe(2);
    expect(grade.chosenCount).toBe(2); // A9 is not an option
    expect(grade.truePicked).toBe(1);
    expect(grade.options.map((o) => [o.option.id, o.chosen, o.right])).toEqual([
      ['A1', true, false],
      ['A2', true, true],
      ['A3', false, false],
      ['A4', false, true],
    ]);
    expect(grade.options.map(optionVerdict)).toEqual([
      'wrong-pick',
      'right-pick',
      'missed',
      'right-skip',
    ]);
  });

  it('scores only checked questions', () => {
    expect(scoreQuizzes(QUIZZES, {})).toEqual({ correct: 0, checked: 0, total: 2 });
    expect(
      scoreQuizzes(QUIZZES, {
        A: { selected: ['A2', 'A3'], checked: true },
        B: { selected: ['B1'], checked: false },
      }),
    ).toEqual({ correct: 1, checked: 1, total: 2 });
    expect(
      scoreQuizzes(QUIZZES, {
        A: { selected: ['A2', 'A3'], checked: true },
        B: { selected: ['B1'], checked: true },
      }),
    ).toEqual({ correct: 2, checked: 2, total: 2 });
    expect(
      scoreQuizzes(QUIZZES, {
        A: { selected: ['A1'], checked: true },
        B: { selected: ['B1'], checked: true },
      }),
    ).toEqual({ correct: 1, checked: 2, total: 2 });
  });

  it('writes small counts as words', () => {
    expect([countWord(1), countWord(2), countWord(12)]).toEqual(['one', 'two', '12']);
  });
});
