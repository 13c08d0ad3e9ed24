/**
 * Rendered boxes of text on the page, and which of them overprint each
 * other: the chart's labels (chartReadable) and its callouts (callouts).
 *
 * Owns: the box's shape and the overlap rule (half a pixel of slack, so
 * boxes that only touch do not count).
 */

/** A piece of text and its rendered box, in page px. */
export interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  height: number;
}

const overlaps = (a: TextBox, b: TextBox) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

/** Every pair of boxes that intersect, as "a × b". */
export function collisions(boxes: TextBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i], boxes[j])) out.push(`${boxes[i].text} × ${boxes[j].text}`);
  return out;
}
