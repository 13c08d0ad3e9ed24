/**
 * A job's training loss as a small line over its steps. A loss that is not a
 * number (training blew up) ends the line and is said in words.
 *
 * Owns: the SVG path and its caption. Must not touch: the numbers.
 */
const W = 300;
const H = 70;
const PAD = 3;

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
  const maxStep = Math.max(1, ...losses.map((p) => p.step));
  const lo = Math.min(...finite.map((p) => p.loss));
  const hi = Math.max(...finite.map((p) => p.loss));
  const span = hi - lo || 1;
  const x = (step: number) => PAD + (step / maxStep) * (W - 2 * PAD);
  const y = (loss: number) => PAD + ((hi - loss) / span) * (H - 2 * PAD);
  const d = finite
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(1)} ${y(p.loss).toFixed(1)}`)
    .join('');
  const words = broken
    ? `Training loss from ${first.loss.toFixed(3)}; it blew up (not a number) at step ${broken.step}`
    : `Training loss from ${first.loss.toFixed(3)} to ${last.loss.toFixed(3)} over ${maxStep} steps`;
  return (
    <figure className="loss-curve">
      <figcaption>{words}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={words}>
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke="var(--grid)" />
        <path d={d} fill="none" stroke="var(--learned)" strokeWidth={1.5} />
        {broken && (
          <line
            x1={x(broken.step)}
            x2={x(broken.step)}
            y1={0}
            y2={H}
            stroke="var(--bad)"
            strokeDasharray="3 2"
          />
        )}
      </svg>
    </figure>
  );
}
