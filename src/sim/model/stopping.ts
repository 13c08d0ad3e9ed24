/**
 * Early stopping: when a job has learned what its window can teach.
 *
 * Owns: the rule both trainers (TF.js and the benchmark's plain-TS twin)
 * apply at each recorded loss, so they run the same algorithm.
 * Must not touch: tensors; it reads plain numbers.
 */

/**
 * True when training should stop after this step: the newest recorded loss is
 * not a finite number (diverged), or it improved on the previous recorded
 * loss by less than `minImprovement` of that loss. 0 never stops early.
 */
export function shouldStop(losses: readonly { loss: number }[], minImprovement: number): boolean {
  const current = losses[losses.length - 1]?.loss;
  if (current === undefined) return false;
  if (!Number.isFinite(current)) return true;
  if (minImprovement <= 0 || losses.length < 2) return false;
  const previous = losses[losses.length - 2].loss;
  return previous - current < minImprovement * Math.abs(previous);
}
