/**
 * Valentine's Day as a change in what buying depends on, measured from the
 * run: the "has a partner" effect, true and learned by each model, on the
 * holiday against the day before the rush, and the largest input shift the
 * drift monitor flagged during the rush (for the side-by-side with an
 * outage, whose inputs jump). docs/CHAPTERS.md states each rule.
 *
 * Owns: those rules. Must not touch: wording (src/content), the monitor's
 * own thresholds (src/sim/eval).
 */
import type { DayResult, ModelRole } from '../contract';
import { COL, FEATURES } from '../world/features';
import { firstRush, type Rush, type RunShape } from './rush';

/** One feature's effect on a day: the world's truth and what each serving model learned. */
export interface EffectReading {
  day: number;
  truth: number | null;
  static: number | null;
  dynamic: number | null;
}

/** The effects of one feature (FEATURES order) on one computed serving day; null if not computed. */
export function effectOn(
  days: readonly DayResult[],
  day: number,
  feature: number,
): EffectReading | null {
  const d = days[day - 1];
  if (!d || d.phase !== 'serving') return null;
  return {
    day,
    truth: d.effects.truth[feature] ?? null,
    static: d.effects.static?.[feature] ?? null,
    dynamic: d.effects.dynamic?.[feature] ?? null,
  };
}

export interface PartnerShift {
  rush: Rush;
  /** The day before the rush begins ("January"). */
  before: EffectReading;
  /** Valentine's Day itself. */
  holiday: EffectReading;
}

/** Rule: the "has a partner" effect on the day before Valentine's rush and on Valentine's Day. */
export function partnerShift(days: readonly DayResult[], settings: RunShape): PartnerShift | null {
  const rush = firstRush(settings);
  if (!rush) return null;
  const before = effectOn(days, rush.from - 1, COL.hasPartner);
  const holiday = effectOn(days, rush.day, COL.hasPartner);
  return before && holiday ? { rush, before, holiday } : null;
}

export interface InputShift {
  day: number;
  model: ModelRole;
  /** Index in FEATURES. */
  feature: number;
  label: string;
  psi: number;
}

/**
 * Rule: over the days of a range, the largest one-day PSI of any feature that
 * the drift monitor flagged (status not stable) for either model; null when it
 * flagged none. `complete` is false when some day of the range is not computed.
 */
export function largestFlaggedShift(
  days: readonly DayResult[],
  range: { from: number; to: number },
): { complete: boolean; shift: InputShift | null } {
  let shift: InputShift | null = null;
  let complete = true;
  for (let day = range.from; day <= range.to; day++) {
    const drift = days[day - 1]?.drift;
    if (!drift) {
      complete = false;
      continue;
    }
    for (const model of ['static', 'dynamic'] as const) {
      drift[model].day.forEach((reading, feature) => {
        if (reading.status === 'stable') return;
        if (shift && reading.psi <= shift.psi) return;
        shift = { day, model, feature, label: FEATURES[feature].label, psi: reading.psi };
      });
    }
  }
  return { complete, shift };
}

/** Rule: the largest flagged input shift over Valentine's rush (null until the rush is computed). */
export function rushInputShift(
  days: readonly DayResult[],
  settings: RunShape,
): { rush: Rush; shift: InputShift | null } | null {
  const rush = firstRush(settings);
  if (!rush) return null;
  const { complete, shift } = largestFlaggedShift(days, { from: rush.from, to: rush.day });
  return complete ? { rush, shift } : null;
}
