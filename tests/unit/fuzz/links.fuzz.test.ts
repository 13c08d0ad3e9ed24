/**
 * Property-based tests of the link's interventions and day (issue 16): every
 * intervention a run cannot have is named and dropped, the rest kept in
 * order, and what is left writes back to a link that reads the same; `day=`
 * is read exactly by the rule of the whole-number settings. Counts are
 * recorded as the `fuzz` figures interventions and day.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CADENCES, LIMITS } from '../../../src/sim/settings';
import { formatInterventions } from '../../../src/store/linkParams';
import { formatUrlState, parseUrlState } from '../../../src/store/url';
import { recordFigures } from '../../support/figures';
import { anyString } from './arbitraries';
import { DEFAULTS, namesRefused, possibleInterventions } from './oracles';
import { holds, type Figures } from './runner';
import { intervention } from './urlCases';

const figures: Figures = {};

afterAll(() => {
  recordFigures('fuzz', figures);
});

/** The settings interventions depend on: the run's length, cadence, first day and gates. */
const runShape = fc.record({
  days: fc.oneof(
    fc.integer({ min: LIMITS.days.min, max: 400 }),
    fc.integer({ min: LIMITS.days.min, max: LIMITS.days.max }),
  ),
  cadence: fc.constantFrom(...CADENCES),
  startDate: fc.constantFrom('2025-07-01', '2024-02-10', '2030-12-31'),
  validationGate: fc.boolean(),
  dataGate: fc.boolean(),
});

describe('interventions in a link', () => {
  it('names and drops each one the run cannot have; keeps the rest, which round-trip', () => {
    const arb = fc.record({
      shape: runShape,
      raw: fc.array(intervention, { minLength: 1, maxLength: 50 }),
      // Half the time only what the oracle says can happen: all of it must be kept.
      possibleOnly: fc.boolean(),
    });
    holds(figures, 'interventions', 21, arb, ['all kept', 'some dropped'], (c) => {
      const settings = { ...DEFAULTS, ...c.shape };
      const list = c.possibleOnly ? possibleInterventions(c.raw, settings).kept : c.raw;
      const link = formatUrlState(settings, 0, list);
      const state = parseUrlState(link);
      // What a link leaves out is the default (a knob left alone is not written).
      expect({ ...DEFAULTS, ...state.settings }).toEqual(settings);
      const { kept, refused } = possibleInterventions(list, settings);
      expect(state.interventions).toEqual(kept);
      const messages = state.dropped.map((d) => d.message);
      expect(state.dropped.every((d) => d.field === 'interventions')).toBe(true);
      namesRefused(messages, refused);
      for (const m of messages) expect(m.length).toBeLessThan(1000);
      // What was kept is a link that reads the same, with nothing to name.
      const again = parseUrlState(formatUrlState(settings, 0, state.interventions));
      expect(again.dropped).toEqual([]);
      expect(formatInterventions(again.interventions)).toBe(
        formatInterventions(state.interventions),
      );
      return refused.length === 0 ? 'all kept' : 'some dropped';
    });
  });
});

/** Text that may or may not spell a whole number. */
const dayText = fc.oneof(
  fc.integer({ min: 0, max: 400 }).map(String),
  fc
    .integer({ min: 0, max: 400 })
    .chain((n) =>
      fc.constantFrom(`${n}e0`, `+${n}`, `${n}.`, ` ${n}`, `${n}.0`, `0${n}`, `${n}.5`, `-${n}`),
    ),
  fc.constantFrom('0x10', '0b101', '0o7', '1e2', '1E2', '2.5e1', '1e999', 'NaN', '', ' ', '٣'),
  fc.integer({ min: 55, max: 120 }).map((n) => `${'0'.repeat(n)}5`),
  fc.constant(`${'0'.repeat(100_000)}5`),
  anyString,
);

describe('the day in a link', () => {
  it('is read exactly as a whole-number setting is, then bounded by the run', () => {
    holds(figures, 'day', 22, dayText, ['read', 'named'], (raw) => {
      // seed is a whole-number setting from 0 whose range holds every day of a default run.
      const pair = parseUrlState(
        `?${new URLSearchParams([
          ['seed', raw],
          ['day', raw],
        ]).toString()}`,
      );
      const seedRead = pair.settings.seed;
      const dayNamed = pair.dropped.some((d) => d.field === 'day');
      if (seedRead !== undefined && seedRead <= DEFAULTS.days) {
        expect(pair.day).toBe(seedRead);
        expect(dayNamed).toBe(false);
        return 'read';
      }
      expect(pair.day).toBeNull();
      expect(dayNamed, `day=${JSON.stringify(raw.slice(0, 30))}`).toBe(true);
      return 'named';
    });
  });
});
