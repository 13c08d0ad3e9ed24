/**
 * Listens for the lab's keyboard shortcuts on the whole page.
 *
 * Owns: deciding when a key press is a shortcut: not while typing in a
 * field, not a scrolling key inside a focused scroll region, not with
 * Ctrl/Alt/Meta held, not when a dialog is open (except
 * Escape, which the dialog handles itself).
 * Must not touch: what each shortcut does (shortcuts.ts).
 */
import { useEffect, useRef } from 'react';
import type { LabStore } from '../../store/labStore';
import { shortcutFor, type ShortcutPage } from './shortcuts';

const NO_PAGE: ShortcutPage = { chapterStep: () => {} };

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Keys that scroll an element: inside a focused scroll region they scroll it. */
const SCROLLING = new Set([
  ' ',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
]);

/** A focusable element that scrolls (a long table or list that scrolls inside itself). */
function isScrollRegion(el: HTMLElement): boolean {
  return (
    el !== document.body &&
    el.tabIndex >= 0 &&
    el.tagName !== 'BUTTON' &&
    el.tagName !== 'A' &&
    (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)
  );
}
/** A focusable region that scrolls (a table view): keys that scroll stay with it. */
const SCROLL_REGION = '[role="region"][tabindex="0"]';

/** `page`: what shortcuts reach beyond the lab store (the chapters), when the page has it. */
export function useShortcuts(store: LabStore, page: ShortcutPage = NO_PAGE): void {
  const pageRef = useRef(page);
  useEffect(() => {
    pageRef.current = page;
  }, [page]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      if (target?.closest('dialog[open]')) return;
      // In a focused scroll region, Space, Home, End and the arrows scroll it.
      if (target && SCROLLING.has(event.key) && isScrollRegion(target)) return;
      // Space on a focused button presses the button; leave it alone.
      if (event.key === ' ' && target?.tagName === 'BUTTON') return;
      if (SCROLLING.has(event.key) && target?.closest(SCROLL_REGION)) return;
      const state = store.getState();
      if (state.display.helpOpen || state.display.settingsOpen || state.display.glossary) return;
      const shortcut = shortcutFor(event.key, state);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run(state, event.key, pageRef.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
