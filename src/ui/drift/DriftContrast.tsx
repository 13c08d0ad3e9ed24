/**
 * A small box in the drift panel: the input that moved most today beside how
 * far the model's learned effect of "has a partner" lies from today's truth,
 * and one sentence naming the kind of change (driftContrast.ts decides it).
 *
 * Owns: the box's markup. Must not touch: the rules or the words (driftContrast.ts,
 * src/content/drift.ts).
 */
import { useId } from 'react';
import { DRIFT_CONTRAST } from '../../content/drift';
import { contrastText, type DriftContrast as Contrast, meaningName } from './driftContrast';
import { StatusChip } from './StatusChip';

export function DriftContrast({ contrast }: { contrast: Contrast }) {
  const titleId = useId();
  const text = contrastText(contrast);
  return (
    <section
      className="drift-contrast drift-wide"
      aria-labelledby={titleId}
      data-evidence="drift-contrast"
      data-kind={contrast.kind}
    >
      <h3 id={titleId}>{DRIFT_CONTRAST.title}</h3>
      <div className="drift-contrast-sides">
        <p className={contrast.inputsMoved ? 'moved' : undefined}>
          <strong>{DRIFT_CONTRAST.inputsHead}</strong>
          <span>
            {text.inputs} <StatusChip status={contrast.input.status} />
          </span>
        </p>
        <p className={contrast.meaningMoved ? 'moved' : undefined}>
          <strong>{DRIFT_CONTRAST.meaningHead(meaningName(contrast))}</strong>
          <span>{text.meaning}</span>
        </p>
      </div>
      <p className="drift-contrast-kind">{text.kind}</p>
    </section>
  );
}
