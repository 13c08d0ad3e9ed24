/**
 * Scenarios: named presets of the world and of its faults.
 *
 * Owns: every numeric knob of the world (seasons, holiday effects, faults),
 * as plain data, one object per scenario.
 * Must not touch: random draws or dates; visitors.ts and truth.ts read these.
 *
 * Scenarios are layers on one base world (`valentine`): `stable` switches
 * seasons and holidays off, `seasons` strengthens the seasonal shift and adds
 * a cold-weather effect a summer model extrapolates badly, `outage` and
 * `buggy-job` add a fault to the base world.
 */

import type { HolidayName } from './calendar';

export const SCENARIO_IDS = ['valentine', 'stable', 'seasons', 'outage', 'buggy-job'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface SeasonParams {
  /** Mean outside temperature over the year, °C. */
  tempMean: number;
  /** Half the summer-to-winter swing, °C (0: no seasons). */
  tempAmplitude: number;
  /** Share of visitors on a phone at the height of summer and of winter. */
  mobileSummer: number;
  mobileWinter: number;
  /** Relative increase of time on site in deep winter. */
  minutesWinterBoost: number;
}

export interface HolidayEffects {
  /** Valentine's Day: added to partnered visitors' log-odds at full intensity. */
  valentinePartner: number;
  /** Valentine's Day: added to everyone else's log-odds at full intensity. */
  valentineSingle: number;
  /** Valentine's Day: share of price sensitivity that disappears at full intensity. */
  valentinePriceRelief: number;
  /** Valentine's Day: partnered visitors know what they want, so their visits get this much shorter... */
  valentineQuickVisit: number;
  /** ...and time on site tells this much less about whether they buy. */
  valentineEngagementRelief: number;
  /** Mother's Day: added to the log-odds of visitors under 45. */
  mothersDayYoung: number;
  /** Christmas: added to everyone's log-odds. */
  christmasAll: number;
}

/** An upstream source goes dark: a feature arrives as a constant. */
export interface OutageFault {
  feature: 'minutesOnSite';
  /** First affected day, counted from the first simulated day (day 1). */
  fromDay: number;
  days: number;
  /** The constant the dark source delivers. */
  value: number;
}

/** A training-pipeline bug: the job's copy of the labels is flipped. */
export interface LabelBugFault {
  /** Jobs that run on these days (day numbers from 1) see corrupted labels. */
  fromDay: number;
  days: number;
  /** Share of the job's labels that are flipped. */
  flipShare: number;
}

export interface Scenario {
  id: ScenarioId;
  /**
   * Its one name on screen and in the docs (the picker, the lesson, the chapters,
   * the quiz, the glossary, the README): the id in plain words, so that the
   * command line's `--scenario <id>` and the page name the same thing. Plain
   * ASCII: the command line's table prints it.
   */
  title: string;
  /** One line for the scenario picker, in our own words. */
  description: string;
  seasons: SeasonParams;
  /** False: no gift holidays at all, so "days to holiday" stays at its cap. */
  holidaysOn: boolean;
  holidayEffects: HolidayEffects;
  /** Days before each holiday when its effect starts to build (truth.ts holidayIntensity). */
  rampStartDays: Readonly<Record<HolidayName, number>>;
  /** Share of visitors, in percent, who decide by a coin toss whatever their inputs (0: none). */
  randomBuyers: number;
  /** Log-odds per °C of outside temperature (linear part). */
  tempSlope: number;
  /** Extra log-odds per °C below `coldBelow` (0: temperature acts linearly). */
  coldBoostPerDegree: number;
  coldBelow: number;
  outage: OutageFault | null;
  labelBug: LabelBugFault | null;
}

const BASE_SEASONS: SeasonParams = {
  tempMean: 14,
  tempAmplitude: 10,
  mobileSummer: 0.5,
  mobileWinter: 0.6,
  minutesWinterBoost: 0.1,
};

const BASE_HOLIDAYS: HolidayEffects = {
  valentinePartner: 4.2,
  valentineSingle: -0.4,
  valentinePriceRelief: 0.7,
  valentineQuickVisit: 0.5,
  valentineEngagementRelief: 0.7,
  mothersDayYoung: 1.5,
  christmasAll: 0.8,
};

/** Every holiday's effect starts to build two weeks before it. */
const BASE_RAMPS: Readonly<Record<HolidayName, number>> = {
  valentine: 14,
  mothersDay: 14,
  christmas: 14,
};

const NO_HOLIDAYS: HolidayEffects = {
  valentinePartner: 0,
  valentineSingle: 0,
  valentinePriceRelief: 0,
  valentineQuickVisit: 0,
  valentineEngagementRelief: 0,
  mothersDayYoung: 0,
  christmasAll: 0,
};

const valentine: Scenario = {
  id: 'valentine',
  title: "Valentine's Day",
  description:
    "The shop's usual year: seasons come and go, and the two weeks before 14 February change who buys.",
  seasons: BASE_SEASONS,
  holidaysOn: true,
  holidayEffects: BASE_HOLIDAYS,
  rampStartDays: BASE_RAMPS,
  randomBuyers: 0,
  tempSlope: 0.02,
  coldBoostPerDegree: 0,
  coldBelow: 10,
  outage: null,
  labelBug: null,
};

/** The usual shop's seasons and holiday effects: what the world knobs scale when a world has none. */
export const USUAL_SHOP = { seasons: BASE_SEASONS, holidayEffects: BASE_HOLIDAYS } as const;

export const SCENARIOS: Record<ScenarioId, Scenario> = {
  valentine,
  stable: {
    ...valentine,
    id: 'stable',
    title: 'Stable',
    description:
      'Nothing ever changes: same visitors, same habits, all year. A model trained once is enough.',
    seasons: {
      ...BASE_SEASONS,
      tempAmplitude: 0,
      mobileWinter: BASE_SEASONS.mobileSummer,
      minutesWinterBoost: 0,
    },
    holidaysOn: false,
    holidayEffects: NO_HOLIDAYS,
  },
  seasons: {
    ...valentine,
    id: 'seasons',
    title: 'Seasons',
    description:
      'No holidays, but winter brings cold days, more phones and longer visits, and cold weather sends people to buy flowers.',
    seasons: {
      tempMean: 13,
      tempAmplitude: 14,
      mobileSummer: 0.45,
      mobileWinter: 0.75,
      minutesWinterBoost: 0.35,
    },
    holidayEffects: NO_HOLIDAYS,
    coldBoostPerDegree: 0.3,
    coldBelow: 12,
  },
  outage: {
    ...valentine,
    id: 'outage',
    title: 'Outage',
    description:
      'The analytics feed that reports minutes on site goes dark for a week in November and sends zeros.',
    outage: { feature: 'minutesOnSite', fromDay: 131, days: 7, value: 0 },
  },
  'buggy-job': {
    ...valentine,
    id: 'buggy-job',
    title: 'Buggy job',
    description:
      'For a week in late November a bug in the training pipeline flips the labels the retraining job reads.',
    labelBug: { fromDay: 151, days: 7, flipShare: 1 },
  },
};
