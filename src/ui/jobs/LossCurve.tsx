/**
 * A job's training loss as a small line over its steps, on an axis that
 * starts at zero and is labelled at both ends (0 and a round number above the
 * largest loss), so that a change of 0.001 looks as small as it is. A loss
 * that is not a number (training blew up) ends the line and is said in words.
 *
 * Owns: the SVG path, its axis labels and caption. Must not touch: the
 * numbers (the axis's top is lossAxisTop in jobsData.ts).
 */
import { formatLossTick, lossAxisTop } from './jobsData';

/** The drawing's own units; it stretches to its box (the labels are HTML, so they never stretch). */
const W = 300;
const H = 70;

export function LossCurve({ losses }: { losses: readonly { step: number; loss: number }[] }) {
  const finite = losses.filter((p) => Number.isFinite(p.loss));
  const broken = losses.find((p) => !Number.isFinite(p.loss));
  const first = finite[0];
  const last = finite.at(-1);
  if (!first || !last) {
    return (
      <figure className="loss-curve">
        <figcaption>
          Training loss: no finite value was recorded
          {broken ? ` (it was not a number from step ${broken.step})` : ''}.
        </figcaption>
      </figure>
    );
  }
  const firstStep = Math.min(...losses.map((p) => p.step));
  const maxStep = Math.max(firstStep + 1, ...losses.map((p) => p.step));
  const top = lossAxisTop(finite);
  const x = (step: number) => ((step - firstStep) / (maxStep - firstStep)) * W;
  const y = (loss: number) => H - (loss / top) * H;
  const d = finite
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(1)} ${y(p.loss).toFixed(2)}`)
    .join('');
  const words = broken
    ? `Training loss from ${first.loss.toFixed(3)}; it blew up (not a number) at step ${broken.step}`
    : `Training loss from ${first.loss.toFixed(3)} to ${last.loss.toFixed(3)} over ${maxStep} ${maxStep === 1 ? 'step' : 'steps'}`;
  return (
    <figure className="loss-curve">
      <figcaption>{words}</figcaption>
      <div className="loss-plot">
        {/* The figure's words say it all; the labels are for the eye. */}
        <div className="loss-y" aria-hidden="true">
          <span className="loss-top">{formatLossTick(top)}</span>
          <span className="loss-zero">0</span>
        </div>
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={words}>
          <line x1={0} x2={W} y1={0} y2={0} className="loss-grid" />
          <line x1={0} x2={W} y1={H / 2} y2={H / 2} className="loss-grid" />
          <path d={d} className="loss-line" />
          {broken && (
            <line x1={x(broken.step)} x2={x(broken.step)} y1={0} y2={H} className="loss-broken" />
          )}
        </svg>
        <div className="loss-x" aria-hidden="true">
          <span>step {firstStep}</span>
          <span>step {maxStep}</span>
        </div>
      </div>
    </figure>
  );
}
