/**
 * Where the student is in the lesson's chapters: the chapter open (or none),
 * the guess committed in each chapter that asks for one, and the chapters
 * seen. Kept between visits in localStorage; a small vanilla zustand store of
 * its own, apart from the lab store.
 *
 * Owns: the storage key 'bloomcast.chapters', its format's version, reading
 * it field by field through the one storage loader (versionedStorage.ts:
 * what validates is kept, the rest dropped and named), and reading the old
 * guided tour's key ('bloomcast.tour') once, while no chapter progress is
 * stored: its committed guess becomes the guess of the chapter that asks the
 * same question, when the option still exists. A failed save shows as
 * `unsaved`. Storage that is missing, full, disabled or corrupted never throws.
 * Must not touch: the lab store (src/ui/chapters drives it), other keys, the
 * chapters' wording (src/content/chapters.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { CHAPTERS } from '../content/chapters';
import type { Chapter } from '../content/chapterTypes';
import { echo } from '../sim/echo';
import { type KeyValueStorage, readStored } from './storage';
import {
  type DroppedField,
  loadStored,
  saveOnChange,
  saveStored,
  type StoredFormat,
} from './versionedStorage';

export const CHAPTERS_STORAGE_KEY = 'bloomcast.chapters';
/** The guided tour's key, before the chapters replaced it (read once, never written). */
export const OLD_TOUR_STORAGE_KEY = 'bloomcast.tour';
/** The chapter the tour's one prediction now lives in. */
export const TOUR_GUESS_CHAPTER = 'valentine';
/** Version 1: `{ version: 1, open: 4 | null, guesses: { valentine: 'drop' }, seen: ['two-ways'] }`. */
export const CHAPTERS_STORAGE_VERSION = 1;

export interface ChapterProgress {
  /** The open chapter's index in the list (0-based; links and storage say its number, 1-based), or null. */
  open: number | null;
  /** The committed guess of each chapter that asks for one, by chapter id. */
  guesses: Record<string, string>;
  /** Ids of the chapters opened at least once, in the chapters' order. */
  seen: string[];
}

export interface ChapterState extends ChapterProgress {
  /** Reasons stored progress was (partly) dropped at start-up. */
  dropped: string[];
  /** The last save failed (storage full or disabled): progress lasts until the page closes. */
  unsaved: boolean;
  /** Opens chapter `index` (clamped to the list) and marks it seen. */
  openAt: (index: number) => void;
  close: () => void;
  /** Commits a guess in chapter `id` (once; only an option of its question). */
  guess: (id: string, optionId: string) => void;
  /** Forgets everything: no chapter open, no guesses, none seen (a new student). */
  clearAll: () => void;
}

export type ChapterStore = StoreApi<ChapterState>;

export interface ChapterStoreOptions {
  /** Where progress is kept; null keeps it in memory only. */
  storage?: KeyValueStorage | null;
  chapters?: readonly Chapter[];
}

export const INITIAL_CHAPTERS: ChapterProgress = { open: null, guesses: {}, seen: [] };

const FIELDS = ['version', 'open', 'guesses', 'seen'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isOptionOf = (chapter: Chapter | undefined, id: unknown): id is string =>
  typeof id === 'string' && !!chapter?.predict?.options.some((o) => o.id === id);

/** Reads the stored fields one by one: valid ones kept, the rest named. */
function readProgress(
  chapters: readonly Chapter[],
  fields: unknown,
): { value: ChapterProgress; dropped: DroppedField[] } {
  const progress: ChapterProgress = { open: null, guesses: {}, seen: [] };
  if (!isRecord(fields)) {
    return {
      value: progress,
      dropped: [{ field: '(all)', message: 'stored chapter progress was empty' }],
    };
  }
  const dropped: DroppedField[] = [];
  const drop = (field: string, message: string) => dropped.push({ field, message });
  const { open, guesses, seen } = fields;
  if (open === null || open === undefined) progress.open = null;
  else if (
    typeof open === 'number' &&
    Number.isInteger(open) &&
    open >= 1 &&
    open <= chapters.length
  )
    progress.open = open - 1;
  else drop('open', 'the open chapter was not a chapter of this lesson');
  if (isRecord(guesses)) {
    for (const [id, guess] of Object.entries(guesses)) {
      const chapter = chapters.find((c) => c.id === id);
      if (isOptionOf(chapter, guess)) progress.guesses[id] = guess;
      else
        drop(
          `guesses.${echo(id, 20)}`,
          `the guess saved for "${echo(id, 20)}" is not one of its options`,
        );
    }
  } else if (guesses !== undefined) drop('guesses', 'the saved guesses were not a list by chapter');
  if (Array.isArray(seen)) {
    const ids = new Set(seen.filter((id): id is string => typeof id === 'string'));
    progress.seen = chapters.filter((c) => ids.has(c.id)).map((c) => c.id);
    const unknown = seen.length - progress.seen.length;
    if (unknown > 0)
      drop(
        'seen',
        `${unknown} of the chapters marked seen ${unknown === 1 ? 'is' : 'are'} not in this lesson`,
      );
  } else if (seen !== undefined) drop('seen', 'the chapters seen were not a list');
  const extra = Object.keys(fields).filter((k) => !FIELDS.includes(k));
  if (extra.length > 0) {
    const names = extra.slice(0, 3).map((k) => `"${echo(k, 20)}"`);
    const more = extra.length > 3 ? ` and ${extra.length - 3} more` : '';
    drop('(unknown)', `stored chapter progress had unknown fields (${names.join(', ')}${more})`);
  }
  return { value: progress, dropped };
}

function chaptersFormat(chapters: readonly Chapter[]): StoredFormat<ChapterProgress> {
  return {
    key: CHAPTERS_STORAGE_KEY,
    version: CHAPTERS_STORAGE_VERSION,
    noun: 'stored chapter progress',
    maxReasons: 6,
    // No format came before version 1: data without a version is read field by field.
    migrate: (value, version) =>
      version === undefined && isRecord(value) ? { payload: value } : null,
    unwrap: (stored) => stored,
    wrap: ({ open, guesses, seen }) => ({ open: open === null ? null : open + 1, guesses, seen }),
    validate: (fields) => readProgress(chapters, fields),
    empty: () => ({ open: null, guesses: {}, seen: [] }),
  };
}

/**
 * The old guided tour's committed guess, as chapter progress: the tour asked
 * one question, now asked by chapter TOUR_GUESS_CHAPTER. Its place in the tour
 * does not carry over (its steps are not the chapters). Unreadable tour data
 * is ignored: nothing of it is shown any more.
 */
export function fromOldTour(
  storage: KeyValueStorage | null,
  chapters: readonly Chapter[] = CHAPTERS,
): { progress: ChapterProgress; dropped: string[] } {
  const progress: ChapterProgress = { open: null, guesses: {}, seen: [] };
  const stored = readStored(storage, OLD_TOUR_STORAGE_KEY);
  if (stored.kind !== 'value' || !isRecord(stored.value)) return { progress, dropped: [] };
  const { prediction } = stored.value;
  if (typeof prediction !== 'string') return { progress, dropped: [] };
  const chapter = chapters.find((c) => c.id === TOUR_GUESS_CHAPTER);
  if (isOptionOf(chapter, prediction)) {
    progress.guesses[TOUR_GUESS_CHAPTER] = prediction;
    return { progress, dropped: [] };
  }
  return {
    progress,
    dropped: [
      `the guess saved by the old guided tour ("${echo(prediction, 20)}") is not an option of the chapter that now asks its question, so it was dropped`,
    ],
  };
}

/** Reads stored progress (or, while there is none, the old tour's guess); never throws, never writes. */
export function loadChapterProgress(
  storage: KeyValueStorage | null,
  chapters: readonly Chapter[] = CHAPTERS,
): { progress: ChapterProgress; dropped: string[] } {
  if (readStored(storage, CHAPTERS_STORAGE_KEY).kind === 'absent') {
    return fromOldTour(storage, chapters);
  }
  const { value, dropped } = loadStored(storage, chaptersFormat(chapters));
  return { progress: value, dropped: dropped.map((d) => d.message) };
}

/** Stores progress; returns false (and keeps going) when storage refuses. */
export function saveChapterProgress(
  storage: KeyValueStorage | null,
  progress: ChapterProgress,
  chapters: readonly Chapter[] = CHAPTERS,
): boolean {
  return saveStored(storage, chaptersFormat(chapters), progress);
}

/**
 * The notice shown at start-up when stored chapter progress could not all be
 * read, or null when all was well (reasons already bounded by the loader).
 */
export function chapterStorageNotice(dropped: readonly string[]): string | null {
  if (dropped.length === 0) return null;
  return `Your saved place in the lesson could not all be read, so the chapters start from what could be (${dropped.join('; ')}).`;
}

/** Creates the chapters' store from stored progress and keeps storage in step with it. */
export function createChapterStore(options: ChapterStoreOptions = {}): ChapterStore {
  const storage = options.storage ?? null;
  const chapters = options.chapters ?? CHAPTERS;
  const loaded = loadChapterProgress(storage, chapters);

  const store = createStore<ChapterState>()((set, get) => ({
    ...loaded.progress,
    dropped: loaded.dropped,
    unsaved: false,
    openAt(index) {
      const open = Math.max(0, Math.min(chapters.length - 1, Math.round(index)));
      const id = chapters[open]?.id;
      if (id === undefined) return;
      const seen = get().seen.includes(id)
        ? get().seen
        : chapters.filter((c) => c.id === id || get().seen.includes(c.id)).map((c) => c.id);
      set({ open, seen });
    },
    close() {
      set({ open: null });
    },
    guess(id, optionId) {
      if (get().guesses[id] !== undefined) return;
      if (
        !isOptionOf(
          chapters.find((c) => c.id === id),
          optionId,
        )
      )
        return;
      set({ guesses: { ...get().guesses, [id]: optionId } });
    },
    clearAll() {
      set({ ...INITIAL_CHAPTERS, guesses: {}, seen: [], dropped: [] });
    },
  }));

  saveOnChange(store, storage, chaptersFormat(chapters), (state) => state);
  return store;
}
