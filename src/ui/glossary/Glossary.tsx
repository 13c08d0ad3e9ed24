/**
 * The glossary: a `Term` marks a word in a panel and opens the glossary at
 * it; the dialog lists every term with the chosen one in view.
 *
 * Owns: the term button and the dialog. Must not touch: the wording
 * (src/content/glossary.ts).
 */
import { type ReactNode, useEffect } from 'react';
import { GLOSSARY, GLOSSARY_IDS, type GlossaryId } from '../../content/glossary';
import { Modal } from '../common/Modal';
import { useLab, useLabStore } from '../storeContext';
import './glossary.css';

/** A word with a glossary entry: click it to read what it means. */
export function Term({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const store = useLabStore();
  return (
    <button
      type="button"
      className="term"
      title={`What is ${GLOSSARY[id].term}?`}
      onClick={() => store.getState().setDisplay({ glossary: id })}
    >
      {children ?? GLOSSARY[id].term}
    </button>
  );
}

export function GlossaryDialog() {
  const store = useLabStore();
  const open = useLab((s) => s.display.glossary);
  useEffect(() => {
    const entry = open ? document.getElementById(`glossary-${open}`) : null;
    // jsdom has no scrollIntoView; browsers do.
    if (entry && typeof entry.scrollIntoView === 'function')
      entry.scrollIntoView({ block: 'nearest' });
  }, [open]);
  return (
    <Modal
      open={open !== null}
      onClose={() => store.getState().setDisplay({ glossary: null })}
      labelledBy="glossary-title"
      className="glossary"
    >
      <h2 id="glossary-title">Glossary</h2>
      <dl>
        {GLOSSARY_IDS.map((id) => (
          <div key={id} id={`glossary-${id}`} className={id === open ? 'current' : undefined}>
            <dt>{GLOSSARY[id].term}</dt>
            <dd>{GLOSSARY[id].text}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="primary"
        autoFocus
        onClick={() => store.getState().setDisplay({ glossary: null })}
      >
        Close
      </button>
    </Modal>
  );
}
