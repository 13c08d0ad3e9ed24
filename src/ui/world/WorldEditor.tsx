/**
 * The world editor ("What if…"): the world's knobs as sliders grouped in plain
 * words, each applied on release; the world re-runs from day 0 to the end of
 * the year while the chart beside it redraws. Root: data-evidence="world-editor"
 * (a chapter spotlights it).
 *
 * Owns: the editor's markup and its wiring to the store's `editWorld`.
 * Must not touch: where it opens (the chart panel places it), the runs
 * (the store), what a knob does (src/sim/world/knobs.ts).
 */
import { useEffect, useRef } from 'react';
import { isCustomWorld, type Knobs, NO_KNOBS, worldTitle } from '../../sim/world/knobs';
import { useLab, useLabStore } from '../storeContext';
import { KnobSlider } from './KnobSlider';
import { KNOB_GROUPS, knobsOf } from './knobWords';
import './worldEditor.css';

/** The button that opens the editor. */
export function WorldEditorToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="world-editor-toggle"
      aria-expanded={open}
      aria-controls={open ? 'world-editor' : undefined}
      onClick={onToggle}
    >
      What if…
    </button>
  );
}

interface Props {
  onClose?: () => void;
  /** Scrolls the editor into sight when it opens (the projector's side column, where it opens last). */
  reveal?: boolean;
}

export function WorldEditor({ onClose, reveal = false }: Props) {
  const store = useLabStore();
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (reveal) root.current?.scrollIntoView?.({ block: 'start' });
  }, [reveal]);
  const settings = useLab((s) => s.settings);
  const custom = isCustomWorld(settings);
  const edit = (edits: Partial<Knobs>) => store.getState().editWorld(edits);
  return (
    <section
      ref={root}
      id="world-editor"
      className="world-editor"
      data-evidence="world-editor"
      aria-labelledby="world-editor-title"
    >
      <header className="world-editor-head">
        <h3 id="world-editor-title">What if the world were different?</h3>
        {onClose && (
          <button type="button" className="world-editor-close" onClick={onClose}>
            Close
          </button>
        )}
      </header>
      <p className="world-editor-intro">
        {worldTitle(settings)}. Move a slider and let go: the year runs again with that change.
      </p>
      <button
        type="button"
        className="world-editor-reset-all"
        disabled={!custom}
        onClick={() => edit(NO_KNOBS)}
      >
        Reset all to the scenario
      </button>
      {KNOB_GROUPS.map((g) => (
        <fieldset key={g.id} className="world-editor-group">
          <legend>{g.title}</legend>
          {knobsOf(g.id).map((k) => (
            <KnobSlider
              key={k}
              knob={k}
              settings={settings}
              onApply={(key, value) => edit({ [key]: value })}
            />
          ))}
        </fieldset>
      ))}
    </section>
  );
}
