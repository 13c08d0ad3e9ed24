/**
 * Property-based tests of the page's start-up state: URL over storage over
 * defaults, with any link and whatever storage holds (valid, foreign,
 * corrupt, unreadable, absent). Counts are recorded as the `fuzz` figure
 * initialState.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { echo } from '../../../src/sim/echo';
import { SETTING_KEYS, type SettingKey } from '../../../src/sim/settings';
import { initialState } from '../../../src/store/boot';
import { SAVED_SETTINGS_NOTICE, settingLabel } from '../../../src/store/savedSettings';
import { isLabLink, parseUrlState, URL_PARAMS } from '../../../src/store/url';
import { recordFigures } from '../../support/figures';
import {
  deepArrayJson,
  deepObjectJson,
  entriesJson,
  longString,
  notAnObjectJson,
  randomText,
  settingsEntries,
  truncated,
  type Entry,
} from './arbitraries';
import { DEFAULTS, badKeys, revalidates } from './oracles';
import { holds, type Figures } from './runner';
import { storageFor, type StorageKind } from './storage';
import { queries } from './urlCases';

const figures: Figures = {};

afterAll(() => {
  recordFigures('fuzz', figures);
});

/** Stored data under our key: valid, foreign, corrupt; the entries when it has them. */
const storedText: fc.Arbitrary<{ text: string | null; entries: Entry[] | null }> = fc.oneof(
  fc.constant({ text: null, entries: null }),
  settingsEntries.map((entries) => ({
    text: `{"version":1,"settings":${entriesJson(entries)}}`,
    entries,
  })),
  settingsEntries.map((entries) => ({ text: entriesJson(entries, ' '), entries })),
  fc
    .oneof(
      fc.constantFrom(
        '{"version":2,"settings":{"seed":3}}',
        `{"version":"${'9'.repeat(10_000)}"}`,
        '{"version":1}',
        '{"version":1,"settings":[1,2]}',
        '{"version":null,"settings":{}}',
        '{"version":1,"settings":{"__proto__":{"seed":3}}}',
      ),
      notAnObjectJson,
      randomText,
      truncated(settingsEntries.map((e) => `{"version":1,"settings":${entriesJson(e)}}`)),
      longString,
      fc.integer({ min: 1000, max: 20_000 }).map(deepObjectJson),
      fc.integer({ min: 1000, max: 20_000 }).map(deepArrayJson),
    )
    .map((text) => ({ text, entries: null })),
);

const asSetting = (field: string): SettingKey | undefined => SETTING_KEYS.find((k) => k === field);
/** How a link's notice names a field: a setting by "Label (param): ", anything else as it is. */
const linkName = (field: string): string => {
  const key = asSetting(field);
  return key ? `${settingLabel(key)} (${URL_PARAMS[key]}): ` : field;
};
/** How the saved settings' notice names a key: a setting by "Label: ", anything else echoed. */
const storedName = (field: string): string => {
  const key = asSetting(field);
  return key ? `${settingLabel(key)}: ` : echo(field);
};

/**
 * The most a storage notice may hold: at most 18 reasons (every setting and
 * three keys that are none), each an echoed field (80) and a cut reason (200).
 */
const STORAGE_NOTICE_MAX = 6_000;
// eslint-disable-next-line no-control-regex -- the property is that none reach a notice
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A notice of stored text: short whatever storage held, and free of control characters. */
function expectBounded(text: string): void {
  expect(text.length).toBeLessThanOrEqual(STORAGE_NOTICE_MAX);
  expect(text).not.toMatch(CONTROL);
}

describe('the start-up state', () => {
  it('always valid settings, a notice naming whatever was dropped; a link never reads storage', () => {
    const arb = fc.record({
      // Links, and bare visits (the one case in which stored settings apply).
      query: fc.oneof(
        { weight: 3, arbitrary: queries },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('', '?', '?utm_source=x', '?Seed=3&DAY=5')
            .map((query) => ({ cases: [], query })),
        },
      ),
      stored: storedText,
      kind: fc.constantFrom<StorageKind>('memory', 'memory', 'memory', 'unreadable', 'none'),
    });
    holds(
      figures,
      'initialState',
      10,
      arb,
      ['quiet', 'notice'],
      ({ query: { query }, stored, kind }) => {
        const state = initialState(query, storageFor(kind, stored.text), '0.1.0');
        revalidates(state.settings);
        expect(Number.isInteger(state.day)).toBe(true);
        expect(state.day).toBeGreaterThanOrEqual(0);
        expect(state.day).toBeLessThanOrEqual(state.settings.days);

        const url = parseUrlState(query);
        const urlNotice = state.notices.find((n) => n.id === 'url');
        expect(Boolean(urlNotice)).toBe(url.dropped.length > 0);
        // A setting is named by its label and its parameter; anything else by its name.
        for (const d of url.dropped) expect(urlNotice?.text).toContain(linkName(d.field));
        for (const [key, value] of Object.entries(url.settings)) {
          expect(state.settings[key as SettingKey]).toEqual(value);
        }
        // The link rule: a link is its own settings over the lesson's, whatever storage holds.
        const link = isLabLink(query);
        if (link) expect(state.settings).toEqual({ ...DEFAULTS, ...url.settings });
        const saved = state.notices.find((n) => n.id === SAVED_SETTINGS_NOTICE);
        const differs = Object.entries(DEFAULTS).some(
          ([key, value]) => state.settings[key as SettingKey] !== value,
        );
        expect(Boolean(saved)).toBe(!link && differs);
        if (saved) expect(saved.action?.does).toBe('restoreLessonSettings');

        const storageNotice = state.notices.find((n) => n.id === 'storage');
        if (kind === 'none' || (kind === 'memory' && stored.text === null)) {
          expect(storageNotice).toBeUndefined();
        } else if (kind === 'unreadable') {
          expect(storageNotice?.text).toMatch(/storage is not readable/);
        } else if (stored.entries) {
          const bad = badKeys(stored.entries);
          expect(Boolean(storageNotice)).toBe(bad.length > 0);
          for (const key of bad) expect(storageNotice?.text).toContain(storedName(key));
          for (const e of stored.entries) {
            if (e.valid && !link) {
              expect(state.settings[e.key as SettingKey]).toEqual(JSON.parse(e.json));
            }
          }
        } else {
          // Foreign or corrupt data: whatever was not used is reported.
          let value: unknown = undefined;
          try {
            value = JSON.parse(stored.text ?? '');
          } catch {
            expect(storageNotice?.text).toMatch(/not JSON/);
          }
          if (value !== undefined && storageNotice === undefined) {
            // Nothing reported: then nothing was dropped, and the data was a valid settings object.
            expect(typeof value).toBe('object');
          }
        }
        for (const n of state.notices) expect(n.text.length).toBeGreaterThan(0);
        if (!link) expect(Object.keys(url.settings)).toEqual([]);
        if (storageNotice) expectBounded(storageNotice.text);
        return state.notices.length === 0 ? 'quiet' : 'notice';
      },
    );
  });

  it('hostile stored keys (1 MB, 20,000 of them, control characters) give one short notice', () => {
    const many = Object.fromEntries(
      Array.from({ length: 20_000 }, (_, i) => [`unknown-setting-${i}`, i]),
    );
    const stored = (settings: object) => JSON.stringify({ version: 1, settings });
    const texts = [
      stored({ ['k'.repeat(1_000_000)]: 1 }),
      stored(many),
      // Data from before versioning: a bare settings object.
      JSON.stringify(many),
      stored({ 'a\u001b[2J\u202ebad\u0007': 1, seed: 'x'.repeat(100_000) }),
    ];
    for (const text of texts) {
      const state = initialState('', storageFor('memory', text), '0.1.0');
      const notice = state.notices.find((n) => n.id === 'storage');
      expect(notice).toBeDefined();
      expectBounded(notice?.text ?? '');
    }
  });
});
