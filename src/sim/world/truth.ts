/**
 * The ground truth: what each simulated day is like, and how a visitor's
 * features and the date set their probability of buying.
 *
 * Owns: the seasonal curve, holiday intensity ramps, and the true log-odds.
 * Must not touch: random draws (visitors.ts draws; this file is deterministic)
 * or anything a model sees (faults are applied to observed features later).
 */
import {
  dayOfYear,
  daysBetween,
  type HolidayName,
  isWeekend,
  type IsoDate,
  nextHoliday,
} from './calendar';
import { HOLIDAY_HORIZON_DAYS } from './features';
import type { Scenario } from './scenarios';

/** Everything about a day that is the same for all its visitors. */
export interface DayContext {
  date: IsoDate;
  /** 0 at the height of summer (about 19 July), 1 in deep winter (about 17 January). */
  winterness: number;
  /** Expected outside temperature before the day's weather noise, °C. */
  seasonalTemp: number;
  mobileShare: number;
  minutesFactor: number;
  weekend: 0 | 1;
  /** Days to the next gift holiday, capped (the cap when holidays are off). */
  daysToHoliday: number;
  /** The next gift holiday; null when the scenario has no holidays. */
  nextHoliday: HolidayName | null;
  /** Holiday intensities in [0, 1]. */
  valentine: number;
  mothersDay: number;
  christmas: number;
}

/** Days before a holiday when its effect starts to build, in the usual shop (scenarios.ts). */
export const RAMP_START_DAYS = 14;
/** Days before a holiday from which its effect is at full strength, when it starts RAMP_START_DAYS before. */
export const RAMP_FULL_DAYS = 10;

/**
 * Days before a holiday from which its effect is at full strength, when it
 * starts `startDays` before: the same share of the lead as the usual 10 of 14.
 */
export function rampFullDays(startDays: number): number {
  // At least one day of ramp, so a holiday with a lead of n days is on for exactly n days.
  return Math.min(startDays - 1, Math.round((startDays * RAMP_FULL_DAYS) / RAMP_START_DAYS));
}

/**
 * Intensity of a holiday's effect `daysBefore` days ahead of it (1 on the day
 * itself), when it starts to build `startDays` before: 0, then a straight
 * ramp, then 1 for the last seven-tenths of the lead.
 */
export function holidayIntensity(daysBefore: number, startDays = RAMP_START_DAYS): number {
  if (daysBefore < 0 || daysBefore > startDays) return 0;
  const full = rampFullDays(startDays);
  if (daysBefore <= full) return 1;
  return (startDays - daysBefore) / (startDays - full);
}

/** The shared facts of one day of one scenario. */
export function dayContext(date: IsoDate, scenario: Scenario): DayContext {
  const s = scenario.seasons;
  const phase = (2 * Math.PI * (dayOfYear(date) - 200)) / 365.25;
  const winterness = (1 - Math.cos(phase)) / 2;
  const intensities: Record<HolidayName, number> = { valentine: 0, mothersDay: 0, christmas: 0 };
  let daysToHoliday = HOLIDAY_HORIZON_DAYS;
  let upcoming: HolidayName | null = null;
  if (scenario.holidaysOn) {
    const next = nextHoliday(date);
    const ahead = daysBetween(date, next.date);
    daysToHoliday = Math.min(HOLIDAY_HORIZON_DAYS, ahead);
    intensities[next.name] = holidayIntensity(ahead, scenario.rampStartDays[next.name]);
    upcoming = next.name;
  }
  return {
    date,
    winterness,
    seasonalTemp: s.tempMean + s.tempAmplitude * Math.cos(phase),
    mobileShare: s.mobileSummer + (s.mobileWinter - s.mobileSummer) * winterness,
    minutesFactor: 1 + s.minutesWinterBoost * winterness,
    weekend: isWeekend(date) ? 1 : 0,
    daysToHoliday,
    nextHoliday: upcoming,
    ...intensities,
  };
}

/** The true features of one visitor, before any fault touches what is logged. */
export interface TrueVisitor {
  age: number;
  hasPartner: number;
  pastPurchases: number;
  minutesOnSite: number;
  price: number;
  discount: number;
  mobile: number;
  temperature: number;
}

/** A visitor with every feature at zero, to be filled in place (no allocation per row). */
export function blankVisitor(): TrueVisitor {
  return {
    age: 0,
    hasPartner: 0,
    pastPurchases: 0,
    minutesOnSite: 0,
    price: 0,
    discount: 0,
    mobile: 0,
    temperature: 0,
  };
}

/**
 * Flower buying peaks in middle age: log-odds fall by AGE_CURVE per squared
 * year away from AGE_PEAK. A curve, not a line, so a logistic model on raw age
 * cannot follow it and the MLP can: the gap between them and the oracle.
 */
export const AGE_PEAK = 45;
export const AGE_CURVE = 0.003;

/**
 * Intercept of the true log-odds: sets the normal buy rate near 35%. The age
 * curve's average (ages spread with a standard deviation of 14 years) is added
 * back so the curve changes who buys, not how many.
 */
export const BASE_LOG_ODDS = -3.0 + AGE_CURVE * 14 ** 2;

/** The true log-odds that this visitor buys on this day. */
export function trueLogOdds(v: TrueVisitor, day: DayContext, scenario: Scenario): number {
  const h = scenario.holidayEffects;
  const priceWeight = -0.09 * (1 - h.valentinePriceRelief * day.valentine);
  const cold = Math.max(0, scenario.coldBelow - v.temperature);
  const minutesWeight = 1.8 * (1 - h.valentineEngagementRelief * day.valentine * v.hasPartner);
  return (
    BASE_LOG_ODDS +
    0.025 * (v.age - 42) -
    AGE_CURVE * (v.age - AGE_PEAK) ** 2 +
    1.5 * v.hasPartner +
    0.7 * Math.min(v.pastPurchases, 6) +
    minutesWeight * Math.log(Math.max(v.minutesOnSite, 0.2) / 4.5) +
    priceWeight * (v.price - 45) +
    0.1 * v.discount -
    0.5 * v.mobile +
    scenario.tempSlope * (v.temperature - 18) +
    scenario.coldBoostPerDegree * cold +
    0.5 * day.weekend +
    day.valentine * (v.hasPartner ? h.valentinePartner : h.valentineSingle) +
    day.mothersDay * (v.age < 45 ? h.mothersDayYoung : 0) +
    day.christmas * h.christmasAll
  );
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
