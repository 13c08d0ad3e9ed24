/**
 * Quiz progress: the store's actions, what it writes to storage, the
 * migration of unversioned data, and lenient loading (bad parts dropped and
 * named, never a throw).
 */
import { describe, expect, it } from 'vitest';
import {
  QUIZ_STORAGE_KEY,
  createQuizStore,
  loadQuizProgress,
  migrateQuiz,
  saveQuizProgress,
  type QuizStorage,
} from '../../src/store/quizProgress';
import { memoryStorage } from '../support/memoryStorage';

const fakeStorage = (initial?: string) =>
  memoryStorage(initial === undefined ? {} : { [QUIZ_STORAGE_KEY]: initial });

const stored = (storage: { data: Map<string, string> }): unknown =>
  JSON.parse(storage.data.get(QUIZ_STORAGE_KEY) ?? 'null');

describe('the quiz store', () => {
  it('starts empty and saves every change as version 1', () => {
    const storage = fakeStorage();
    const store = createQuizStore({ storage });
    expect(store.getState().answers).toEqual({
      A: { selected: [], checked: false },
      B: { selected: [], checked: false },
    });
    store.getState().select('A', 'A3');
    store.getState().select('A', 'A2');
    expect(store.getState().answers.A.selected).toEqual(['A2', 'A3']); // content order
    expect(stored(storage)).toEqual({
      version: 1,
      answers: {
        A: { selected: ['A2', 'A3'], checked: false },
        B: { selected: [], checked: false },
      },
    });
  });

  it('toggles checkboxes and keeps one pick for a radio question', () => {
    const store = createQuizStore();
    const { select } = store.getState();
    select('A', 'A1');
    select('A', 'A1', false);
    expect(store.getState().answers.A.selected).toEqual([]);
    select('B', 'B2');
    select('B', 'B1');
    expect(store.getState().answers.B.selected).toEqual(['B1']);
    select('B', 'B9'); // not an option
    select('C', 'C1'); // not a question
    expect(store.getState().answers.B.selected).toEqual(['B1']);
    expect(store.getState().answers.C).toBeUndefined();
  });

  it('checks any selection, locks it, and retry clears it', () => {
    const store = createQuizStore();
    store.getState().check('A'); // nothing picked: allowed
    expect(store.getState().answers.A).toEqual({ selected: [], checked: true });
    store.getState().select('A', 'A2'); // locked once checked
    expect(store.getState().answers.A.selected).toEqual([]);
    store.getState().retry('A');
    store.getState().select('A', 'A2');
    expect(store.getState().answers.A).toEqual({ selected: ['A2'], checked: false });
  });

  it('resetAll clears every question and the notice', () => {
    const storage = fakeStorage('{"version":1,"answers":{"Z":{"selected":[],"checked":true}}}');
    const store = createQuizStore({ storage });
    store.getState().select('B', 'B1');
    store.getState().check('B');
    expect(store.getState().dropped).not.toEqual([]);
    store.getState().resetAll();
    expect(store.getState().dropped).toEqual([]);
    expect(stored(storage)).toEqual({
      version: 1,
      answers: { A: { selected: [], checked: false }, B: { selected: [], checked: false } },
    });
  });

  it('restores saved progress in a new store', () => {
    const storage = fakeStorage();
    const first = createQuizStore({ storage });
    first.getState().select('B', 'B3');
    first.getState().check('B');
    const second = createQuizStore({ storage });
    expect(second.getState().answers.B).toEqual({ selected: ['B3'], checked: true });
    expect(second.getState().dropped).toEqual([]);
  });

  it('flags a storage that refuses to save, and never throws', () => {
    const storage: QuizStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createQuizStore({ storage });
    expect(store.getState().dropped).toEqual(['storage is not readable']);
    store.getState().select('A', 'A1');
    expect(store.getState().unsaved).toBe(true);
    expect(store.getState().answers.A.selected).toEqual(['A1']);
  });
});

describe('loading stored progress', () => {
  it('quotes stored ids cut and with control characters shown', () => {
    const text = JSON.stringify({
      version: 1,
      answers: { A: { selected: ['\u001b[2J'.repeat(10_000)] }, ['Z'.repeat(1_000_000)]: [] },
    });
    const { dropped } = loadQuizProgress(fakeStorage(text));
    expect(dropped).toHaveLength(2);
    expect(dropped[0]).toMatch(
      /^option "\\x1B\[2J\\x1B\[2J\\x1B\[2… \(40000 characters\)" is not in quiz A$/,
    );
    expect(dropped[1]).toBe('there is no quiz "ZZZZZZZZZZZZZZZZZZZZ… (1000000 characters)"');
  });

  it('migrates unversioned data, with bare arrays as picks', () => {
    expect(migrateQuiz({ A: ['A2'] })).toEqual({ answers: { A: ['A2'] }, note: null });
    const loaded = loadQuizProgress(fakeStorage('{"A":["A2","A3"],"B":{"selected":["B1"]}}'));
    expect(loaded).toEqual({
      answers: {
        A: { selected: ['A2', 'A3'], checked: false },
        B: { selected: ['B1'], checked: false },
      },
      dropped: [],
    });
  });

  it('drops unknown questions and options, and the check made on them', () => {
    const text = JSON.stringify({
      version: 1,
      answers: {
        A: { selected: ['A2', 'A7', 'A2', 5], checked: true },
        B: { selected: ['B1', 'B2'], checked: 'yes' },
        Q: { selected: ['Q1'], checked: false },
      },
    });
    const { answers, dropped } = loadQuizProgress(fakeStorage(text));
    expect(answers.A).toEqual({ selected: ['A2'], checked: false });
    expect(answers.B).toEqual({ selected: ['B1'], checked: false });
    expect(answers.Q).toBeUndefined();
    expect(dropped.join('\n')).toMatch(/"A7" is not in quiz A/);
    expect(dropped.join('\n')).toMatch(/not an id/);
    expect(dropped.join('\n')).toMatch(/quiz B takes one answer/);
    expect(dropped.join('\n')).toMatch(/checked/);
    expect(dropped.join('\n')).toMatch(/no quiz "Q"/);
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['null', 'null', /not an object/],
    ['an array', '[1,2]', /not an object/],
    ['a string', '"hello"', /not an object/],
    ['a future version', '{"version":7,"answers":{}}', /unknown format version \(7\)/],
    ['answers not an object', '{"version":1,"answers":[]}', /not an object/],
  ])('survives %s', (_, text, reason) => {
    const { answers, dropped } = loadQuizProgress(fakeStorage(text));
    expect(answers).toEqual({
      A: { selected: [], checked: false },
      B: { selected: [], checked: false },
    });
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatch(reason);
  });

  it('keeps the list of reasons short for large foreign data', () => {
    const foreign = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const { dropped } = loadQuizProgress(fakeStorage(JSON.stringify(foreign)));
    expect(dropped).toHaveLength(6);
    expect(dropped[5]).toBe('and 495 more');
  });

  it('reads nothing from missing storage and saves nowhere', () => {
    expect(loadQuizProgress(null).dropped).toEqual([]);
    expect(saveQuizProgress(null, {})).toBe(false);
  });
});
