/**
 * Property-based tests of scenario files: readScenario on any text (too
 * large, not JSON, not an object, valid or not field by field), and the same
 * files applied through the store the way the settings drawer does. Counts
 * are recorded as the `fuzz` figures importer and importStore.
 */
import fc from 'fast-check';
import { echo } from '../../../src/sim/echo';
import { afterAll, describe, expect, it } from 'vitest';
import { SETTING_KEYS, parseSettings, type Settings } from '../../../src/sim/settings';
import type { Intervention } from '../../../src/sim/contract';
import { createLabStore, type LabStore } from '../../../src/store/labStore';
import { duplicateKeys } from '../../../src/ui/settings/jsonDuplicates';
import { MAX_BYTES, readScenario } from '../../../src/ui/settings/readScenario';
import { recordFigures } from '../../support/figures';
import { inProcessClient } from '../../support/inProcessClient';
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
import { DEFAULTS, badKeys, intended, isSetting, namesExactly, revalidates } from './oracles';
import { RUNS, expectMix, holds, type Figures } from './runner';

const figures: Figures = {};

/**
 * The longest rejection: eight echoed unknown keys and the known list, or one
 * reason per setting (each under 80 characters).
 */
const MESSAGE_MAX = 2_000;
// eslint-disable-next-line no-control-regex -- the property is that none reach a message
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

afterAll(() => {
  recordFigures('fuzz', figures);
});

type ScenarioText =
  | { kind: 'entries'; text: string; entries: Entry[] }
  /** A key given twice in one object: JSON.parse keeps the last, the importer refuses it. */
  | { kind: 'duplicate'; text: string; key: string }
  | { kind: 'not an object'; text: string }
  | { kind: 'any'; text: string };

const scenarioTexts: fc.Arbitrary<ScenarioText> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(settingsEntries, fc.constantFrom('', ' ', '\n  ', '\t'))
      .map(([entries, space]) => ({
        kind: 'entries' as const,
        text: entriesJson(entries, space),
        entries,
      })),
  },
  {
    weight: 2,
    arbitrary: notAnObjectJson.map((text) => ({ kind: 'not an object' as const, text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        settingsEntries.filter((e) => e.length > 0),
        fc.nat(),
        fc.constantFrom('1', '"x"', 'null', '{"a": 1}'),
      )
      .map(([entries, at, json]) => {
        const twice = entries[at % entries.length];
        const text = entriesJson([...entries, { ...twice, json }]);
        return { kind: 'duplicate' as const, text, key: twice.key };
      }),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        randomText,
        truncated(settingsEntries.map((e) => entriesJson(e))),
        fc.integer({ min: 1000, max: 30_000 }).map(deepObjectJson),
        fc.integer({ min: 1000, max: 30_000 }).map(deepArrayJson),
        fc.constantFrom(
          '{"seed": 1, "seed": "x"}',
          '{"seed": "x", "seed": 1}',
          '{"a":{"$ref":"#"}}',
          '{"__proto__":{"seed":3}}',
          '{"constructor":{"prototype":{"seed":3}}}',
        ),
        fc
          .tuple(settingsEntries, fc.integer({ min: MAX_BYTES - 100, max: MAX_BYTES + 1000 }))
          .map(([e, n]) => entriesJson(e).replace(/^\{/, `{${' '.repeat(n)}`)),
        longString,
      )
      .map((text) => ({ kind: 'any' as const, text })),
  },
);

/** What readScenario must say about a text, by construction where known. */
function checkScenario(input: ScenarioText, result: ReturnType<typeof readScenario>): string {
  const { text } = input;
  if (text.length > MAX_BYTES) {
    expect(result).toEqual({ ok: false, message: 'the file is too large to be a scenario file' });
    return 'too large';
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^the file is not JSON \(/);
    return 'not JSON';
  }
  // Whatever the file held, a rejection is short and free of control characters.
  if (!result.ok) {
    expect(result.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(result.message).not.toMatch(CONTROL);
  }
  if (input.kind === 'duplicate') {
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(`"${echo(input.key)}"`);
      expect(result.message).toMatch(/given more than once$/);
    }
    return 'duplicate key';
  }
  if (input.kind === 'not an object') {
    expect(result).toEqual({ ok: false, message: 'settings must be an object' });
    return 'not an object';
  }
  if (result.ok) {
    revalidates(result.settings);
    // Exported and imported again, it is the same file.
    const again = readScenario(JSON.stringify(result.settings));
    expect(again.ok && JSON.stringify(again.settings)).toBe(JSON.stringify(result.settings));
  }
  if (input.kind === 'entries') {
    const bad = badKeys(input.entries);
    expect(result.ok).toBe(bad.length === 0);
    if (result.ok) expect(result.settings).toEqual(intended(input.entries));
    else namesExactly(result.message, input.entries);
    return result.ok ? 'accepted' : 'rejected';
  }
  // Any other text: a key given twice is named; else a rejection names each field the schema refused.
  if (duplicateKeys(text).length > 0) {
    expect(result).toMatchObject({ ok: false, message: /given more than once$/ });
    return 'duplicate key';
  }
  const oracle = parseSettings(value);
  expect(result.ok).toBe(oracle.ok);
  if (!result.ok && !oracle.ok) {
    for (const issue of oracle.issues) {
      if (issue.field === '(all)') expect(result.message).toContain('settings must be an object');
      else if (isSetting(issue.field)) expect(result.message).toContain(`${issue.field} must`);
      else expect(result.message).toContain('unknown setting');
    }
  }
  return result.ok ? 'accepted' : 'rejected';
}

describe('scenario files', () => {
  it('a file is accepted whole and exactly, or rejected with the offending fields named', () => {
    const outcomes = [
      'too large',
      'not JSON',
      'not an object',
      'duplicate key',
      'accepted',
      'rejected',
    ];
    holds(figures, 'importer', 11, scenarioTexts, outcomes, (input) =>
      checkScenario(input, readScenario(input.text)),
    );
  });

  it('applied through the store: a rejected file changes nothing; an accepted one replaces settings whole', async () => {
    const start: Settings = {
      ...DEFAULTS,
      seed: 99,
      days: 80,
      visitorsPerDay: 60,
      cadence: 'weekly',
      warmStart: false,
    };
    const interventions: Intervention[] = [{ day: 70, kind: 'rollback', version: 1 }];
    const store: LabStore = createLabStore(inProcessClient('cpu'), {
      settings: start,
      interventions,
      notices: [{ id: 'kept', tone: 'info', text: 'a notice that must survive' }],
    });
    /** What SettingsDrawer does with a file ImportSettings has read. */
    const importFile = (text: string) => {
      const result = readScenario(text);
      if (result.ok) store.getState().applySettings(result.settings, 'Imported fuzz.json');
      return result;
    };
    const count = { tried: 0, passed: 0 };
    const mix = new Map<string, number>();
    const details = await fc.check(
      fc.asyncProperty(scenarioTexts, async (input) => {
        count.tried++;
        const before = store.getState();
        const result = importFile(input.text);
        const after = store.getState();
        const outcome = checkScenario(input, result);
        mix.set(outcome, (mix.get(outcome) ?? 0) + 1);
        if (!result.ok) {
          // Not one field of the store was set.
          expect(after).toBe(before);
        } else {
          expect(after.settings).toEqual(result.settings);
          expect(after.settings).not.toBe(before.settings);
          expect(Object.keys(after.settings).sort()).toEqual([...SETTING_KEYS].sort());
          if (input.kind === 'entries') expect(after.settings).toEqual(intended(input.entries));
          expect(after.interventions).toBe(before.interventions);
          expect(after.notices).toBe(before.notices);
          expect(after.display).toBe(before.display);
          expect(after.runId).toBe(before.runId + 1);
          expect(after.rerunReason).toBe('Imported fuzz.json');
          // Back to the start, so the next file is judged against known settings.
          store.getState().applySettings(start, 'reset');
        }
        await Promise.resolve();
        count.passed++;
      }),
      { numRuns: RUNS, seed: 12 },
    );
    expect(details.failed, fc.defaultReportMessage(details)).toBe(false);
    expect(count).toEqual({ tried: RUNS, passed: RUNS });
    expectMix('importStore', mix, [
      'too large',
      'not JSON',
      'not an object',
      'duplicate key',
      'accepted',
      'rejected',
    ]);
    expect(store.getState().settings).toEqual(start);
    expect(store.getState().interventions).toEqual(interventions);
    figures.importStore = count;
  });
});
