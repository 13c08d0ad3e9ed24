/**
 * Proof that a stylesheet refactor changes nothing on screen: dumps the
 * computed style and box of every element of the built app, in several states,
 * and diffs two such dumps. Not part of `npm test`; a tool for whoever moves CSS.
 *
 *   npx vite build && npx vite preview --port 4392 &
 *   npx tsx scripts/css-snapshot.ts dump scratch/css-before   # before the change
 *   (change the CSS, rebuild, restart the preview server)
 *   npx tsx scripts/css-snapshot.ts dump scratch/css-after
 *   npx tsx scripts/css-snapshot.ts diff scratch/css-before scratch/css-after
 *
 * `dump <dir> [state...]` writes, for each state below (or the ones named),
 * <state>.json: every computed property of every element and of its ::before,
 * ::after and ::backdrop, keyed by a path of tags, classes and child indexes,
 * with its bounding box; and <state>.png, a full-page screenshot with the
 * timings (which differ from run to run) masked. `diff` prints every differing
 * element and property and whether the PNGs are byte-identical; it exits 1 on
 * any difference. Two dumps of the same build give identical JSON; their PNGs
 * can still differ by a few pixels in dotted underlines (Chromium's full-page
 * capture, even twice on one page) and where Recharts paints its lines in
 * another order (it mounts them in a varying order). So a PNG difference needs
 * a look; a JSON difference is a real one.
 * BASE_URL (default http://127.0.0.1:4392) and CHROMIUM_PATH override the defaults.
 *
 * Owns: nothing in the app; it only reads the page. Must not touch: src/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:4392';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAB = '?days=120&day=120';

interface State {
  name: string;
  query: string;
  width: number;
  height: number;
  /** What to do once the lab shows day 120, before dumping. */
  then?: (page: Page) => Promise<void>;
}

const STATES: State[] = [
  { name: 'lab-1366', query: LAB, width: 1366, height: 768 },
  { name: 'table-1366', query: `${LAB}&show=table`, width: 1366, height: 768 },
  { name: 'present-1280', query: `${LAB}&present=cards`, width: 1280, height: 720 },
  { name: 'phone-390', query: LAB, width: 390, height: 844 },
  { name: 'wide-1920', query: LAB, width: 1920, height: 1080 }, // the 1700px layout
  {
    name: 'settings-1366',
    query: LAB,
    width: 1366,
    height: 768,
    then: async (page) => {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.locator('dialog.drawer[open]').waitFor();
    },
  },
  {
    name: 'help-1366',
    query: LAB,
    width: 1366,
    height: 768,
    then: async (page) => {
      await page.keyboard.press('?');
      await page.locator('dialog.help[open]').waitFor();
    },
  },
];

/** One state's dump: style rows are shared by elements whose styles are equal. */
interface Dump {
  props: string[];
  styles: string[][];
  elements: Record<string, { style: number; box: string }>;
}

/** Runs in the page: every element's computed style and box, deduplicated. */
function collect(): Dump {
  const props = Array.from(getComputedStyle(document.documentElement)).sort();
  const styles: string[][] = [];
  const index = new Map<string, number>();
  const elements: Dump['elements'] = {};
  // React's useId names (clipPath-recharts-line-_r_5_) depend on mount order.
  const styleOf = (s: CSSStyleDeclaration) => {
    const row = props.map((p) => s.getPropertyValue(p).replace(/_r_[0-9a-z]+_/g, '_r_'));
    const key = row.join('\u0000');
    let i = index.get(key);
    if (i === undefined) {
      i = styles.push(row) - 1;
      index.set(key, i);
    }
    return i;
  };
  // Recharts mounts the lines and reference lines of a z-index layer in an
  // order that varies from load to load: key those by their stroke, not index.
  const signature = (el: Element) => {
    const s = el.querySelector('[stroke]');
    return s ? `[${s.getAttribute('stroke')} ${s.getAttribute('x1') ?? ''}]` : '';
  };
  const pathOf = (el: Element): string => {
    const parent = el.parentElement;
    const cls = el.getAttribute('class')?.trim().split(/\s+/).join('.');
    const self = `${el.localName}${cls ? `.${cls}` : ''}`;
    if (!parent) return self;
    let siblings = Array.from(parent.children);
    let sig = '';
    if (parent.getAttribute('class')?.includes('recharts-zIndex-layer')) {
      sig = signature(el);
      siblings = siblings.filter((c) => signature(c) === sig);
    }
    return `${pathOf(parent)} > ${self}${sig}:${siblings.indexOf(el)}`;
  };
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const path = pathOf(el);
    const r = el.getBoundingClientRect();
    const box = [r.x, r.y, r.width, r.height, el.scrollWidth, el.scrollHeight]
      .map((n) => n.toFixed(2))
      .join(' ');
    elements[path] = { style: styleOf(getComputedStyle(el)), box };
    for (const pseudo of ['::before', '::after', '::backdrop']) {
      const s = getComputedStyle(el, pseudo);
      if (pseudo === '::backdrop' ? el.localName === 'dialog' : s.content !== 'none')
        elements[`${path}${pseudo}`] = { style: styleOf(s), box: '' };
    }
  }
  return { props, styles, elements };
}

async function dump(outDir: string, only: string[]) {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox'],
  });
  try {
    for (const state of STATES.filter((st) => only.length === 0 || only.includes(st.name))) {
      const context = await browser.newContext({
        viewport: { width: state.width, height: state.height },
      });
      const page = await context.newPage();
      await page.goto(`${BASE_URL}/${state.query}`);
      await page
        .locator('.today-day')
        .filter({ hasText: 'day 120 of' })
        .waitFor({ timeout: 90_000 });
      // Presentation mode hides the status line that names the engine.
      if (!state.query.includes('present=')) {
        await page.getByText(/Engine: TensorFlow\.js on/).waitFor();
      }
      if (!state.query.includes('show=table'))
        await page.locator('.recharts-line').first().waitFor();
      await state.then?.(page);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(1000); // let panels that render after the data settle
      // tsx keeps function names with a __name helper the page does not have.
      const script = `(() => { const __name = (f) => f; return (${collect.toString()})(); })()`;
      const result = await page.evaluate<Dump>(script);
      writeFileSync(join(outDir, `${state.name}.json`), JSON.stringify(result));
      // Timings (training time, job time) differ from run to run: masked.
      const timings = page.locator('dd, td').filter({ hasText: /^\s*[\d.,]+\s*m?s\s*$/ });
      await page.screenshot({
        path: join(outDir, `${state.name}.png`),
        fullPage: true,
        mask: [timings],
      });
      await context.close();
      console.log(`dumped ${state.name}`);
    }
  } finally {
    await browser.close();
  }
}

function diff(dirA: string, dirB: string): number {
  let differences = 0;
  for (const { name } of STATES) {
    if (!existsSync(join(dirA, `${name}.json`))) continue;
    const read = (dir: string) =>
      JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Dump;
    const a = read(dirA);
    const b = read(dirB);
    const lines: string[] = [];
    // A custom property on one side only is a token added or removed: named once, not per element.
    const onlyA = a.props.filter((p) => !b.props.includes(p));
    const onlyB = b.props.filter((p) => !a.props.includes(p));
    for (const p of onlyA.filter((q) => !q.startsWith('--')))
      lines.push(`property only before: ${p}`);
    for (const p of onlyB.filter((q) => !q.startsWith('--')))
      lines.push(`property only after: ${p}`);
    const tokens = (ps: string[]) => ps.filter((q) => q.startsWith('--')).join(' ') || 'none';
    const shared = a.props.filter((p) => b.props.includes(p));
    for (const path of new Set([...Object.keys(a.elements), ...Object.keys(b.elements)])) {
      const ea = a.elements[path];
      const eb = b.elements[path];
      if (!ea || !eb) {
        lines.push(`${ea ? 'only before' : 'only after'}: ${path}`);
        continue;
      }
      if (ea.box !== eb.box) lines.push(`${path}\n    box: ${ea.box} -> ${eb.box}`);
      const sa = a.styles[ea.style];
      const sb = b.styles[eb.style];
      for (const p of shared) {
        const va = sa[a.props.indexOf(p)];
        const vb = sb[b.props.indexOf(p)];
        if (va !== vb) lines.push(`${path}\n    ${p}: ${va} -> ${vb}`);
      }
    }
    const pngA = join(dirA, `${name}.png`);
    const pngB = join(dirB, `${name}.png`);
    const samePng =
      existsSync(pngA) && existsSync(pngB) && readFileSync(pngA).equals(readFileSync(pngB));
    console.log(
      `${name}: ${lines.length} differences; screenshots ${samePng ? 'identical' : 'DIFFER'}`,
    );
    console.log(`  custom properties only before: ${tokens(onlyA)}`);
    console.log(`  custom properties only after: ${tokens(onlyB)}`);
    for (const line of lines.slice(0, 200)) console.log(`  ${line}`);
    differences += lines.length + (samePng ? 0 : 1);
  }
  return differences;
}

const [command, ...dirs] = process.argv.slice(2);
if (command === 'dump' && dirs.length >= 1) {
  await dump(dirs[0], dirs.slice(1));
} else if (command === 'diff' && dirs.length === 2) {
  process.exitCode = diff(dirs[0], dirs[1]) === 0 ? 0 : 1;
} else {
  console.error('usage: tsx scripts/css-snapshot.ts dump <dir> [state...] | diff <dirA> <dirB>');
  process.exitCode = 2;
}
