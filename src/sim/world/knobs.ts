/**
 * The world's knobs: what each one does to a scenario, and what it is when
 * left alone ("the scenario's own").
 *
 * Owns: `worldOf` (the scenario with the run's knobs applied), `ownKnob` (a
 * knob's value in a scenario as it is) and `isCustomWorld`.
 * Must not touch: random draws, dates, or the knobs' ranges and words (the
 * settings table holds those). A knob left at null changes nothing: `worldOf`
 * then returns the scenario object itself, so a run is byte for byte the
 * scenario's (tests/unit/knobs/defaults.test.ts).
 *
 * What each knob means:
 * - valentineEffect: times the usual shop's Valentine's Day effects (who buys,
 *   how price and time on site matter, how short partnered visits get); a
 *   world without them (stable, seasons) takes the usual shop's, and turning
 *   the knob up brings the calendar of holidays in. The two shares that cannot
 *   pass 1 (price and time-on-site relief, shorter visits) stop short of it.
 * - valentineLeadDays: days before 14 February its effect starts to build.
 * - seasonStrength: times this world's own seasonal swing (temperature,
 *   phones, visit length); a world without seasons takes the usual shop's.
 * - randomBuyers: percent of visitors who toss a coin.
 * - outageDay / outageDays: when the minutes-on-site feed goes dark, how long
 *   (0: never). Left alone in a world without an outage, the day is the outage
 *   scenario's.
 * - bugDay / bugShare: when the week of buggy retraining jobs starts, the
 *   percent of their labels flipped (0: no bug). Left alone in a world without
 *   the bug, the day is the buggy-job scenario's.
 */
import { KNOB_KEYS, type KnobKey, type Settings } from '../settingsTable';
import {
  SCENARIOS,
  USUAL_SHOP,
  type HolidayEffects,
  type Scenario,
  type SeasonParams,
} from './scenarios';

export type Knobs = Pick<Settings, KnobKey>;

/** Shares that a stronger holiday pushes towards 1 stop here. */
const MAX_RELIEF = 0.95;
/** Partnered visits get at most this much shorter. */
const MAX_QUICK = 0.9;
/** Share of visitors on a phone stays inside this range however strong the seasons. */
const MOBILE_RANGE = { min: 0.02, max: 0.98 } as const;

const OUTAGE_TEMPLATE = SCENARIOS.outage.outage;
const BUG_TEMPLATE = SCENARIOS['buggy-job'].labelBug;

const hasValentine = (s: Scenario) => s.holidaysOn && s.holidayEffects.valentinePartner !== 0;
const hasSeasons = (s: Scenario) => s.seasons.tempAmplitude > 0;

/** A knob's value in the scenario as it is: what null stands for. */
export function ownKnob(scenario: Scenario, key: KnobKey): number {
  switch (key) {
    case 'valentineEffect':
      return hasValentine(scenario) ? 1 : 0;
    case 'valentineLeadDays':
      return scenario.rampStartDays.valentine;
    case 'seasonStrength':
      return hasSeasons(scenario) ? 1 : 0;
    case 'randomBuyers':
      return scenario.randomBuyers;
    case 'outageDay':
      return (scenario.outage ?? OUTAGE_TEMPLATE)?.fromDay ?? 1;
    case 'outageDays':
      return scenario.outage?.days ?? 0;
    case 'bugDay':
      return (scenario.labelBug ?? BUG_TEMPLATE)?.fromDay ?? 1;
    case 'bugShare':
      return Math.round((scenario.labelBug?.flipShare ?? 0) * 100);
  }
}

/** Whether any knob is set (in knobs or in whole settings): the world is then a custom one. */
export function isCustomWorld(knobs: Knobs): boolean {
  return KNOB_KEYS.some((key) => knobs[key] !== null);
}

/** The knobs of some settings, and nothing else. */
const knobsIn = (settings: Knobs): Knobs =>
  Object.fromEntries(KNOB_KEYS.map((key) => [key, settings[key]])) as Knobs;

function valentineEffects(base: Scenario, k: number): HolidayEffects {
  const from = hasValentine(base) ? base.holidayEffects : USUAL_SHOP.holidayEffects;
  // `|| 0`: a negative effect times 0 is -0, which is 0 everywhere but in a byte comparison.
  return {
    ...base.holidayEffects,
    valentinePartner: from.valentinePartner * k || 0,
    valentineSingle: from.valentineSingle * k || 0,
    valentinePriceRelief: Math.min(MAX_RELIEF, from.valentinePriceRelief * k),
    valentineQuickVisit: Math.min(MAX_QUICK, from.valentineQuickVisit * k),
    valentineEngagementRelief: Math.min(MAX_RELIEF, from.valentineEngagementRelief * k),
  };
}

function seasons(base: Scenario, k: number): SeasonParams {
  const from = hasSeasons(base) ? base.seasons : USUAL_SHOP.seasons;
  // Written so that k = 1 gives the scenario's own share exactly.
  const winter = from.mobileSummer * (1 - k) + from.mobileWinter * k;
  return {
    tempMean: from.tempMean,
    tempAmplitude: from.tempAmplitude * k,
    mobileSummer: from.mobileSummer,
    mobileWinter: Math.min(MOBILE_RANGE.max, Math.max(MOBILE_RANGE.min, winter)),
    minutesWinterBoost: from.minutesWinterBoost * k,
  };
}

/** The knobs of a scenario applied to it; the scenario itself when none is set. */
export function applyKnobs(base: Scenario, knobs: Knobs): Scenario {
  if (!isCustomWorld(knobs)) return base;
  const world: Scenario = { ...base };
  const k = (key: KnobKey) => knobs[key] ?? ownKnob(base, key);
  if (knobs.valentineEffect !== null) {
    world.holidayEffects = valentineEffects(base, knobs.valentineEffect);
    if (knobs.valentineEffect > 0) world.holidaysOn = true;
  }
  if (knobs.valentineLeadDays !== null) {
    world.rampStartDays = { ...base.rampStartDays, valentine: knobs.valentineLeadDays };
  }
  if (knobs.seasonStrength !== null) world.seasons = seasons(base, knobs.seasonStrength);
  if (knobs.randomBuyers !== null) world.randomBuyers = knobs.randomBuyers;
  if (knobs.outageDay !== null || knobs.outageDays !== null) {
    const days = k('outageDays');
    world.outage =
      days > 0
        ? {
            feature: 'minutesOnSite',
            fromDay: k('outageDay'),
            days,
            value: OUTAGE_TEMPLATE?.value ?? 0,
          }
        : null;
  }
  if (knobs.bugDay !== null || knobs.bugShare !== null) {
    const share = k('bugShare');
    world.labelBug =
      share > 0
        ? {
            fromDay: k('bugDay'),
            days: (base.labelBug ?? BUG_TEMPLATE)?.days ?? 7,
            flipShare: share / 100,
          }
        : null;
  }
  return world;
}

let last: { key: string; world: Scenario } | null = null;

/**
 * The world a run simulates: its scenario with its knobs applied. The last
 * answer is kept, so callers that ask per render get the same object (and
 * caches keyed on it keep working).
 */
export function worldOf(settings: Pick<Settings, 'scenario' | KnobKey>): Scenario {
  const base = SCENARIOS[settings.scenario];
  if (!isCustomWorld(settings)) return base;
  const knobs = knobsIn(settings);
  const key = JSON.stringify([settings.scenario, knobs]);
  if (last?.key !== key) last = { key, world: applyKnobs(base, knobs) };
  return last.world;
}

/** Every knob left at the scenario's own: what picking a scenario sets. */
export const NO_KNOBS = Object.fromEntries(KNOB_KEYS.map((key) => [key, null])) as Knobs;

/** The world's name on screen: the scenario's title, or a custom world and what it was made from. */
export function worldTitle(settings: Pick<Settings, 'scenario' | KnobKey>): string {
  const { title } = SCENARIOS[settings.scenario];
  return isCustomWorld(settings) ? `Custom world (from ${title})` : title;
}
