/**
 * A storage kept in a Map, for tests of the stores that persist (settings,
 * quiz, tour): reads and writes work, and `data` shows what was written.
 */
import type { KeyValueStorage } from '../../src/store/storage';

export function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}
