/**
 * Storage faults, for every key the lab keeps (settings, quiz, chapters): storage
 * that is full, disabled or unreadable, and data under our keys that is
 * corrupt, foreign, from a future version or only partly readable. For each:
 * loading never throws, readable quiz progress is kept exactly, the rest is
 * dropped with a reason, a failed save is reported, and nothing else is lost
 * (loading writes nothing; a failed save leaves what was stored alone).
 * The counts are reported as the `storage-faults` figures.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CHAPTERS } from '../../src/content/chapters';
import { defaultSettings, type Settings } from '../../src/sim/settings';
import { initialState } from '../../src/store/boot';
import { STORAGE_KEY, loadSettings, saveSettings } from '../../src/store/persist';
import {
  QUIZ_STORAGE_KEY,
  createQuizStore,
  emptyAnswers,
  type QuizAnswers,
} from '../../src/store/quizProgress';
import {
  CHAPTERS_STORAGE_KEY,
  INITIAL_CHAPTERS,
  createChapterStore,
  type ChapterProgress,
} from '../../src/store/chapterProgress';
import { browserStorage } from '../../src/store/storage';
import { recordFigures } from '../support/figures';

/** How a storage misbehaves. */
interface Faults {
  /** getItem throws (a SecurityError, as a browser with storage blocked does). */
  unreadable?: boolean;
  /** setItem throws a QuotaExceededError (storage full) or a SecurityError. */
  write?: 'full' | 'denied';
}

interface FakeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  data: Map<string, string>;
  /** Successful writes, by key. */
  writes: string[];
}

function faultyStorage(initial: Record<string, string>, faults: Faults = {}): FakeStorage {
  const data = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    data,
    writes,
    getItem(key) {
      if (faults.unreadable) throw new DOMException('The operation is insecure.', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (faults.write === 'full') {
        throw new DOMException(
          `Setting the value of '${key}' exceeded the quota.`,
          'QuotaExceededError',
        );
      }
      if (faults.write === 'denied') {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }
      data.set(key, value);
      writes.push(key);
    },
  };
}

const ANSWERS: QuizAnswers = {
  A: { selected: ['A2', 'A4'], checked: true },
  B: { selected: ['B3'], checked: false },
};
const SETTINGS: Settings = { ...defaultSettings(), seed: 42, cadence: 'weekly', windowDays: 14 };
const CHAPTER: ChapterProgress = { open: 3, guesses: {}, seen: ['two-ways', 'verify'] };
/** As stored: the open chapter by its number (1-based). */
const STORED_CHAPTER = { version: 1, open: 4, guesses: {}, seen: CHAPTER.seen };

/** Every key holding valid data of the current version. */
const GOOD: Record<string, string> = {
  [STORAGE_KEY]: JSON.stringify({ version: 1, settings: SETTINGS }),
  [QUIZ_STORAGE_KEY]: JSON.stringify({ version: 1, answers: ANSWERS }),
  [CHAPTERS_STORAGE_KEY]: JSON.stringify(STORED_CHAPTER),
};

const EMPTY = emptyAnswers();
const BINARY = '\u0000\u0001\uFFFD\uD800\uDFFF\u00FF\u{1F490}\u0007'.repeat(64);
const HUGE = `{"version":1,"answers":${'x'.repeat(3_000_000)}}`;
const half = (s: string) => s.slice(0, Math.floor(s.length / 2));

/** One row of the matrix: what storage holds and does, and what must come out of it. */
interface Case {
  name: string;
  data: Record<string, string>;
  faults?: Faults;
  /** Quiz answers that must be kept, exactly. */
  answers: QuizAnswers;
  /** A reason the quiz must give for what it dropped (none: it must drop nothing). */
  quizReason?: RegExp;
  /** Settings fields that must be kept from storage. */
  settings: Partial<Settings>;
  /** A reason the settings notice must give (none: no notice). */
  settingsReason?: RegExp;
  chapter: ChapterProgress;
  chapterReason?: RegExp;
}

const same = { answers: ANSWERS, settings: SETTINGS, chapter: CHAPTER };
const nothing = { answers: EMPTY, settings: {}, chapter: INITIAL_CHAPTERS };
const everyKey = (text: string) => ({
  [STORAGE_KEY]: text,
  [QUIZ_STORAGE_KEY]: text,
  [CHAPTERS_STORAGE_KEY]: text,
});
const notJson = {
  quizReason: /not JSON/,
  settingsReason: /not JSON/,
  chapterReason: /not JSON/,
};
const notObject = {
  quizReason: /not an object/,
  settingsReason: /not an object/,
  chapterReason: /not an object/,
};

const CASES: Case[] = [
  { name: 'healthy, empty', data: {}, ...nothing },
  { name: 'healthy, all valid', data: GOOD, ...same },
  {
    name: 'full: QuotaExceededError on every write',
    data: GOOD,
    faults: { write: 'full' },
    ...same,
  },
  { name: 'full, nothing stored yet', data: {}, faults: { write: 'full' }, ...nothing },
  { name: 'writes denied (SecurityError)', data: GOOD, faults: { write: 'denied' }, ...same },
  {
    name: 'unreadable and unwritable (getItem and setItem throw)',
    data: GOOD,
    faults: { unreadable: true, write: 'denied' },
    ...nothing,
    quizReason: /storage is not readable/,
    settingsReason: /storage is not readable/,
    chapterReason: /storage is not readable/,
  },
  {
    name: 'unreadable, writable',
    data: GOOD,
    faults: { unreadable: true },
    ...nothing,
    quizReason: /storage is not readable/,
    settingsReason: /storage is not readable/,
    chapterReason: /storage is not readable/,
  },
  { name: 'corrupt: not JSON', data: everyKey('{"version":1,'), ...nothing, ...notJson },
  {
    name: 'corrupt: truncated JSON',
    data: {
      [STORAGE_KEY]: half(GOOD[STORAGE_KEY]),
      [QUIZ_STORAGE_KEY]: half(GOOD[QUIZ_STORAGE_KEY]),
      [CHAPTERS_STORAGE_KEY]: half(GOOD[CHAPTERS_STORAGE_KEY]),
    },
    ...nothing,
    ...notJson,
  },
  { name: 'corrupt: binary garbage', data: everyKey(BINARY), ...nothing, ...notJson },
  { name: 'corrupt: a huge string (3 MB)', data: everyKey(HUGE), ...nothing, ...notJson },
  { name: 'corrupt: empty string', data: everyKey(''), ...nothing, ...notJson },
  { name: 'foreign: an array', data: everyKey('[1,"two",{"three":3}]'), ...nothing, ...notObject },
  { name: 'foreign: a string', data: everyKey('"dark-mode"'), ...nothing, ...notObject },
  { name: 'foreign: null', data: everyKey('null'), ...nothing, ...notObject },
  {
    name: 'foreign: a number',
    data: everyKey('42'),
    ...nothing,
    ...notObject,
  },
  {
    name: 'foreign: an object of another shape',
    data: everyKey('{"theme":"dark","user":{"id":1,"name":"<script>alert(1)</script>"}}'),
    ...nothing,
    quizReason: /no quiz "theme"/,
    settingsReason: /unknown setting "theme"/,
    chapterReason: /unknown fields/,
  },
  {
    name: 'foreign: a future format version',
    data: {
      [STORAGE_KEY]: JSON.stringify({ version: 2, settings: SETTINGS }),
      [QUIZ_STORAGE_KEY]: JSON.stringify({ version: 2, answers: ANSWERS }),
      [CHAPTERS_STORAGE_KEY]: JSON.stringify({ ...STORED_CHAPTER, version: 2 }),
    },
    ...nothing,
    quizReason: /unknown format version \(2\)/,
    settingsReason: /unknown format version \(2\)/,
    chapterReason: /unknown format version \(2\)/,
  },
  {
    name: 'foreign: a huge version string',
    data: everyKey(JSON.stringify({ version: 'v'.repeat(100_000) })),
    ...nothing,
    quizReason: /unknown format version/,
    settingsReason: /unknown format version/,
    chapterReason: /unknown format version/,
  },
  {
    name: 'foreign: prototype keys',
    data: everyKey('{"__proto__":{"seed":3,"A":1},"constructor":{"prototype":{"x":1}}}'),
    ...nothing,
    quizReason: /no quiz "__proto__"/,
    settingsReason: /constructor/,
    chapterReason: /unknown fields/,
  },
  {
    name: 'partial quiz: a bad option and a non-id in A, B intact, an unknown quiz',
    data: {
      ...GOOD,
      [QUIZ_STORAGE_KEY]: JSON.stringify({
        version: 1,
        answers: {
          A: { selected: ['A4', 'A9', 7, 'A2'], checked: true },
          B: { selected: ['B3'], checked: false },
          Z: { selected: ['Z1'] },
        },
      }),
    },
    ...same,
    // The check on A was made on picks that no longer all exist, so it is dropped.
    answers: { A: { selected: ['A2', 'A4'], checked: false }, B: ANSWERS.B },
    quizReason: /"A9" is not in quiz A/,
  },
  {
    name: 'partial quiz: unversioned, A as a bare array, B unreadable',
    data: { ...GOOD, [QUIZ_STORAGE_KEY]: '{"A":["A3","A1"],"B":"B1"}' },
    ...same,
    answers: { A: { selected: ['A1', 'A3'], checked: false }, B: EMPTY.B },
    quizReason: /the answer to quiz B was not readable/,
  },
  {
    name: 'partial quiz: two picks in the one-answer quiz, a bad check mark',
    data: {
      ...GOOD,
      [QUIZ_STORAGE_KEY]: JSON.stringify({
        version: 1,
        answers: {
          A: { selected: ['A2'], checked: 'yes' },
          B: { selected: ['B3', 'B1'], checked: true },
        },
      }),
    },
    ...same,
    answers: { A: { selected: ['A2'], checked: false }, B: { selected: ['B1'], checked: false } },
    quizReason: /quiz B takes one answer/,
  },
  {
    name: 'partial quiz: one good answer among hundreds of foreign entries',
    data: {
      ...GOOD,
      [QUIZ_STORAGE_KEY]: JSON.stringify({
        version: 1,
        answers: {
          ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`q${i}`, [i]])),
          B: { selected: ['B2'], checked: true },
        },
      }),
    },
    ...same,
    answers: { A: EMPTY.A, B: { selected: ['B2'], checked: true } },
    quizReason: /and 295 more/,
  },
  {
    name: 'partial settings and chapters: good fields kept, bad ones named',
    data: {
      ...GOOD,
      [STORAGE_KEY]: JSON.stringify({
        version: 1,
        settings: { seed: 42, windowDays: -3, cadence: 'hourly', days: '365', speed: 2 },
      }),
      [CHAPTERS_STORAGE_KEY]: JSON.stringify({ version: 1, open: 99, seen: ['verify', 'x'] }),
    },
    ...same,
    settings: { seed: 42 },
    settingsReason: /Training window.*Retrain the dynamic model.*Days to simulate.*speed/,
    chapter: { ...INITIAL_CHAPTERS, seen: ['verify'] },
    chapterReason: /not a chapter of this lesson/,
  },
];

const tally = { cases: 0, survived: 0 };
afterAll(() => recordFigures('storage-faults', tally));
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('storage faults', () => {
  it.each(CASES)('$name', (c) => {
    tally.cases++;
    const storage = faultyStorage(c.data, c.faults);
    const before = new Map(storage.data);
    const writeFails = c.faults?.write !== undefined;

    // Loading never throws and writes nothing.
    const quiz = createQuizStore({ storage });
    const chapters = createChapterStore({ storage });
    const settings = loadSettings(storage);
    const init = initialState('', storage, '0.1.0');
    expect(storage.writes).toEqual([]);

    // Readable quiz progress is kept exactly; the rest is dropped with a reason.
    expect(quiz.getState().answers).toEqual(c.answers);
    if (c.quizReason) expect(quiz.getState().dropped.join('; ')).toMatch(c.quizReason);
    else expect(quiz.getState().dropped).toEqual([]);
    expect(quiz.getState().unsaved).toBe(false);

    expect(settings.settings).toEqual(c.settings);
    expect(init.settings).toEqual({ ...defaultSettings(), ...c.settings });
    const notice = init.notices.find((n) => n.id === 'storage');
    if (c.settingsReason) {
      expect(settings.dropped.length).toBeGreaterThan(0);
      expect(notice?.text).toMatch(c.settingsReason);
      expect(notice?.text.length).toBeLessThan(2000);
    } else {
      expect(settings.dropped).toEqual([]);
      expect(notice).toBeUndefined();
    }

    const { open, guesses, seen } = chapters.getState();
    expect({ open, guesses, seen }).toEqual(c.chapter);
    if (c.chapterReason) expect(chapters.getState().dropped.join('; ')).toMatch(c.chapterReason);
    else expect(chapters.getState().dropped).toEqual([]);

    // Saving: a failure is reported, the change lives on in memory, and what
    // was stored before is left exactly as it was.
    quiz.getState().retry('B');
    quiz.getState().select('B', 'B2');
    expect(quiz.getState().unsaved).toBe(writeFails);
    expect(quiz.getState().answers.B).toEqual({ selected: ['B2'], checked: false });
    expect(quiz.getState().answers.A).toEqual(c.answers.A);
    const changed = { ...defaultSettings(), ...c.settings, seed: 7 };
    expect(saveSettings(storage, changed)).toBe(!writeFails);
    expect(() => chapters.getState().openAt((c.chapter.open ?? -1) + 1)).not.toThrow();
    expect(chapters.getState().open).toBe(
      Math.min((c.chapter.open ?? -1) + 1, CHAPTERS.length - 1),
    );
    expect(chapters.getState().unsaved).toBe(writeFails);
    if (writeFails) {
      expect(storage.data).toEqual(before);
    } else {
      expect(JSON.parse(storage.data.get(QUIZ_STORAGE_KEY) ?? 'null')).toMatchObject({
        version: 1,
        answers: { A: c.answers.A, B: { selected: ['B2'], checked: false } },
      });
      expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? 'null')).toEqual({
        version: 1,
        settings: changed,
      });
    }
    tally.survived++;
  });

  it('storage disabled by the browser (the localStorage getter throws): nothing read, saves reported', () => {
    tally.cases++;
    vi.stubGlobal('window', {
      get localStorage(): never {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const quizStorage = browserStorage();
    const quiz = createQuizStore({ storage: quizStorage });
    const chapters = createChapterStore({ storage: browserStorage() });
    expect(quiz.getState().answers).toEqual(EMPTY);
    expect(quiz.getState().dropped).toEqual([]);
    quiz.getState().select('A', 'A1');
    // The student is told their answers will not outlast the page.
    expect(quiz.getState().unsaved).toBe(true);
    expect(quiz.getState().answers.A.selected).toEqual(['A1']);
    chapters.getState().openAt(0);
    expect(chapters.getState().open).toBe(0);
    expect(chapters.getState().unsaved).toBe(true);
    // The lab itself: no storage, so no settings are read and saving reports failure.
    const init = initialState('?seed=5', null, '0.1.0');
    expect(init.settings.seed).toBe(5);
    expect(init.notices).toEqual([]);
    expect(saveSettings(null, init.settings)).toBe(false);
    tally.survived++;
  });

  it('a save that fails, then succeeds, clears the unsaved mark', () => {
    tally.cases++;
    const faults: Faults = { write: 'full' };
    const storage = faultyStorage({}, faults);
    const quiz = createQuizStore({ storage });
    quiz.getState().select('A', 'A2');
    expect(quiz.getState().unsaved).toBe(true);
    delete faults.write; // space was freed
    quiz.getState().select('A', 'A4');
    expect(quiz.getState().unsaved).toBe(false);
    expect(JSON.parse(storage.data.get(QUIZ_STORAGE_KEY) ?? 'null')).toEqual({
      version: 1,
      answers: { ...EMPTY, A: { selected: ['A2', 'A4'], checked: false } },
    });
    tally.survived++;
  });
});
