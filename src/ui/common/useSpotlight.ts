/**
 * Points at one element of the page: when the store's `display.spotlight`
 * names a selector, outlines whatever matches it (through a constructed style
 * sheet, so the outline survives React re-rendering or remounting the
 * element), waits until the day asked for is on screen and the element is
 * there (a view's code may load first) and keeps its place for a few frames
 * while the view fills in, then scrolls it into view, once. A chapter
 * and a quiz link both point this way.
 *
 * Owns: the outline's rule and the scroll.
 * Must not touch: what is pointed at or why (the chapters, the quiz).
 */
import { useEffect, useRef } from 'react';
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

/** Frames to wait at most for the element to appear and keep its place (about 2 s). */
const MAX_FRAMES = 120;
/** Frames the element must keep its place on the page before the page scrolls to it. */
const STILL_FRAMES = 12;

export function useSpotlight(): void {
  const spotlight = useLab((s) => s.display.spotlight);
  // A moment opened on a new run fills the view in as its days arrive (a card's numbers,
  // a list's rows), moving what lies below: scroll once the day asked for is on screen.
  const reached = useLab((s) => s.status === 'playing' || s.view >= s.target);
  const scrolled = useRef<number | null>(null);
  useEffect(() => {
    if (!spotlight) return;
    return adoptRule(spotlightRule(spotlight.selector));
  }, [spotlight]);
  useEffect(() => {
    if (!spotlight || !reached || scrolled.current === spotlight.seq) return;
    let frame = 0;
    let tries = MAX_FRAMES;
    let lastTop = NaN;
    let still = 0;
    const find = () => {
      const element = document.querySelector<HTMLElement>(spotlight.selector);
      const canWait = tries-- > 0 && typeof requestAnimationFrame === 'function';
      if (element) {
        const top = element.getBoundingClientRect().top + window.scrollY;
        still = top === lastTop ? still + 1 : 0;
        lastTop = top;
        if (still >= STILL_FRAMES || !canWait) {
          scrolled.current = spotlight.seq;
          // jsdom has no scrollIntoView.
          if (typeof element.scrollIntoView === 'function') {
            element.scrollIntoView({
              behavior: reducedMotion() ? 'auto' : 'smooth',
              block: 'nearest',
            });
          }
          return;
        }
      }
      if (canWait) frame = requestAnimationFrame(find);
    };
    find();
    return () => {
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    };
  }, [spotlight, reached]);
}
