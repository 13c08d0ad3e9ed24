/**
 * Points at one element of the page: when the store's `display.spotlight`
 * names a selector, outlines whatever matches it (through a constructed style
 * sheet, so the outline survives React re-rendering or remounting the
 * element), waits a frame at a time (about a second) for the element to be
 * there (a view's code may load first), and scrolls it into view. A chapter
 * and a quiz link both point this way.
 *
 * Owns: the outline's rule and the scroll.
 * Must not touch: what is pointed at or why (the chapters, the quiz).
 */
import { useEffect } from 'react';
import { useLab } from '../storeContext';

/** The outline: the accent colour, clear of the element's own border. */
export function spotlightRule(selector: string): string {
  return `${selector} { outline: 4px solid var(--spotlight, #c2410c) !important; outline-offset: 3px; border-radius: 6px; }`;
}

function reducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** Adds a sheet holding `rule`; returns how to take it away (nothing where sheets cannot be made). */
function adoptRule(rule: string): () => void {
  if (typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in document)) return () => {};
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(rule);
  } catch {
    return () => {}; // a selector the browser cannot parse outlines nothing
  }
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

export function useSpotlight(): void {
  const spotlight = useLab((s) => s.display.spotlight);
  useEffect(() => {
    if (!spotlight) return;
    const remove = adoptRule(spotlightRule(spotlight.selector));
    let frame = 0;
    let tries = 60;
    const find = () => {
      const element = document.querySelector<HTMLElement>(spotlight.selector);
      if (element) {
        // jsdom has no scrollIntoView.
        if (typeof element.scrollIntoView === 'function') {
          element.scrollIntoView({
            behavior: reducedMotion() ? 'auto' : 'smooth',
            block: 'nearest',
          });
        }
      } else if (tries-- > 0 && typeof requestAnimationFrame === 'function') {
        frame = requestAnimationFrame(find);
      }
    };
    find();
    return () => {
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      remove();
    };
  }, [spotlight]);
}
