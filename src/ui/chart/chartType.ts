/**
 * The size of the box the chart is drawn in and the size of its text, read
 * from the page: the text size is the chart figure's computed font size,
 * which the stylesheets set from tokens (--text-chart: in presentation mode
 * it grows with the viewport), so the chart's axes and labels are placed for
 * the size the reader actually sees. Read again when the box or the window
 * changes size, and when presentation mode turns on or off.
 *
 * Owns: reading sizes and measuring text. Must not touch: what is drawn.
 */
import { type RefObject, useLayoutEffect, useMemo, useState } from 'react';
import type { ChartType } from './axes';

export interface ChartBox {
  width: number;
  height: number;
  px: number;
  font: string;
}

const NONE: ChartBox = { width: 0, height: 0, px: 12, font: 'sans-serif' };

/**
 * The width of `text` in `font` (a CSS font shorthand), measured on a
 * canvas where there is one; without (jsdom), an estimate at 0.62 em a
 * character, which is wide for the sans-serif faces the lab uses.
 */
export function textMeasure(px: number, font: string): (text: string) => number {
  const canvas = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1);
  const context = canvas?.getContext('2d') ?? null;
  if (!context) return (text) => text.length * px * 0.62;
  context.font = `${px}px ${font}`;
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      cache.set(text, width);
    }
    return width;
  };
}

/**
 * The size of `box` (the element the chart fills) and the font size and
 * family of `typeOf` (the figure whose font the chart's text inherits).
 */
export function useChartBox(
  box: RefObject<HTMLElement | null>,
  typeOf: RefObject<HTMLElement | null>,
  presenting: boolean,
): ChartBox & { type: ChartType } {
  const [size, setSize] = useState<ChartBox>(NONE);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () => {
      const style = getComputedStyle(typeOf.current ?? el);
      const next: ChartBox = {
        width: Math.floor(el.clientWidth),
        height: Math.floor(el.clientHeight),
        px: Number.parseFloat(style.fontSize) || NONE.px,
        font: style.fontFamily || NONE.font,
      };
      setSize((prev) =>
        prev.width === next.width &&
        prev.height === next.height &&
        prev.px === next.px &&
        prev.font === next.font
          ? prev
          : next,
      );
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    // The text size follows the viewport's height too, which need not resize the box.
    window.addEventListener('resize', read);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', read);
    };
  }, [box, typeOf, presenting]);
  const type = useMemo(
    () => ({ px: size.px, measure: textMeasure(size.px, size.font) }),
    [size.px, size.font],
  );
  return { ...size, type };
}
