/**
 * Tour progress: the store's actions, what it writes to storage, a failed
 * save reported as `unsaved`, the migration of unversioned data, lenient
 * loading (bad parts dropped and named, never a throw), and the tour
 * content's integrity.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOUR_STEPS, outcomeOf, revealPrediction } from '../../src/content/tour';
import type { DayResult } from '../../src/sim/contract';
import { browserStorage } from '../../src/store/storage';
import { memoryStorage } from '../support/memoryStorage';
import {
  TOUR_STORAGE_KEY,
  createTourStore,
  loadTourProgress,
  migrateTour,
  tourStorageNotice,
  type TourStorage,
} from '../../src/store/tourProgress';

const fakeStorage = (initial?: string) =>
  memoryStorage(initial === undefined ? {} : { [TOUR_STORAGE_KEY]: initial });

const stored = (storage: { data: Map<string, string> }): unknown =>
  JSON.parse(storage.data.get(TOUR_STORAGE_KEY) ?? 'null');

const PREDICT_STEP = TOUR_STEPS.findIndex((s) => s.predict);

describe('the tour store', () => {
  it('starts closed at the first step and saves every move as version 1', () => {
    const storage = fakeStorage();
    const store = createTourStore({ storage });
    expect(store.getState()).toMatchObject({
      open: false,
      step: 0,
      prediction: null,
      dismissed: false,
    });
    store.getState().start();
    store.getState().next();
    store.getState().next();
    expect(stored(storage)).toEqual({
      version: 1,
      open: true,
      step: 2,
      prediction: null,
      dismissed: false,
    });
  });

  it('keeps the step within the tour', () => {
    const store = createTourStore();
    store.getState().back();
    expect(store.getState().step).toBe(0);
    for (let i = 0; i < 20; i++) store.getState().next();
    expect(store.getState().step).toBe(TOUR_STEPS.length - 1);
  });

  it('closes, then resumes at the same step', () => {
    const storage = fakeStorage();
    const store = createTourStore({ storage });
    store.getState().start();
    store.getState().next();
    store.getState().close();
    expect(store.getState()).toMatchObject({ open: false, dismissed: true, step: 1 });
    // A new visit reads the same place back.
    const again = createTourStore({ storage });
    again.getState().start();
    expect(again.getState()).toMatchObject({ open: true, dismissed: false, step: 1 });
  });

  it('takes one guess, only on the prediction step, and reset clears it', () => {
    const store = createTourStore();
    store.getState().predict('drop');
    expect(store.getState().prediction).toBeNull(); // not on the prediction step
    while (store.getState().step < PREDICT_STEP) store.getState().next();
    store.getState().predict('nonsense');
    expect(store.getState().prediction).toBeNull();
    store.getState().predict('same');
    store.getState().predict('drop'); // committed already
    expect(store.getState().prediction).toBe('same');
    store.getState().reset();
    expect(store.getState()).toMatchObject({ step: 0, prediction: null });
  });

  it('keeps working in memory when storage refuses to save', () => {
    const storage: TourStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const store = createTourStore({ storage });
    expect(store.getState().dropped).toEqual(['storage is not readable']);
    expect(store.getState().unsaved).toBe(false);
    expect(() => store.getState().next()).not.toThrow();
    expect(store.getState().step).toBe(1);
    expect(store.getState().unsaved).toBe(true);
  });
});

describe('a failed save', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks progress unsaved, keeps the move, and clears the mark once a save succeeds', () => {
    const data = new Map([[TOUR_STORAGE_KEY, JSON.stringify({ version: 1, step: 1 })]]);
    let full = true;
    const storage = {
      data,
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        data.set(key, value);
      },
    };
    const store = createTourStore({ storage });
    // Loading writes nothing, so nothing has failed yet.
    expect(store.getState().unsaved).toBe(false);
    store.getState().start();
    expect(store.getState()).toMatchObject({ open: true, step: 1, unsaved: true });
    store.getState().next();
    expect(store.getState()).toMatchObject({ step: 2, unsaved: true });
    // What was stored before is left as it was.
    expect(stored(storage)).toEqual({ version: 1, step: 1 });
    full = false; // space was freed
    store.getState().next();
    expect(store.getState()).toMatchObject({ step: 3, unsaved: false });
    expect(stored(storage)).toEqual({
      version: 1,
      open: true,
      step: 3,
      prediction: null,
      dismissed: false,
    });
  });

  it('is not reported for a tour kept in memory by choice (no storage)', () => {
    const store = createTourStore({ storage: null });
    store.getState().start();
    store.getState().next();
    expect(store.getState()).toMatchObject({ open: true, step: 1, unsaved: false });
  });

  it('storage disabled by the browser (the localStorage getter throws): every save is refused', () => {
    vi.stubGlobal('window', {
      get localStorage(): never {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const storage = browserStorage();
    expect(storage).not.toBeNull();
    // Nothing to read: the tour starts as on a first visit, with nothing dropped.
    const store = createTourStore({ storage });
    expect(store.getState()).toMatchObject({ open: false, step: 0, dropped: [], unsaved: false });
    store.getState().start();
    expect(store.getState()).toMatchObject({ open: true, unsaved: true });
  });

  it('without a window (not a browser) there is no storage, and nothing is unsaved', () => {
    vi.stubGlobal('window', undefined);
    expect(browserStorage()).toBeNull();
  });
});

describe('loading stored tour progress', () => {
  it('migrates unversioned data: a bare object or a bare step number', () => {
    expect(migrateTour(3)).toEqual({ fields: { step: 3 }, note: null });
    const bare = loadTourProgress(fakeStorage('{"step":2,"prediction":"rise"}'));
    expect(bare).toEqual({
      progress: { open: false, step: 2, prediction: 'rise', dismissed: false },
      dropped: [],
    });
    expect(loadTourProgress(fakeStorage('4')).progress.step).toBe(4);
  });

  it('keeps what validates and names what it drops', () => {
    const text = JSON.stringify({
      version: 1,
      open: 'yes',
      step: 99,
      prediction: 'drop',
      dismissed: true,
    });
    const loaded = loadTourProgress(fakeStorage(text));
    expect(loaded.progress).toEqual({ open: false, step: 0, prediction: 'drop', dismissed: true });
    expect(loaded.dropped).toEqual([
      'the tour step was not a step of this tour',
      'the "open" mark was not true or false',
    ]);
  });

  it('never throws on corrupted or foreign data', () => {
    for (const text of ['{', 'null', '"hi"', '[1,2]', '{"version":7,"step":1}', '{"step":1.5}']) {
      const loaded = loadTourProgress(fakeStorage(text));
      expect(loaded.progress.step).toBe(0);
      expect(loaded.dropped.length).toBe(1);
    }
    expect(loadTourProgress(null).dropped).toEqual([]);
  });

  it('names unknown fields cut and free of control characters, however many and long', () => {
    const fields = Object.fromEntries(
      Array.from({ length: 5_000 }, (_, i) => [`x${i}`.repeat(i === 0 ? 20_000 : 1), i]),
    );
    fields['\u001b[31mred\u202e'] = 1;
    const loaded = loadTourProgress(fakeStorage(JSON.stringify({ version: 1, ...fields })));
    expect(loaded.dropped).toHaveLength(1);
    const [reason] = loaded.dropped;
    expect(reason).toMatch(/^stored tour progress had unknown fields \("x0x0x0/);
    expect(reason).toMatch(/\(40000 characters\)", "x1", "x2" and 4998 more\)$/);
    expect(reason?.length).toBeLessThan(200);
  });

  it('has a start-up notice for the lab when something could not be read, bounded', () => {
    expect(tourStorageNotice([])).toBeNull();
    const loaded = loadTourProgress(fakeStorage('{"version":1,"step":"\\u001b[2J","open":3}'));
    const notice = tourStorageNotice(loaded.dropped);
    expect(notice).toBe(
      'Your saved place in the tour could not all be read, so the tour starts from what could be (the tour step was not a step of this tour; the "open" mark was not true or false).',
    );
    expect(tourStorageNotice(loadTourProgress(fakeStorage('{')).dropped)).toMatch(/not JSON/);
  });
});

describe('the tour content', () => {
  it('has seven steps with unique ids and one prediction whose answer is an option', () => {
    expect(TOUR_STEPS).toHaveLength(7);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(7);
    const predicts = TOUR_STEPS.filter((s) => s.predict);
    expect(predicts).toHaveLength(1);
    const predict = predicts[0]?.predict;
    expect(predict?.options.map((o) => o.id)).toContain(predict?.correct);
    expect(predict?.correct).toBe('drop');
  });

  it('reveals from the computed days, and says whether the guess was right', () => {
    const predict = TOUR_STEPS[PREDICT_STEP]?.predict;
    if (!predict) throw new Error('no prediction step');
    const day = (n: number): DayResult =>
      ({ day: n, static: { accuracy: n >= 222 ? 0.6 : 0.85 } }) as unknown as DayResult;
    const days = Array.from({ length: 229 }, (_, i) => day(i + 1));
    expect(revealPrediction(predict, 'drop', days.slice(0, 228))).toBeNull();
    const reveal = revealPrediction(predict, 'drop', days);
    expect(reveal).toMatchObject({ outcome: 'drop', right: true });
    expect(reveal?.text).toMatch(/85% in January and 60%.*fell by 25 points.*right/);
    expect(revealPrediction(predict, 'same', days)?.right).toBe(false);
    expect(outcomeOf(0.01)).toBe('same');
    expect(outcomeOf(0.08)).toBe('rise');
  });
});
