/**
 * The student's quiz progress: for each question the options picked and
 * whether the answer was checked, kept between visits in localStorage. A
 * small vanilla zustand store of its own, apart from the lab store.
 *
 * Owns: the storage key 'bloomcast.quiz', the stored format's version and its
 * migration, and reading stored answers entry by entry through the one
 * storage loader (versionedStorage.ts): what validates is kept, the rest
 * dropped and named. Storage that is missing, full, disabled or corrupted
 * never throws.
 * Must not touch: the lab store, other storage keys, grading (src/ui/quiz/grade.ts
 * derives right, wrong and the score from `answers`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { QUIZZES, type QuizQuestion } from '../content/quiz';
import { echo } from '../sim/echo';
import type { KeyValueStorage } from './storage';
import {
  type DroppedField,
  loadStored,
  migrateStored,
  saveOnChange,
  saveStored,
  type StoredFormat,
} from './versionedStorage';

export const QUIZ_STORAGE_KEY = 'bloomcast.quiz';
/**
 * Version 1: `{ version: 1, answers: { A: { selected: ['A2'], checked: false } } }`.
 * Data without a version (a bare answers object, whose entries may also be bare
 * arrays of picked ids) is migrated by reading it entry by entry.
 */
export const QUIZ_STORAGE_VERSION = 1;
/** At most this many reasons are listed; the rest are counted. */
const MAX_REASONS = 6;

export interface QuestionProgress {
  /** Picked option ids, in the order the options are shown. */
  selected: string[];
  checked: boolean;
}

/** Progress for every question, by question id. */
export type QuizAnswers = Record<string, QuestionProgress>;

/** The storage quiz progress is kept in (tests pass a fake). */
export type QuizStorage = KeyValueStorage;

export interface LoadedQuiz {
  answers: QuizAnswers;
  /** What could not be used, one short reason each; empty when all was well. */
  dropped: string[];
}

export interface QuizState {
  answers: QuizAnswers;
  /** Reasons stored progress was (partly) dropped at start-up, for a quiet notice. */
  dropped: string[];
  /** The last save failed (storage full or disabled): progress lasts until the page closes. */
  unsaved: boolean;
  /** Picks (`on`, the default) or unpicks an option; a radio question keeps one pick. */
  select: (questionId: string, optionId: string, on?: boolean) => void;
  /** Marks the question checked, whatever is picked. */
  check: (questionId: string) => void;
  /** Clears the question's picks and its check. */
  retry: (questionId: string) => void;
  /** Clears every question (and the notice). */
  resetAll: () => void;
  dismissNotice: () => void;
}

export type QuizStore = StoreApi<QuizState>;

export interface QuizStoreOptions {
  /** Where progress is kept; null keeps it in memory only. */
  storage?: QuizStorage | null;
  questions?: readonly QuizQuestion[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stored text as a reason quotes it: cut, control characters shown (src/sim/echo.ts). */
const quote = (s: string) => `"${echo(s, 20)}"`;

/** Empty progress for every question. */
export function emptyAnswers(questions: readonly QuizQuestion[] = QUIZZES): QuizAnswers {
  return Object.fromEntries(questions.map((q) => [q.id, { selected: [], checked: false }]));
}

/** Reads one question's stored entry; what does not fit is named in `dropped`. */
function readEntry(
  question: QuizQuestion,
  raw: unknown,
  dropped: DroppedField[],
): QuestionProgress {
  const drop = (message: string) => dropped.push({ field: question.id, message });
  const empty = { selected: [], checked: false };
  const entry = Array.isArray(raw) ? { selected: raw, checked: false } : raw;
  if (!isRecord(entry) || !Array.isArray(entry.selected)) {
    drop(`the answer to quiz ${question.id} was not readable`);
    return empty;
  }
  const before = dropped.length;
  const picked = new Set<string>();
  for (const id of entry.selected as unknown[]) {
    if (typeof id === 'string' && question.options.some((o) => o.id === id)) picked.add(id);
    else
      drop(
        typeof id === 'string'
          ? `option ${quote(id)} is not in quiz ${question.id}`
          : `a picked option in quiz ${question.id} was not an id`,
      );
  }
  let selected = question.options.map((o) => o.id).filter((id) => picked.has(id));
  if (question.kind === 'single' && selected.length > 1) {
    drop(`quiz ${question.id} takes one answer; only the first was kept`);
    selected = selected.slice(0, 1);
  }
  if ('checked' in entry && typeof entry.checked !== 'boolean') {
    drop(`the "checked" mark of quiz ${question.id} was not true or false`);
  }
  // A check only counts for the picks it was made on.
  const checked = entry.checked === true && dropped.length === before;
  return { selected, checked };
}

/** Reads stored answers entry by entry: readable ones kept, the rest named. */
function readAnswers(
  questions: readonly QuizQuestion[],
  payload: unknown,
): { value: QuizAnswers; dropped: DroppedField[] } {
  const answers = emptyAnswers(questions);
  if (!isRecord(payload)) {
    return {
      value: answers,
      dropped: [{ field: '(all)', message: 'stored quiz answers were not an object' }],
    };
  }
  const dropped: DroppedField[] = [];
  for (const [id, raw] of Object.entries(payload)) {
    const question = questions.find((q) => q.id === id);
    if (question) answers[id] = readEntry(question, raw, dropped);
    else dropped.push({ field: id, message: `there is no quiz ${quote(id)}` });
  }
  return { value: answers, dropped };
}

/** The quiz key's format, for these questions. */
function quizFormat(questions: readonly QuizQuestion[]): StoredFormat<QuizAnswers> {
  return {
    key: QUIZ_STORAGE_KEY,
    version: QUIZ_STORAGE_VERSION,
    noun: 'stored quiz progress',
    maxReasons: MAX_REASONS,
    migrate: (value, version) =>
      version === undefined && isRecord(value) ? { payload: value } : null,
    unwrap: (stored) => stored.answers,
    wrap: (answers) => ({ answers }),
    validate: (payload) => readAnswers(questions, payload),
    empty: () => emptyAnswers(questions),
  };
}

/** Turns any stored value into the current format's answers object. */
export function migrateQuiz(value: unknown): { answers: unknown; note: string | null } {
  const { payload, note } = migrateStored(quizFormat(QUIZZES), value);
  return { answers: payload, note };
}

/** Reads stored progress; never throws. */
export function loadQuizProgress(
  storage: QuizStorage | null,
  questions: readonly QuizQuestion[] = QUIZZES,
): LoadedQuiz {
  const { value, dropped } = loadStored(storage, quizFormat(questions));
  return { answers: value, dropped: dropped.map((d) => d.message) };
}

/** Stores progress; returns false (and keeps going) when storage refuses. */
export function saveQuizProgress(storage: QuizStorage | null, answers: QuizAnswers): boolean {
  return saveStored(storage, quizFormat(QUIZZES), answers);
}

/** Creates the quiz store from stored progress and keeps storage in step with it. */
export function createQuizStore(options: QuizStoreOptions = {}): QuizStore {
  const storage = options.storage ?? null;
  const questions = options.questions ?? QUIZZES;
  const loaded = loadQuizProgress(storage, questions);
  const find = (id: string) => questions.find((q) => q.id === id);

  const store = createStore<QuizState>()((set, get) => {
    const update = (questionId: string, change: (p: QuestionProgress) => QuestionProgress) => {
      const current = get().answers[questionId];
      if (!current) return;
      const next = change(current);
      if (next !== current) set({ answers: { ...get().answers, [questionId]: next } });
    };
    return {
      answers: loaded.answers,
      dropped: loaded.dropped,
      unsaved: false,
      select(questionId, optionId, on = true) {
        const question = find(questionId);
        if (!question?.options.some((o) => o.id === optionId)) return;
        update(questionId, (p) => {
          if (p.checked || p.selected.includes(optionId) === on) return p;
          const picked = new Set(question.kind === 'single' && on ? [] : p.selected);
          if (on) picked.add(optionId);
          else picked.delete(optionId);
          const selected = question.options.map((o) => o.id).filter((id) => picked.has(id));
          return { ...p, selected };
        });
      },
      check(questionId) {
        update(questionId, (p) => (p.checked ? p : { ...p, checked: true }));
      },
      retry(questionId) {
        update(questionId, (p) =>
          p.checked || p.selected.length > 0 ? { selected: [], checked: false } : p,
        );
      },
      resetAll() {
        set({ answers: emptyAnswers(questions), dropped: [] });
      },
      dismissNotice() {
        set({ dropped: [] });
      },
    };
  });

  saveOnChange(store, storage, quizFormat(questions), (state) => state.answers);
  return store;
}
