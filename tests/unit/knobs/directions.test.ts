/**
 * Every world knob moves the world's ground truth the way its name says, for
 * random pairs of values (fast-check): the true effect of having a partner on
 * Valentine's eve, the days the holiday is on, the seasonal swing, how far
 * visitors' true chances sit from a coin toss, the dark days of the outage,
 * the labels a buggy job flips. Read through the same functions the engine
 * simulates with (world/truth, world/visitors, world/effects, ops/jobs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corruptLabels } from '../../../src/sim/ops/jobs';
import { stream } from '../../../src/sim/rng';
import { defaultSettings, type Settings } from '../../../src/sim/settings';
import { addDays, type IsoDate } from '../../../src/sim/world/calendar';
import { trueEffects } from '../../../src/sim/world/effects';
import { COL } from '../../../src/sim/world/features';
import { NO_KNOBS, ownKnob, worldOf } from '../../../src/sim/world/knobs';
import { SCENARIOS, type ScenarioId } from '../../../src/sim/world/scenarios';
import { dayContext } from '../../../src/sim/world/truth';
import { generateDay } from '../../../src/sim/world/visitors';

const RUNS = { numRuns: 40, seed: 17 };

const world = (scenario: ScenarioId, knobs: Partial<Settings>) =>
  worldOf({ ...defaultSettings(), scenario, ...knobs });

/** Two values of a knob's range, the first lower by at least `gap`. */
const pair = (min: number, max: number, gap: number, integer = false) =>
  (integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }))
    .chain((a) =>
      (integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true })).map(
        (b) => [Math.min(a, b), Math.max(a, b)] as const,
      ),
    )
    .filter(([a, b]) => b - a >= gap);

/** The true average effect of having a partner on 10 February 2026 (day 225 of a run from 1 July 2025). */
function partnerEffect(scenario: ScenarioId, valentineEffect: number): number {
  const w = world(scenario, { valentineEffect });
  const day = generateDay(1, w, 225, dayContext('2026-02-10', w), 300);
  const effects = trueEffects(day.features, day.n, day.context, w, []);
  return effects[COL.hasPartner] ?? Number.NaN;
}

/** Dates from 1 January to 14 February 2026 on which Valentine's Day's effect is on. */
function valentineDays(valentineLeadDays: number): IsoDate[] {
  const w = world('valentine', { valentineLeadDays });
  const out: IsoDate[] = [];
  for (let i = 0; i < 45; i++) {
    const date = addDays('2026-01-01', i);
    if (dayContext(date, w).valentine > 0) out.push(date);
  }
  return out;
}

describe('each knob moves the world the way it names', () => {
  it("Strength of Valentine's Day: a stronger holiday, a larger true effect of having a partner", () => {
    fc.assert(
      fc.property(
        pair(0, 3, 0.1),
        fc.constantFrom<ScenarioId>('valentine', 'stable'),
        ([a, b], s) => {
          expect(partnerEffect(s, b)).toBeGreaterThan(partnerEffect(s, a));
        },
      ),
      { ...RUNS, numRuns: 20 },
    );
    // At 1 the usual shop is itself; at 0 the eve is an ordinary day for partners (1.5, the base weight).
    expect(world('valentine', { valentineEffect: 1 })).toEqual(SCENARIOS.valentine);
    expect(partnerEffect('valentine', 0)).toBeCloseTo(1.5, 6);
  });

  it('Days before the 14th it starts: more lead days, more days with the holiday on, starting earlier', () => {
    fc.assert(
      fc.property(pair(1, 30, 1, true), ([a, b]) => {
        const early = valentineDays(b);
        const late = valentineDays(a);
        expect(early.length).toBeGreaterThan(late.length);
        expect(early[0] < late[0]).toBe(true);
        // The effect is on from `lead - 1` days before, through the 14th.
        expect(early.at(-1)).toBe('2026-02-14');
        expect(early).toHaveLength(b);
      }),
      RUNS,
    );
  });

  it('Strength of the seasons: a stronger swing in temperature and phones', () => {
    fc.assert(
      fc.property(
        pair(0, 2, 0.05),
        fc.constantFrom<ScenarioId>('valentine', 'seasons', 'stable'),
        ([a, b], s) => {
          const swing = (k: number) => {
            const w = world(s, { seasonStrength: k });
            const winter = dayContext('2026-01-17', w);
            const summer = dayContext('2025-07-19', w);
            return {
              temp: summer.seasonalTemp - winter.seasonalTemp,
              phones: winter.mobileShare - summer.mobileShare,
            };
          };
          expect(swing(b).temp).toBeGreaterThan(swing(a).temp);
          expect(swing(b).phones).toBeGreaterThanOrEqual(swing(a).phones);
        },
      ),
      RUNS,
    );
    const none = world('valentine', { seasonStrength: 0 });
    expect(dayContext('2026-01-17', none).seasonalTemp).toBe(
      dayContext('2025-07-19', none).seasonalTemp,
    );
  });

  it('Buying noise: more coin tossers, true chances nearer one half', () => {
    const certainty = (randomBuyers: number) => {
      const w = world('valentine', { randomBuyers });
      const day = generateDay(3, w, 40, dayContext('2025-08-09', w), 400);
      let sum = 0;
      for (const p of day.trueProb) sum += Math.abs(p - 0.5);
      return sum / day.n;
    };
    fc.assert(
      fc.property(pair(0, 50, 1, true), ([a, b]) => {
        expect(certainty(b)).toBeLessThan(certainty(a));
      }),
      RUNS,
    );
    // Half the visitors tossing coins halve every chance's distance from one half.
    expect(certainty(50)).toBeCloseTo(certainty(0) / 2, 5);
  });

  it('The outage: it starts on the day named and lasts the days named', () => {
    const darkDays = (outageDay: number, outageDays: number) => {
      const w = world('valentine', { outageDay, outageDays });
      const dark: number[] = [];
      for (let d = 1; d <= 200; d++) {
        const date = addDays('2025-07-01', d - 1);
        if (generateDay(1, w, d, dayContext(date, w), 3).darkFeatures.length > 0) dark.push(d);
      }
      return dark;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), pair(0, 60, 1, true), (from, [a, b]) => {
        const longer = darkDays(from, b);
        expect(longer.length).toBeGreaterThan(darkDays(from, a).length);
        expect(longer[0]).toBe(from);
        expect(longer).toHaveLength(b);
      }),
      { ...RUNS, numRuns: 12 },
    );
    // Left alone in the outage scenario, it is the scenario's own: a week from day 131.
    expect(world('outage', {}).outage).toEqual(SCENARIOS.outage.outage);
    expect(world('valentine', { outageDays: 0 }).outage).toBeNull();
  });

  it('The buggy job: a larger share flips more of the labels, from the day named', () => {
    const flipped = (bugShare: number) => {
      const bug = world('valentine', { bugShare }).labelBug;
      const y = new Float32Array(2000);
      const rows = { x: new Float32Array(0), y, n: y.length };
      if (bug) corruptLabels(rows, bug.flipShare, stream(1, 'fault', 151));
      return y.reduce((sum, v) => sum + v, 0);
    };
    fc.assert(
      fc.property(pair(0, 100, 5, true), ([a, b]) => {
        expect(flipped(b)).toBeGreaterThan(flipped(a));
      }),
      RUNS,
    );
    expect(world('valentine', { bugDay: 40, bugShare: 50 }).labelBug).toEqual({
      fromDay: 40,
      days: 7,
      flipShare: 0.5,
    });
  });
});

describe("a knob left alone is the scenario's own", () => {
  it('every scenario with no knob set is the scenario object itself', () => {
    for (const id of Object.keys(SCENARIOS) as ScenarioId[]) {
      expect(world(id, NO_KNOBS)).toBe(SCENARIOS[id]);
    }
  });

  it("setting a knob to the scenario's own value gives the same world", () => {
    for (const id of Object.keys(SCENARIOS) as ScenarioId[]) {
      const scenario = SCENARIOS[id];
      for (const key of Object.keys(NO_KNOBS) as (keyof typeof NO_KNOBS)[]) {
        const same = world(id, { [key]: ownKnob(scenario, key) });
        expect(same, `${id} ${key}`).toEqual(scenario);
      }
    }
  });
});
