/**
 * The one loader for everything the lab keeps in browser storage (settings,
 * quiz progress, the place in the chapters): versioned, lenient, never throwing.
 *
 * Owns: the rules every stored key follows. A key holds
 * `{ version, ...fields }`. Loading reads it through storage.ts (never
 * throws), migrates older formats to the current one (`migrate`), checks
 * the current payload field by field (`validate`: what validates is kept,
 * the rest dropped and named), and bounds the notice: at most `maxReasons`
 * reasons, each field echoed and each reason cut (src/sim/echo.ts), so no
 * stored text (a 1 MB key, 20,000 keys) reaches a notice unbounded. Loading writes nothing, so a visit that changes nothing leaves
 * storage exactly as it was; the first save writes back what was kept (and
 * what changed since) in the current version, over whatever was there. A
 * store that persists saves whenever what it stores changes and marks a
 * failed save `unsaved`.
 * Must not touch: what a key holds (persist.ts, quizProgress.ts and
 * chapterProgress.ts each describe their own format here).
 *
 * Why not zustand's `persist` middleware (with `version`, `migrate` and a
 * zod-validated `merge`), the ecosystem's way: it cannot keep today's
 * behaviour. It stores `{ state, version }`, not the `{ version, ... }` the
 * lab has always written; it calls `migrate` only for a numbered older
 * version (our unversioned data would skip it) and then writes back during
 * hydration (loading must write nothing); it writes on every `set`, so the
 * lab store would serialise its settings on every batch and animation frame,
 * and a refused write throws out of the action that set state instead of
 * becoming `unsaved` or a notice; and it reports an unreadable storage and
 * corrupt JSON as one hydration error, where the lab names each. Settings
 * also are not a store of their own: they are one slice of the lab store,
 * read under the URL's values (boot.ts).
 */
import type { StoreApi } from 'zustand/vanilla';
import { echo } from '../sim/echo';
import { shallow } from 'zustand/vanilla/shallow';
import { type KeyValueStorage, readStored, writeStored } from './storage';

/**
 * One thing loading could not use: a field and why. `field` is the format's
 * own name for the part, or a pseudo-field in parentheses: "(storage)" when
 * storage cannot be read, "(all)" when the key as a whole is unusable,
 * "(more)" for the count that ends a bounded list.
 */
export interface DroppedField {
  field: string;
  message: string;
}

/** What loading gives: the usable value (the format's empty value where nothing was) and what was dropped. */
export interface Loaded<T> {
  value: T;
  dropped: DroppedField[];
}

/** One key's stored format: its name, its version, and how its data is read and written. */
export interface StoredFormat<T> {
  key: string;
  /** The current format version, written with every save. */
  version: number;
  /** Names the key's data in reasons, e.g. "stored quiz progress". */
  noun: string;
  /** `noun` takes a plural verb ("stored settings were"). */
  plural?: boolean;
  /** At most this many reasons are listed; beyond it, the last one counts the rest. */
  maxReasons: number;
  /**
   * Reads data of an older format as the current version's payload. `version`
   * is the stored one (a number other than the current), or undefined for
   * data with no `version` field (a build before versioning, or a bare
   * value). Null for data it cannot read: the loader names why.
   */
  migrate(value: unknown, version: number | undefined): { payload: unknown } | null;
  /** The payload of a stored object of the current version. */
  unwrap(stored: Record<string, unknown>): unknown;
  /** The fields stored beside `version` for a value. */
  wrap(value: T): Record<string, unknown>;
  /** Reads a payload field by field: keeps what validates, names what it drops. Never throws. */
  validate(payload: unknown): Loaded<T>;
  /** The value when nothing stored can be used. */
  empty(): T;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const verbs = (format: StoredFormat<unknown>) =>
  format.plural ? { was: 'were', has: 'have' } : { was: 'was', has: 'has' };

/**
 * Turns any stored value into the current version's payload (unchecked), or
 * says in `note` why it cannot.
 */
export function migrateStored<T>(
  format: StoredFormat<T>,
  value: unknown,
): { payload: unknown; note: string | null } {
  const { was, has } = verbs(format);
  if (isRecord(value) && 'version' in value) {
    const { version } = value;
    const migrated =
      version === format.version
        ? { payload: format.unwrap(value) }
        : typeof version === 'number'
          ? format.migrate(value, version)
          : null;
    if (migrated) return { payload: migrated.payload, note: null };
    const stored = echo(String(JSON.stringify(version)), 20);
    return { payload: null, note: `${format.noun} ${has} an unknown format version (${stored})` };
  }
  const migrated = format.migrate(value, undefined);
  if (migrated) return { payload: migrated.payload, note: null };
  return { payload: null, note: `${format.noun} ${was} not an object` };
}

/**
 * Longest reason, in characters. A format echoes the stored text it quotes
 * (echo.ts cuts one value to 40); this cut is the guard for the whole reason.
 */
export const MAX_REASON_CHARS = 200;
/** Longest field name; roomy enough that a field already echoed (40 and its length) is not cut twice. */
const MAX_FIELD_CHARS = 80;

/** One reason as it may be shown: its field echoed, its message cut and free of control characters. */
const shown = ({ field, message }: DroppedField): DroppedField => ({
  field: echo(field, MAX_FIELD_CHARS),
  message: echo(message, MAX_REASON_CHARS),
});

/** Keeps the first reasons (each bounded) and counts the rest, so a notice stays short whatever storage held. */
function bounded(dropped: DroppedField[], max: number): DroppedField[] {
  if (dropped.length <= max) return dropped.map(shown);
  const kept = dropped.slice(0, max - 1).map(shown);
  return [...kept, { field: '(more)', message: `and ${dropped.length - kept.length} more` }];
}

/** Reads one key; never throws, never writes. */
export function loadStored<T>(storage: KeyValueStorage | null, format: StoredFormat<T>): Loaded<T> {
  const whole = (field: string, message: string): Loaded<T> => ({
    value: format.empty(),
    dropped: [{ field, message }],
  });
  const stored = readStored(storage, format.key);
  if (stored.kind === 'absent') return { value: format.empty(), dropped: [] };
  if (stored.kind === 'unreadable') return whole('(storage)', 'storage is not readable');
  if (stored.kind === 'not-json')
    return whole('(all)', `${format.noun} ${verbs(format).was} not JSON`);
  const { payload, note } = migrateStored(format, stored.value);
  if (note !== null) return whole('(all)', note);
  const { value, dropped } = format.validate(payload);
  return { value, dropped: bounded(dropped, format.maxReasons) };
}

/** Writes a value in the current version; false (and no throw) when there is no storage or it refuses. */
export function saveStored<T>(
  storage: KeyValueStorage | null,
  format: StoredFormat<T>,
  value: T,
): boolean {
  return writeStored(storage, format.key, { version: format.version, ...format.wrap(value) });
}

/**
 * Keeps storage in step with a store: whenever what it stores (`pick`, as
 * `wrap` lays it out) changes, saves it, and sets `unsaved` while saves fail.
 * No storage at all is memory by choice, never `unsaved`.
 */
export function saveOnChange<S extends { unsaved: boolean }, T>(
  store: StoreApi<S>,
  storage: KeyValueStorage | null,
  format: StoredFormat<T>,
  pick: (state: S) => T,
): void {
  store.subscribe((state, previous) => {
    if (shallow(format.wrap(pick(state)), format.wrap(pick(previous)))) return;
    const unsaved = storage !== null && !saveStored(storage, format, pick(state));
    // S extends { unsaved: boolean }, so this partial state is one of S's.
    if (unsaved !== state.unsaved) store.setState({ unsaved } as Partial<S>);
  });
}
