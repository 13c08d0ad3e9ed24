/**
 * The validation gate (a "blessing" before push) and the divergence check.
 *
 * Owns: the rules a candidate must pass to serve, their wording, and the
 * check on the held-out day (both versions' predictions and scores).
 * Must not touch: training, the registry or the serving model.
 *
 * A candidate is compared with the serving version on the same held-out
 * labelled day, one its training window did not include. It must have a
 * finite loss, reach ACCURACY_FLOOR, and trail the serving version by no
 * more than TOLERANCE. The first version is checked against the floor only.
 */
import { accuracy, logLoss } from '../eval/metrics';
import type { GateScores, JobRecord } from '../contract';
import { type ModelSnapshot, predictPlain } from '../model';
import type { IsoDate } from '../world/calendar';
import type { DayData } from '../world/visitors';

export const GATE = {
  /**
   * Below this held-out accuracy a candidate is never blessed: it would do
   * worse than a coin. (A higher floor, such as 0.6, rejected the good
   * candidates of the week before Valentine's Day: that week is hard for any
   * model, and the held-out day is part of it.)
   */
  accuracyFloor: 0.5,
  /** A candidate may trail the serving version by at most this much accuracy on the held-out day... */
  tolerance: 0.02,
  /**
   * ...unless the gap could be chance: on the visitors the two disagree about,
   * the serving version must be right significantly more often (McNemar's
   * test, z above this). On a small day (80 visitors) one visitor is 1.25
   * points, so a bare 2-point rule would reject good candidates by luck.
   */
  significance: 1.96,
  /** A job whose final training loss is this many times its starting loss has diverged. */
  divergenceFactor: 2,
} as const;

/** Why training failed (weights or loss not finite, or the loss blew up), or null. */
export function divergence(
  finiteWeights: boolean,
  losses: readonly { loss: number }[],
  finalLoss: number,
): string | null {
  if (!finiteWeights) return 'training diverged: the weights are not finite numbers';
  if (!Number.isFinite(finalLoss)) return 'training diverged: the loss is not a finite number';
  const start = losses[0]?.loss;
  if (start !== undefined && Number.isFinite(start) && finalLoss > GATE.divergenceFactor * start) {
    return `training diverged: the loss rose from ${start.toFixed(3)} to ${finalLoss.toFixed(3)}`;
  }
  return null;
}

/** Visitors only the serving version got right, and visitors only the candidate got right. */
export interface Disagreements {
  servingOnly: number;
  candidateOnly: number;
}

/** The gate's verdict on a candidate against the serving version (null: first version). */
export function validationVerdict(
  candidate: GateScores,
  serving: GateScores | null,
  disagreements: Disagreements = { servingOnly: 0, candidateOnly: 0 },
): string | null {
  if (!Number.isFinite(candidate.logLoss)) return 'its held-out loss is not a finite number';
  if (candidate.accuracy < GATE.accuracyFloor) {
    return `held-out accuracy ${pct(candidate.accuracy)} is below the floor of ${pct(GATE.accuracyFloor)}`;
  }
  const { servingOnly: b, candidateOnly: c } = disagreements;
  const z = b + c > 0 ? (b - c) / Math.sqrt(b + c) : 0;
  if (serving && candidate.accuracy < serving.accuracy - GATE.tolerance && z > GATE.significance) {
    return `held-out accuracy ${pct(candidate.accuracy)} trails the serving version's ${pct(serving.accuracy)} by more than ${pct(GATE.tolerance)}`;
  }
  return null;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Both versions' scores on the held-out labels, and where they disagree. */
export function scoreHoldout(
  candidate: Float32Array,
  serving: Float32Array,
  labels: Uint8Array,
): { candidate: GateScores; serving: GateScores; disagreements: Disagreements } {
  const disagreements = { servingOnly: 0, candidateOnly: 0 };
  for (let i = 0; i < labels.length; i++) {
    const c = (candidate[i] >= 0.5 ? 1 : 0) === labels[i];
    const s = (serving[i] >= 0.5 ? 1 : 0) === labels[i];
    if (s && !c) disagreements.servingOnly++;
    if (c && !s) disagreements.candidateOnly++;
  }
  const score = (p: Float32Array): GateScores => ({
    accuracy: accuracy(p, labels),
    logLoss: logLoss(p, labels),
  });
  return { candidate: score(candidate), serving: score(serving), disagreements };
}

/**
 * The validation gate on the held-out day `date`: the candidate's and the
 * serving version's scores, and why the candidate may not serve (null: it
 * passes). Both predict by the plain forward pass: a few hundred rows, cheaper
 * than a TF.js call.
 */
export function validateOnHoldout(
  candidate: ModelSnapshot,
  serving: ModelSnapshot,
  holdout: DayData,
  date: IsoDate,
): { validation: NonNullable<JobRecord['validation']>; verdict: string | null } {
  const pc = predictPlain(candidate, holdout.features, holdout.n);
  const ps = predictPlain(serving, holdout.features, holdout.n);
  const scores = scoreHoldout(pc, ps, holdout.labels);
  return {
    validation: {
      from: date,
      to: date,
      rows: holdout.n,
      candidate: scores.candidate,
      serving: scores.serving,
    },
    verdict: validationVerdict(scores.candidate, scores.serving, scores.disagreements),
  };
}
