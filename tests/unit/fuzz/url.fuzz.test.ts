/**
 * Property-based tests of the URL parser: every parameter with a bad value is
 * named, the good ones are kept exactly, and what was kept writes back to a
 * link that reads the same state. Counts are recorded as the `fuzz` figure
 * url.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState, type UrlState } from '../../../src/store/url';
import { recordFigures } from '../../support/figures';
import type { Intervention } from '../../../src/sim/contract';
import { DEFAULTS, isSetting, namesRefused, possibleInterventions, revalidates } from './oracles';
import { holds, type Figures } from './runner';
import { ALL_PARAMS, PARAM_FIELD, encodePair, queries } from './urlCases';

const figures: Figures = {};

afterAll(() => {
  recordFigures('fuzz', figures);
});

/** Whether the parsed state holds a parameter's value (else it must be dropped). */
function accepted(state: UrlState, param: string): boolean {
  const field = PARAM_FIELD[param];
  if (isSetting(field)) return field in state.settings;
  if (param === 'day') return state.day !== null;
  return !state.dropped.some((d) => d.field === field);
}

/** The display a state opens, with the store's defaults filled in. */
const effectiveDisplay = (d: UrlState['display']) => ({
  tab: 'chart',
  rolling: 1,
  presenting: false,
  presentPanel: 'cards',
  driftRole: 'static',
  driftScope: 'day',
  ...d,
});

/** The link a parsed state writes back. */
const rewrite = (s: UrlState) =>
  formatUrlState(
    { ...DEFAULTS, ...s.settings },
    s.day ?? 0,
    s.interventions,
    s.version ?? undefined,
    s.display,
  );

describe('the URL', () => {
  it('names every parameter with a bad value, keeps the good ones exactly, and round-trips', () => {
    holds(figures, 'url', 9, queries, ['clean', 'dropped'], ({ cases, query }) => {
      const state = parseUrlState(query);
      const decoded = new URLSearchParams(query);
      const dropped = new Set(state.dropped.map((d) => d.field));
      // Only what the URL named is ever named.
      for (const field of dropped) {
        const param = Object.keys(PARAM_FIELD).find((p) => PARAM_FIELD[p] === field);
        expect(param && decoded.has(param), `dropped ${field}`).toBe(true);
      }
      for (const param of ALL_PARAMS) {
        const field = PARAM_FIELD[param];
        const values = decoded.getAll(param);
        if (values.length === 0) {
          expect(dropped.has(field)).toBe(false);
          if (isSetting(field) || param === 'day') expect(accepted(state, param)).toBe(false);
          continue;
        }
        if (values.some((v) => v !== values[0])) {
          // Said twice, differently: ambiguous, so dropped and named.
          expect(dropped.has(field), `${param} given twice`).toBe(true);
          if (isSetting(field) || param === 'day') expect(accepted(state, param)).toBe(false);
          continue;
        }
        if (param === 'iv') {
          // A well-formed list: each intervention the run cannot have is named and dropped.
          const list = cases.find(
            (c) =>
              c.param === 'iv' &&
              c.raw === undefined &&
              c.valid === null &&
              new URLSearchParams(encodePair(param, c.value)).get(param) === values[0],
          )?.want as Intervention[] | undefined;
          if (list) {
            const { kept, refused } = possibleInterventions(list, {
              ...DEFAULTS,
              ...state.settings,
            });
            expect(state.interventions).toEqual(kept);
            namesRefused(
              state.dropped.filter((d) => d.field === field).map((d) => d.message),
              refused,
            );
            continue;
          }
        }
        const take = accepted(state, param);
        expect(take !== dropped.has(field), `${param}=${values[0]} kept xor dropped`).toBe(true);
        const mine = cases.find(
          (c) =>
            c.param === param &&
            c.raw === undefined &&
            c.valid !== null &&
            new URLSearchParams(encodePair(param, c.value)).get(param) === values[0],
        );
        if (!mine) continue;
        expect(take, `${param}=${JSON.stringify(values[0])}`).toBe(mine.valid);
        if (!mine.valid || mine.want === undefined) continue;
        if (isSetting(field)) expect(state.settings[field]).toEqual(mine.want);
        if (param === 'day') expect(state.day).toEqual(mine.want);
        if (param === 'iv') expect(state.interventions).toEqual(mine.want);
      }
      // What was accepted is valid, and writing it back reads the same state.
      const whole = { ...DEFAULTS, ...state.settings };
      revalidates(whole);
      const link = rewrite(state);
      const again = parseUrlState(link);
      expect(again.dropped).toEqual([]);
      expect({ ...DEFAULTS, ...again.settings }).toEqual(whole);
      expect(again.day).toBe(state.day ?? 0);
      expect(again.interventions).toEqual(state.interventions);
      expect(again.version).toBe(state.version);
      expect(effectiveDisplay(again.display)).toEqual(effectiveDisplay(state.display));
      expect(rewrite(again)).toBe(link);
      return state.dropped.length === 0 ? 'clean' : 'dropped';
    });
  });

  it('truncated percent-encoding and huge values never throw and are named', () => {
    const huge = 'x'.repeat(200_000);
    const state = parseUrlState(`?seed=${huge}&start=%E2%8&iv=${huge}&day=${'9'.repeat(5000)}`);
    expect(state.dropped.map((d) => d.field).sort()).toEqual([
      'day',
      'interventions',
      'seed',
      'startDate',
    ]);
  });
});
