/**
 * Listens for the lab's keyboard shortcuts on the whole page.
 *
 * Owns: deciding when a key press is a shortcut: not while typing in a
 * field, not with Ctrl/Alt/Meta held, not when a dialog is open (except
 * Escape, which the dialog handles itself), and not a key that scrolls while
 * the focus is in a region that scrolls (a long table: End goes to its end).
 * Must not touch: what each shortcut does (shortcuts.ts).
 */
import { useEffect } from 'react';
import type { LabStore } from '../../store/labStore';
import { shortcutFor } from './shortcuts';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Keys that scroll a focused region (they are shortcuts everywhere else). */
const SCROLLING = new Set([' ', 'Home', 'End', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
/** A focusable region that scrolls: the table views. */
const SCROLL_REGION = '[role="region"][tabindex="0"]';

export function useShortcuts(store: LabStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      if (target?.closest('dialog[open]')) return;
      // Space on a focused button presses the button; leave it alone.
      if (event.key === ' ' && target?.tagName === 'BUTTON') return;
      if (SCROLLING.has(event.key) && target?.closest(SCROLL_REGION)) return;
      const state = store.getState();
      if (state.display.helpOpen || state.display.settingsOpen || state.display.glossary) return;
      const shortcut = shortcutFor(event.key);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(state);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
