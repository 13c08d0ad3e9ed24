/**
 * The seeded visitor generator: one simulated day of flower-shop visitors.
 *
 * Owns: drawing each visitor's true features and label, and applying the
 * scenario's input fault (an outage) to what gets logged.
 * Must not touch: models, training, or anything outside the day it draws.
 *
 * Random streams: `weather` (one draw per day), `visitors` (features) and
 * `labels` (the coin flips), each keyed by the day number, so a day's draws do
 * not depend on how many days ran before it.
 */
import { stream } from '../rng';
import { COL, FEATURE_COUNT, type FeatureId } from './features';
import type { Scenario } from './scenarios';
import { blankVisitor, type DayContext, sigmoid, trueLogOdds } from './truth';

/** One day of visitors, as a model sees them (observed) and as the world is (truth). */
export interface DayData {
  /** Day number from the first simulated day (1-based). */
  day: number;
  context: DayContext;
  n: number;
  /** Row-major n x FEATURE_COUNT, what the shop's logs hold (faults included). */
  features: Float32Array;
  /** The true probability of buying, per visitor. */
  trueProb: Float32Array;
  /** Bought (1) or not (0), per visitor. */
  labels: Uint8Array;
  /** Features that arrived as a constant because their source was dark. */
  darkFeatures: FeatureId[];
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Draws day `day` (1-based) of a scenario. */
export function generateDay(
  seed: number,
  scenario: Scenario,
  day: number,
  context: DayContext,
  n: number,
): DayData {
  const weather = stream(seed, 'weather', day);
  const rng = stream(seed, 'visitors', day);
  const coin = stream(seed, 'labels', day);
  const dayTemp = context.seasonalTemp + 2.5 * weather.normal();

  const features = new Float32Array(n * FEATURE_COUNT);
  const trueProb = new Float32Array(n);
  const labels = new Uint8Array(n);
  const v = blankVisitor();
  const coinTossers = scenario.randomBuyers / 100;

  for (let i = 0; i < n; i++) {
    v.age = clamp(Math.round(42 + 14 * rng.normal()), 18, 85);
    v.hasPartner = rng.bernoulli(0.55);
    v.pastPurchases = Math.min(rng.poisson(1 + 0.5 * v.hasPartner), 15);
    const quick =
      1 - scenario.holidayEffects.valentineQuickVisit * context.valentine * v.hasPartner;
    v.minutesOnSite =
      Math.round(10 * quick * context.minutesFactor * Math.exp(1.5 + 0.6 * rng.normal())) / 10;
    v.price = clamp(Math.round(45 + 12 * rng.normal()), 15, 95);
    const u = rng.next();
    v.discount = u < 0.7 ? 0 : u < 0.9 ? 10 : 20;
    v.mobile = rng.bernoulli(context.mobileShare);
    v.temperature = Math.round(10 * (dayTemp + 2 * rng.normal())) / 10;

    const inputsSay = sigmoid(trueLogOdds(v, context, scenario));
    // Buying noise: a share of visitors toss a coin, so the true chance moves towards one half.
    const p = coinTossers > 0 ? (1 - coinTossers) * inputsSay + coinTossers / 2 : inputsSay;
    trueProb[i] = p;
    labels[i] = coin.next() < p ? 1 : 0;

    const row = i * FEATURE_COUNT;
    features[row + COL.age] = v.age;
    features[row + COL.hasPartner] = v.hasPartner;
    features[row + COL.pastPurchases] = v.pastPurchases;
    features[row + COL.minutesOnSite] = v.minutesOnSite;
    features[row + COL.price] = v.price;
    features[row + COL.discount] = v.discount;
    features[row + COL.mobile] = v.mobile;
    features[row + COL.temperature] = v.temperature;
    features[row + COL.weekend] = context.weekend;
    features[row + COL.daysToHoliday] = context.daysToHoliday;
  }

  const darkFeatures: FeatureId[] = [];
  const outage = scenario.outage;
  if (outage && day >= outage.fromDay && day < outage.fromDay + outage.days) {
    const col = COL[outage.feature];
    for (let i = 0; i < n; i++) features[i * FEATURE_COUNT + col] = outage.value;
    darkFeatures.push(outage.feature);
  }

  return { day, context, n, features, trueProb, labels, darkFeatures };
}
