/**
 * Listens for the lab's keyboard shortcuts on the whole page.
 *
 * Owns: deciding when a key press is a shortcut: not while typing in a
 * field, not with Ctrl/Alt/Meta held, not when a dialog is open (except
 * Escape, which the dialog handles itself).
 * Must not touch: what each shortcut does (shortcuts.ts).
 */
import { useEffect } from 'react';
import type { LabStore } from '../../store/labStore';
import { shortcutFor } from './shortcuts';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function useShortcuts(store: LabStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      if (target?.closest('dialog[open]')) return;
      // Space on a focused button presses the button; leave it alone.
      if (event.key === ' ' && target?.tagName === 'BUTTON') return;
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
