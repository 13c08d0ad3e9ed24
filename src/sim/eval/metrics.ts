/**
 * Per-day scores of a set of predictions against the day's labels.
 *
 * Owns: accuracy at a threshold, clipped log loss, AUC (ties counted half),
 * mean predicted probability, and the oracle and majority-class baselines.
 * Must not touch: models or the world; inputs are plain typed arrays.
 */

/** Probabilities are clipped to this distance from 0 and 1 for the log loss. */
export const LOG_LOSS_EPSILON = 1e-7;
/** The decision threshold for accuracy. */
export const THRESHOLD = 0.5;

type Probs = ArrayLike<number>;
type Labels = ArrayLike<number>;

/** Share of rows where (p >= threshold) equals the label. */
export function accuracy(p: Probs, y: Labels, threshold = THRESHOLD): number {
  if (y.length === 0) return NaN;
  let correct = 0;
  for (let i = 0; i < y.length; i++) if ((p[i] >= threshold ? 1 : 0) === y[i]) correct++;
  return correct / y.length;
}

/** Mean log loss with probabilities clipped to [1e-7, 1 - 1e-7]; always finite. */
export function logLoss(p: Probs, y: Labels): number {
  if (y.length === 0) return NaN;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const raw = Number.isNaN(p[i]) ? 0.5 : p[i];
    const q = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, raw));
    total -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return total / y.length;
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a
 * random negative, ties counting one half (the Mann-Whitney U statistic).
 * Null when the labels hold a single class.
 *
 * Sorts the two classes' scores separately with the native typed-array sort
 * and merges them, which is several times faster than sorting indices with a
 * comparator on a 20,000-visitor day.
 */
export function auc(p: Probs, y: Labels): number | null {
  const n = y.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (y[i] === 1) pos[a++] = p[i];
    else neg[b++] = p[i];
  }
  pos.sort();
  neg.sort();
  // For each positive: negatives strictly below it count 1, equal ones 1/2.
  let below = 0;
  let upTo = 0;
  let wins = 0;
  for (let i = 0; i < positives; i++) {
    const s = pos[i];
    while (below < negatives && neg[below] < s) below++;
    if (upTo < below) upTo = below;
    while (upTo < negatives && neg[upTo] === s) upTo++;
    wins += below + (upTo - below) / 2;
  }
  return wins / (positives * negatives);
}

/** Mean of the values (the predicted buy rate for probabilities). */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total / values.length;
}

/** The best constant prediction's accuracy: max(rate, 1 - rate). */
export function baselineAccuracy(y: Labels): number {
  const rate = mean(y);
  return Math.max(rate, 1 - rate);
}

/** Scores a set of predictions on one day. */
export interface Scores {
  accuracy: number;
  logLoss: number;
  auc: number | null;
  predictedBuyRate: number;
}

export function score(p: Probs, y: Labels): Scores {
  return {
    accuracy: accuracy(p, y),
    logLoss: logLoss(p, y),
    auc: auc(p, y),
    predictedBuyRate: mean(p),
  };
}
