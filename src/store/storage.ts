/**
 * The browser storage the lab keeps things in (settings, quiz progress, the
 * place in the chapters), reached in one way: never throwing, whatever state the
 * storage is in.
 *
 * Owns: reaching localStorage (disabled storage becomes one that reads nothing
 * and refuses every write, so a failed save is reported, not silent), reading
 * one key as JSON and writing one. Must not touch: what a key holds (the one
 * loader, versionedStorage.ts, versions and checks it; persist.ts,
 * quizProgress.ts and chapterProgress.ts describe their own formats).
 */

/** The subset of Storage the lab uses (tests pass fakes). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Storage where the browser disables it: nothing to read, every write refused. */
const REFUSING: KeyValueStorage = {
  getItem: () => null,
  setItem: () => {
    throw new Error('storage is disabled in this browser');
  },
};

/** The browser's localStorage; where it is disabled, a storage that refuses every write. */
export function browserStorage(): KeyValueStorage | null {
  if (typeof window === 'undefined') return null;
  try {
    return window.localStorage;
  } catch {
    return REFUSING;
  }
}

/** What one key holds: nothing, a parsed JSON value, or why it cannot be read. */
export type StoredValue =
  | { kind: 'absent' }
  | { kind: 'value'; value: unknown }
  | { kind: 'unreadable' }
  | { kind: 'not-json' };

/** Reads `key` as JSON; never throws. */
export function readStored(storage: KeyValueStorage | null, key: string): StoredValue {
  let text: string | null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return { kind: 'unreadable' };
  }
  if (text === null) return { kind: 'absent' };
  try {
    return { kind: 'value', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'not-json' };
  }
}

/** Writes `value` as JSON under `key`; false (and no throw) when there is no storage or it refuses. */
export function writeStored(storage: KeyValueStorage | null, key: string, value: unknown): boolean {
  try {
    storage?.setItem(key, JSON.stringify(value));
    return storage !== null;
  } catch {
    return false;
  }
}
