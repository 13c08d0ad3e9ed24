/**
 * The words under the strategy comparison, computed from its rows: one
 * sentence that says what the table shows (how far apart the means are, how
 * far apart the worst weeks are, and which column tells the strategies
 * apart), and the progress line while the runs go.
 *
 * Owns: those rules (CLEAR_SPREAD, the "worst week tells them apart" test)
 * and the sentences. Must not touch: the comparison's numbers (the engine's).
 */
import type { StrategyComparison, StrategyRow } from '../../sim/contract';
import { formatDate } from '../../sim/world/calendar';

/** Points of accuracy apart below which strategies "differ little". */
export const CLEAR_SPREAD = 2;

/** A share as the table shows it, in points (78.4 for 0.78395). */
const points = (share: number) => Math.round(share * 1000) / 10;
const pct = (share: number) => `${points(share).toFixed(1)}%`;
const apart = (a: number, b: number) => (Math.round((points(a) - points(b)) * 10) / 10).toFixed(1);
/** "Retrained daily" inside a sentence: "retrained daily"; "Static (trained once)" stays. */
const name = (row: StrategyRow) =>
  row.strategy === 'static' ? 'the static model' : row.label.toLowerCase();

type Scored = StrategyRow & { meanAccuracy: number; worstWeekAccuracy: number };

function extremes<K extends 'meanAccuracy' | 'worstWeekAccuracy'>(rows: Scored[], key: K) {
  let hi = rows[0];
  let lo = rows[0];
  for (const r of rows) {
    if (r[key] > hi[key]) hi = r;
    if (r[key] < lo[key]) lo = r;
  }
  return { hi, lo, spread: points(hi[key]) - points(lo[key]) };
}

/**
 * The sentence under the table; null while fewer than two strategies have a
 * mean and a worst week. The spreads are between the values the table shows
 * (rounded to a tenth of a point), so the sentence matches the table.
 */
export function compareSentence(comparison: StrategyComparison): string | null {
  const rows = comparison.strategies.filter(
    (r): r is Scored => r.meanAccuracy !== null && r.worstWeekAccuracy !== null,
  );
  if (rows.length < 2) return null;
  const mean = extremes(rows, 'meanAccuracy');
  const worst = extremes(rows, 'worstWeekAccuracy');
  const means = `${name(mean.hi)}: ${pct(mean.hi.meanAccuracy)}; ${name(mean.lo)}: ${pct(mean.lo.meanAccuracy)}`;
  const worstEnd = worst.lo.worstWeekEnd
    ? `, in the week to ${formatDate(worst.lo.worstWeekEnd)}`
    : '';
  const worsts = `${name(worst.hi)}: ${pct(worst.hi.worstWeekAccuracy)}; ${name(worst.lo)}: ${pct(worst.lo.worstWeekAccuracy)}${worstEnd}`;
  const meanApart = apart(mean.hi.meanAccuracy, mean.lo.meanAccuracy);
  const worstApart = apart(worst.hi.worstWeekAccuracy, worst.lo.worstWeekAccuracy);
  const over = `Over the ${comparison.servingDays.toLocaleString('en-GB')} serving days`;
  if (worst.spread >= CLEAR_SPREAD && worst.spread >= 2 * mean.spread) {
    return (
      `${over} the mean accuracies lie within ${meanApart} points of each other (${means}), ` +
      `but their worst 7 days lie ${worstApart} points apart (${worsts}): ` +
      'the “Worst 7 days” column is where the strategies differ, and a mean hides it.'
    );
  }
  if (worst.spread < CLEAR_SPREAD && mean.spread < CLEAR_SPREAD) {
    const cheapest = comparison.strategies.reduce((a, b) =>
      b.trainingRuns < a.trainingRuns ? b : a,
    );
    const runs =
      cheapest.trainingRuns === 1
        ? 'one training run'
        : `${cheapest.trainingRuns.toLocaleString('en-GB')} training runs`;
    return (
      `${over} the strategies differ little: ${
        meanApart === '0.0'
          ? `the means are all ${pct(mean.hi.meanAccuracy)}`
          : `the means lie within ${meanApart} points (${means})`
      }, ` +
      `the worst 7 days within ${worstApart} points (${worsts}). ` +
      `Here the cheapest is as good: ${name(cheapest)}, with ${runs}.`
    );
  }
  return (
    `${over} the mean accuracies lie ${meanApart} points apart (${means}) ` +
    `and the worst 7 days ${worstApart} points apart (${worsts}).`
  );
}

/**
 * The progress line while the comparison runs. The runs may go side by side
 * (one worker per core), so it states the share of all their work done, not
 * which run is under way.
 */
export function progressText(progress: { done: number; total: number }): string {
  if (progress.done >= progress.total) return 'Finishing…';
  const share = Math.floor((progress.done / progress.total) * 100);
  return `Simulating ${progress.total} runs: ${share}% done…`;
}
