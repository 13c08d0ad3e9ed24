/**
 * Files the lab hands to the user: a download from text or a blob, and the
 * accuracy chart as a standalone SVG or PNG.
 *
 * Owns: turning the on-page chart into a file that looks the same outside
 * the page (CSS variables resolved, a white background, the namespace set).
 * Must not touch: the chart's data.
 */

/** Saves `content` under `name` through a temporary link (no network involved). */
export function download(name: string, content: Blob | string, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** SVG presentation attributes: style properties an SVG file can carry as attributes. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-weight',
  'font-family',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
]);

/**
 * Moves an element's `style` attribute into presentation attributes. The PNG
 * is drawn from a blob: image, which runs under the page's Content-Security-Policy,
 * and that policy allows no inline styles; attributes are not styles, so the
 * image looks the same and nothing is blocked. Properties with no attribute
 * form (cursor, pointer events) mean nothing in a file and are dropped.
 */
function inlineStyleToAttributes(el: Element): void {
  const style = (el as SVGElement).style as CSSStyleDeclaration | undefined;
  if (!el.hasAttribute('style')) return;
  if (style) {
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i);
      if (PRESENTATION.has(name)) el.setAttribute(name, style.getPropertyValue(name));
    }
  }
  el.removeAttribute('style');
}

/**
 * The chart as standalone SVG text: CSS variables replaced by their current
 * values, inline styles turned into attributes.
 */
export function chartSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const root = getComputedStyle(document.documentElement);
  const resolve = (value: string) =>
    value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => root.getPropertyValue(name).trim());
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    inlineStyleToAttributes(el);
    for (const attr of [...el.attributes]) {
      if (attr.value.includes('var(')) el.setAttribute(attr.name, resolve(attr.value));
    }
  }
  for (const style of clone.querySelectorAll('style')) style.remove();
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('font-family', 'system-ui, sans-serif');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** The chart as a PNG at twice its on-screen size. */
export async function chartPng(svg: SVGSVGElement): Promise<Blob> {
  const text = chartSvg(svg);
  const { width, height } = svg.getBoundingClientRect();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw the chart to an image');
    ctx.scale(2, 2);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the image could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
