/**
 * Where the student is in the guided tour: open or not, the step, the
 * committed guess of the prediction step, and whether the tour was put away.
 * Kept between visits in localStorage so the tour resumes where it was left.
 * A small vanilla zustand store of its own, apart from the lab store.
 *
 * Owns: the storage key 'bloomcast.tour', the stored format's version and its
 * migration, and reading stored fields one by one through the one storage
 * loader (versionedStorage.ts): what validates is kept, the rest dropped and
 * named; a failed save shows as `unsaved`. Storage that is missing, full,
 * disabled or corrupted never throws.
 * Must not touch: the lab store, other storage keys, the tour's wording
 * (src/content/tour.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { TOUR_STEPS, type TourStep } from '../content/tour';
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

export const TOUR_STORAGE_KEY = 'bloomcast.tour';
/**
 * Version 1: `{ version: 1, open, step, prediction, dismissed }`. Data without
 * a version (the same fields bare, or a bare step number) is read field by field.
 */
export const TOUR_STORAGE_VERSION = 1;

export interface TourProgress {
  open: boolean;
  /** Index into the steps. */
  step: number;
  /** The committed guess (an option id of the prediction step), or null. */
  prediction: string | null;
  /** The student closed or skipped the tour. */
  dismissed: boolean;
}

/** The storage the tour's place is kept in (tests pass a fake). */
export type TourStorage = KeyValueStorage;

export interface TourState extends TourProgress {
  /** Reasons stored progress was (partly) dropped at start-up. */
  dropped: string[];
  /** The last save failed (storage full or disabled): progress lasts until the page closes. */
  unsaved: boolean;
  /** Opens the tour at the step where it was left. */
  start: () => void;
  next: () => void;
  back: () => void;
  close: () => void;
  /** Commits a guess for the prediction step (once; reset clears it). */
  predict: (optionId: string) => void;
  /** Back to the first step with no guess; the tour stays as open as it was. */
  reset: () => void;
}

export type TourStore = StoreApi<TourState>;

export interface TourStoreOptions {
  /** Where progress is kept; null keeps it in memory only. */
  storage?: TourStorage | null;
  steps?: readonly TourStep[];
}

export const INITIAL_TOUR: TourProgress = {
  open: false,
  step: 0,
  prediction: null,
  dismissed: false,
};

/** The fields a stored version 1 holds; anything else is another app's data. */
const TOUR_FIELDS = ['version', 'open', 'step', 'prediction', 'dismissed'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isOption = (steps: readonly TourStep[], id: unknown): id is string =>
  typeof id === 'string' && steps.some((s) => s.predict?.options.some((o) => o.id === id));

/** Reads the stored fields one by one: valid ones kept, the rest named. */
function readTour(
  steps: readonly TourStep[],
  fields: unknown,
): { value: TourProgress; dropped: DroppedField[] } {
  const progress = { ...INITIAL_TOUR };
  if (!isRecord(fields)) {
    return {
      value: progress,
      dropped: [{ field: '(all)', message: 'stored tour progress was empty' }],
    };
  }
  const dropped: DroppedField[] = [];
  const drop = (field: string, message: string) => dropped.push({ field, message });
  const { step, prediction, open, dismissed } = fields;
  if (typeof step === 'number' && Number.isInteger(step) && step >= 0 && step < steps.length) {
    progress.step = step;
  } else if (step !== undefined) drop('step', 'the tour step was not a step of this tour');
  if (prediction === null || isOption(steps, prediction)) progress.prediction = prediction;
  else if (prediction !== undefined)
    drop('prediction', 'the saved guess is not one of the options');
  if (typeof open === 'boolean') progress.open = open;
  else if (open !== undefined) drop('open', 'the "open" mark was not true or false');
  if (typeof dismissed === 'boolean') progress.dismissed = dismissed;
  else if (dismissed !== undefined) drop('dismissed', 'the "dismissed" mark was not true or false');
  const unknown = Object.keys(fields).filter((k) => !TOUR_FIELDS.includes(k));
  if (unknown.length > 0) {
    const names = unknown.slice(0, 3).map((k) => `"${echo(k, 20)}"`);
    const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
    drop('(unknown)', `stored tour progress had unknown fields (${names.join(', ')}${more})`);
  }
  return { value: progress, dropped };
}

/** The tour key's format, for these steps. */
function tourFormat(steps: readonly TourStep[]): StoredFormat<TourProgress> {
  return {
    key: TOUR_STORAGE_KEY,
    version: TOUR_STORAGE_VERSION,
    noun: 'stored tour progress',
    // One reason per field and one for unknown fields: never more than five.
    maxReasons: 6,
    migrate: (value, version) => {
      if (version !== undefined) return null;
      if (typeof value === 'number') return { payload: { step: value } };
      return isRecord(value) ? { payload: value } : null;
    },
    // Version 1 keeps its fields beside `version` (a known field).
    unwrap: (stored) => stored,
    wrap: ({ open, step, prediction, dismissed }) => ({ open, step, prediction, dismissed }),
    validate: (fields) => readTour(steps, fields),
    empty: () => ({ ...INITIAL_TOUR }),
  };
}

/** Turns any stored value into the current format's fields (unchecked). */
export function migrateTour(value: unknown): { fields: unknown; note: string | null } {
  const { payload, note } = migrateStored(tourFormat(TOUR_STEPS), value);
  return { fields: payload, note };
}

/** Reads stored progress; never throws. */
export function loadTourProgress(
  storage: TourStorage | null,
  steps: readonly TourStep[] = TOUR_STEPS,
): { progress: TourProgress; dropped: string[] } {
  const { value, dropped } = loadStored(storage, tourFormat(steps));
  return { progress: value, dropped: dropped.map((d) => d.message) };
}

/**
 * The notice shown at start-up when stored tour progress could not all be
 * read (the quiz panel shows its own the same way), or null when all was
 * well. The reasons are already bounded by the loader: at most six, each cut.
 */
export function tourStorageNotice(dropped: readonly string[]): string | null {
  if (dropped.length === 0) return null;
  return `Your saved place in the tour could not all be read, so the tour starts from what could be (${dropped.join('; ')}).`;
}

/** Stores progress; returns false (and keeps going) when storage refuses. */
export function saveTourProgress(storage: TourStorage | null, progress: TourProgress): boolean {
  return saveStored(storage, tourFormat(TOUR_STEPS), progress);
}

/** Creates the tour store from stored progress and keeps storage in step with it. */
export function createTourStore(options: TourStoreOptions = {}): TourStore {
  const storage = options.storage ?? null;
  const steps = options.steps ?? TOUR_STEPS;
  const loaded = loadTourProgress(storage, steps);
  const last = Math.max(0, steps.length - 1);

  const store = createStore<TourState>()((set, get) => ({
    ...loaded.progress,
    dropped: loaded.dropped,
    unsaved: false,
    start() {
      set({ open: true, dismissed: false });
    },
    next() {
      set({ step: Math.min(last, get().step + 1) });
    },
    back() {
      set({ step: Math.max(0, get().step - 1) });
    },
    close() {
      set({ open: false, dismissed: true });
    },
    predict(optionId) {
      const predict = steps[get().step]?.predict;
      if (get().prediction !== null || !predict?.options.some((o) => o.id === optionId)) return;
      set({ prediction: optionId });
    },
    reset() {
      set({ step: 0, prediction: null, dismissed: false, dropped: [] });
    },
  }));

  saveOnChange(store, storage, tourFormat(steps), (state) => state);
  return store;
}
