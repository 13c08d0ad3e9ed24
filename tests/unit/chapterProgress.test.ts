/**
 * Chapter progress: the store's actions, what it writes to storage, a failed
 * save reported as `unsaved`, reading the old guided tour's guess once,
 * lenient loading (bad parts dropped and named, never a throw); the chapter
 * world's rules; links with `chapter=N`; and "New student".
 */
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../src/content/chapters';
import type { Chapter } from '../../src/content/chapterTypes';
import { defaultSettings } from '../../src/sim/settings';
import { initialState } from '../../src/store/boot';
import {
  CHAPTERS_STORAGE_KEY,
  OLD_TOUR_STORAGE_KEY,
  TOUR_GUESS_CHAPTER,
  chapterStorageNotice,
  createChapterStore,
  loadChapterProgress,
} from '../../src/store/chapterProgress';
import {
  chapterLessonSettings,
  chapterWorldOver,
  settingsDiffering,
} from '../../src/store/chapterWorld';
import { formatUrlState, parseUrlState } from '../../src/store/url';
import { memoryStorage } from '../support/memoryStorage';

const words = () => ({ sentences: ['A sentence.'], instead: null });
const note = { ask: 'Why?', usualWrongAnswer: 'Because.' };
/** Three small chapters; the second asks for the tour's old guess. */
const FIXTURE: Chapter[] = [
  {
    id: 'one',
    title: 'One',
    scenario: 'valentine',
    view: 'chart',
    spotlight: '.a',
    text: words,
    instructor: note,
  },
  {
    id: TOUR_GUESS_CHAPTER,
    title: 'Two',
    scenario: 'valentine',
    settings: { windowDays: 7 },
    view: 'chart',
    spotlight: '.b',
    text: words,
    instructor: note,
    predict: {
      question: 'What happens?',
      options: [
        { id: 'same', label: 'Nothing' },
        { id: 'drop', label: 'A drop' },
      ],
      revealDay: () => 229,
      reveal: () => null,
    },
  },
  {
    id: 'three',
    title: 'Three',
    scenario: 'stable',
    view: 'models',
    spotlight: '.c',
    text: words,
    instructor: note,
  },
];

const stored = (storage: { data: Map<string, string> }): unknown =>
  JSON.parse(storage.data.get(CHAPTERS_STORAGE_KEY) ?? 'null');

describe('the chapters store', () => {
  it('starts with none open, and saves each chapter opened by its number, as version 1', () => {
    const storage = memoryStorage();
    const store = createChapterStore({ storage, chapters: FIXTURE });
    expect(store.getState()).toMatchObject({ open: null, guesses: {}, seen: [] });
    store.getState().openAt(2);
    store.getState().openAt(0);
    expect(stored(storage)).toEqual({ version: 1, open: 1, guesses: {}, seen: ['one', 'three'] });
    store.getState().close();
    expect(stored(storage)).toMatchObject({ open: null });
    // A new visit reads the same progress back.
    const again = createChapterStore({ storage, chapters: FIXTURE });
    expect(again.getState()).toMatchObject({ open: null, seen: ['one', 'three'], dropped: [] });
  });

  it('keeps the open chapter within the list', () => {
    const store = createChapterStore({ chapters: FIXTURE });
    store.getState().openAt(-4);
    expect(store.getState().open).toBe(0);
    store.getState().openAt(99);
    expect(store.getState().open).toBe(2);
  });

  it('takes one guess per chapter, only one of its options', () => {
    const store = createChapterStore({ chapters: FIXTURE });
    store.getState().guess('one', 'drop'); // asks nothing
    store.getState().guess(TOUR_GUESS_CHAPTER, 'nonsense');
    expect(store.getState().guesses).toEqual({});
    store.getState().guess(TOUR_GUESS_CHAPTER, 'drop');
    store.getState().guess(TOUR_GUESS_CHAPTER, 'same'); // committed already
    expect(store.getState().guesses).toEqual({ [TOUR_GUESS_CHAPTER]: 'drop' });
    store.getState().clearAll();
    expect(store.getState()).toMatchObject({ open: null, guesses: {}, seen: [] });
  });

  it('reports a failed save as unsaved, and keeps going in memory', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = createChapterStore({ storage, chapters: FIXTURE });
    store.getState().openAt(1);
    expect(store.getState()).toMatchObject({ open: 1, unsaved: true });
  });
});

describe('reading stored progress', () => {
  it('keeps what validates and names the rest', () => {
    const storage = memoryStorage({
      [CHAPTERS_STORAGE_KEY]: JSON.stringify({
        version: 1,
        open: 7,
        guesses: { [TOUR_GUESS_CHAPTER]: 'drop', one: 'x' },
        seen: ['three', 'gone', 'one'],
        colour: 'red',
      }),
    });
    const { progress, dropped } = loadChapterProgress(storage, FIXTURE);
    expect(progress).toEqual({
      open: null,
      guesses: { [TOUR_GUESS_CHAPTER]: 'drop' },
      seen: ['one', 'three'],
    });
    expect(dropped.join('; ')).toMatch(/open chapter was not a chapter of this lesson/);
    expect(dropped.join('; ')).toMatch(/guess saved for "one" is not one of its options/);
    expect(dropped.join('; ')).toMatch(/1 of the chapters marked seen is not in this lesson/);
    expect(dropped.join('; ')).toMatch(/unknown fields \("colour"\)/);
    expect(chapterStorageNotice(dropped)).toMatch(
      /^Your saved place in the lesson could not all be read/,
    );
    expect(chapterStorageNotice([])).toBeNull();
  });

  it.each([
    ['not JSON', '{"version":1,', /not JSON/],
    ['an array', '[1,2]', /not an object/],
    ['a future version', '{"version":2,"open":1}', /unknown format version \(2\)/],
  ])('never throws on %s, and says why', (_name, text, reason) => {
    const storage = memoryStorage({ [CHAPTERS_STORAGE_KEY]: text });
    const store = createChapterStore({ storage, chapters: FIXTURE });
    expect(store.getState()).toMatchObject({ open: null, guesses: {}, seen: [] });
    expect(store.getState().dropped.join('; ')).toMatch(reason);
    // Loading wrote nothing.
    expect(storage.data.get(CHAPTERS_STORAGE_KEY)).toBe(text);
  });
});

describe("the old guided tour's progress", () => {
  it('becomes the guess of the chapter that asks its question, while no chapter progress is stored', () => {
    const tour = JSON.stringify({
      version: 1,
      open: true,
      step: 3,
      prediction: 'drop',
      dismissed: false,
    });
    const storage = memoryStorage({ [OLD_TOUR_STORAGE_KEY]: tour });
    const store = createChapterStore({ storage, chapters: FIXTURE });
    expect(store.getState()).toMatchObject({
      open: null,
      guesses: { [TOUR_GUESS_CHAPTER]: 'drop' },
      dropped: [],
    });
    // Loading wrote nothing; the first save writes the chapters' key, which is read from then on.
    expect(storage.data.has(CHAPTERS_STORAGE_KEY)).toBe(false);
    store.getState().openAt(0);
    expect(stored(storage)).toMatchObject({ guesses: { [TOUR_GUESS_CHAPTER]: 'drop' } });
    storage.data.set(OLD_TOUR_STORAGE_KEY, JSON.stringify({ prediction: 'same' }));
    expect(loadChapterProgress(storage, FIXTURE).progress.guesses).toEqual({
      [TOUR_GUESS_CHAPTER]: 'drop',
    });
  });

  it('drops a guess whose option no longer exists, and names it', () => {
    const storage = memoryStorage({ [OLD_TOUR_STORAGE_KEY]: '{"step":2,"prediction":"rise"}' });
    const { progress, dropped } = loadChapterProgress(storage, FIXTURE);
    expect(progress.guesses).toEqual({});
    expect(dropped).toEqual([
      'the guess saved by the old guided tour ("rise") is not an option of the chapter that now asks its question, so it was dropped',
    ]);
  });

  it('ignores tour data it cannot read (nothing of the tour is shown any more)', () => {
    for (const text of ['{', '42', '[]', '{"prediction":null}']) {
      const storage = memoryStorage({ [OLD_TOUR_STORAGE_KEY]: text });
      expect(loadChapterProgress(storage, FIXTURE)).toEqual({
        progress: { open: null, guesses: {}, seen: [] },
        dropped: [],
      });
    }
  });
});

describe("a chapter's world", () => {
  it('is the defaults with its scenario and settings', () => {
    expect(chapterLessonSettings(FIXTURE[1])).toEqual({ ...defaultSettings(), windowDays: 7 });
    expect(chapterLessonSettings(FIXTURE[2])).toEqual({ ...defaultSettings(), scenario: 'stable' });
  });

  it("goes over the settings on screen, keeping the student's own changes", () => {
    const mine = { ...defaultSettings(), seed: 5, cadence: 'monthly' as const };
    const two = chapterWorldOver(mine, FIXTURE[1], FIXTURE[0]);
    expect(two).toEqual({ ...mine, windowDays: 7 });
    // Leaving chapter two: its window was the chapter's change, not the student's.
    expect(chapterWorldOver(two, FIXTURE[2], FIXTURE[1])).toEqual({ ...mine, scenario: 'stable' });
    // A window the student set by hand after that stays.
    expect(chapterWorldOver({ ...two, windowDays: 14 }, FIXTURE[2], FIXTURE[1]).windowDays).toBe(
      14,
    );
    expect(settingsDiffering(two, chapterLessonSettings(FIXTURE[1]))).toEqual(['seed', 'cadence']);
  });
});

describe('chapter links', () => {
  it('reads chapter=N as a whole number within the lesson, naming a bad one', () => {
    expect(parseUrlState('?chapter=4').chapter).toBe(4);
    for (const bad of ['0', `${CHAPTERS.length + 1}`, '2.5', 'two', '9'.repeat(80)]) {
      const state = parseUrlState(`?chapter=${bad}`);
      expect(state.chapter).toBeNull();
      expect(state.dropped.map((d) => d.field)).toEqual(['chapter']);
    }
    expect(parseUrlState('?chapter=1&chapter=2').chapter).toBeNull();
  });

  it("opens the chapter in the lesson's settings: its world, day, view and element, never stored settings", () => {
    const storage = memoryStorage({
      'bloomcast.settings': JSON.stringify({ version: 1, settings: { seed: 9 } }),
    });
    CHAPTERS.forEach((chapter, i) => {
      const state = initialState(`?chapter=${i + 1}`, storage, '0.1.0');
      const lesson = chapterLessonSettings(chapter);
      expect(state.settings).toEqual(lesson);
      expect(state.chapter).toBe(i);
      expect(state.day).toBe(Math.min(lesson.days, chapter.day?.(lesson) ?? 0));
      expect(state.display).toMatchObject({
        tab: chapter.view,
        spotlight: { selector: chapter.spotlight },
      });
      expect(state.notices).toEqual([]);
    });
  });

  it('round-trips: what the page writes while a chapter is open opens the same moment', () => {
    const settings = { ...defaultSettings(), cadence: 'monthly' as const };
    const link = formatUrlState(settings, 120, [], '0.1.0', { tab: 'chart' }, 3);
    expect(link).toMatch(/&tab=chart&v=0\.1\.0&chapter=3$/);
    const state = initialState(link, null, '0.1.0');
    expect(state).toMatchObject({ settings, day: 120, chapter: 2 });
    expect(state.display.tab).toBe('chart');
    // Without a chapter the chart stays unwritten, as before.
    expect(formatUrlState(settings, 120, [], '0.1.0', { tab: 'chart' })).not.toMatch(/tab=/);
  });
});
