/**
 * Whether the world editor is open where it is placed: the "What if…" button
 * and Close toggle it, and a chapter or quiz that spotlights it
 * (`WORLD_EDITOR_SPOTLIGHT`) opens it, once per spotlight.
 *
 * Owns: that open state. Must not touch: the spotlight itself (useSpotlight.ts).
 */
import { useState } from 'react';
import { useLab } from '../storeContext';

/** The selector a chapter spotlights the editor by (its root's data-evidence). */
export const WORLD_EDITOR_SPOTLIGHT = '[data-evidence="world-editor"]';

export function useWorldEditorOpen(): [boolean, (open: boolean) => void] {
  // The spotlight's sequence number while it names the editor, else null.
  const seq = useLab((s) =>
    s.display.spotlight?.selector === WORLD_EDITOR_SPOTLIGHT ? s.display.spotlight.seq : null,
  );
  const [open, setOpen] = useState(seq !== null);
  const [seen, setSeen] = useState(seq);
  // A new spotlight on the editor opens it (state derived during render, as React advises).
  if (seq !== seen) {
    setSeen(seq);
    if (seq !== null) setOpen(true);
  }
  return [open, setOpen];
}
