/**
 * Inputs against what they mean, for one model on one day: the input that
 * moved most (by the panel's own ranking: status, then PSI) beside how far
 * the model's learned effect of "has a partner" lies from the world's true
 * effect that day, and which kind of change that makes. Valentine's Day: the
 * inputs barely move while the effect is far from what the model learned
 * (concept drift). The outage: an input jumps while the effect is as it was
 * (input drift).
 *
 * Owns: that reading and its rules (INPUTS_JUMPED, MEANING_GAP) and the
 * sentences built from it. Must not touch: React, the readings (the engine's).
 */
import { DRIFT_CONTRAST } from '../../content/drift';
import type { DayResult, DriftStatus, ModelRole } from '../../sim/contract';
import { COL, FEATURES } from '../../sim/world/features';

/** The feature whose meaning the lesson follows. */
export const MEANING_FEATURE = COL.hasPartner;
/** Inputs count as moved ("jumped") at this status. */
export const INPUTS_JUMPED: DriftStatus = 'major';
/** Learned and true effect (change in log-odds) this far apart or more: the meaning has moved. */
export const MEANING_GAP = 1;

export type ChangeKind = 'concept' | 'input' | 'both' | 'none';

export interface DriftContrast {
  /** The input that moved most today. */
  input: { feature: number; psi: number; ks: number; status: DriftStatus };
  /** "Has a partner": what the model learned and what is true today (null: its source is dark). */
  meaning: { feature: number; learned: number; truth: number | null; gap: number | null };
  inputsMoved: boolean;
  meaningMoved: boolean;
  kind: ChangeKind;
}

const RANK: Record<DriftStatus, number> = { stable: 0, moderate: 1, major: 2 };

/**
 * The contrast for `role` on `day` (today's readings, not the window's);
 * null before the models serve. `dayLevel` are the features a single day
 * judges by status only (their PSI is always high): driftData's
 * dayLevelFeatures, the same rule the panel ranks by.
 */
export function driftContrast(
  day: DayResult | undefined,
  role: ModelRole,
  dayLevel: ReadonlySet<number>,
): DriftContrast | null {
  const readings = day?.drift?.[role].day;
  const learned = day?.effects[role];
  if (!day || !readings || !learned) return null;
  const score = (j: number) =>
    RANK[readings[j].status] * 100 + (dayLevel.has(j) ? 0 : Math.min(readings[j].psi, 99));
  const top = readings.reduce((best, _, j) => (score(j) > score(best) ? j : best), 0);
  const { psi, ks, status } = readings[top];
  const input = { feature: top, psi, ks, status };
  const truth = day.effects.truth[MEANING_FEATURE] ?? null;
  const mine = learned[MEANING_FEATURE];
  const gap = truth === null ? null : truth - mine;
  const inputsMoved = input.status === INPUTS_JUMPED;
  const meaningMoved = gap !== null && Math.abs(gap) >= MEANING_GAP;
  const kind: ChangeKind =
    inputsMoved && meaningMoved
      ? 'both'
      : inputsMoved
        ? 'input'
        : meaningMoved
          ? 'concept'
          : 'none';
  return {
    input,
    meaning: { feature: MEANING_FEATURE, learned: mine, truth, gap },
    inputsMoved,
    meaningMoved,
    kind,
  };
}

const one = (v: number) => v.toFixed(1);

/** The followed feature as a sentence names it: “Has a partner”. */
export const meaningName = (c: DriftContrast) => `“${FEATURES[c.meaning.feature].label}”`;

/** The box's three lines: what the inputs did, what the meaning did, and which kind of change. */
export function contrastText(c: DriftContrast): { inputs: string; meaning: string; kind: string } {
  const feature = FEATURES[c.input.feature].label;
  // Both measures: a status can come from KS while PSI reads small (a feature the training data held at one value).
  const inputs = `${DRIFT_CONTRAST.inputsMoved[c.input.status]}: ${feature} (PSI ${c.input.psi.toFixed(2)}, KS ${c.input.ks.toFixed(2)})`;
  const f = meaningName(c);
  const meaning =
    c.meaning.truth === null
      ? `${f}: ${DRIFT_CONTRAST.dark}`
      : `${c.meaningMoved ? DRIFT_CONTRAST.meaningMoved : DRIFT_CONTRAST.meaningSteady}: ${f} adds ${one(c.meaning.truth)} to the log-odds of buying today; the model learned ${one(c.meaning.learned)}`;
  return { inputs, meaning, kind: DRIFT_CONTRAST.kind[c.kind](f) };
}
