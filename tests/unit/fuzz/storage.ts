/**
 * Storage stand-ins for the fuzz properties that read saved settings: one
 * that holds a given text under the settings key, one whose every access
 * throws (storage disabled or full), and none at all.
 *
 * Owns: `StorageKind` and `storageFor`.
 * Must not touch: the code under test (only its storage key and type).
 */
import { STORAGE_KEY, type SettingsStorage } from '../../../src/store/persist';

/** Storage that works, storage whose every access throws, and no storage at all. */
export type StorageKind = 'memory' | 'unreadable' | 'none';

/** A storage of `kind`; a working one holds `text` under the settings key. */
export function storageFor(kind: StorageKind, text: string | null): SettingsStorage | null {
  if (kind === 'none') return null;
  if (kind === 'unreadable') {
    return {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
  }
  return {
    getItem: (key: string) => (key === STORAGE_KEY ? text : null),
    setItem: () => {},
  };
}
