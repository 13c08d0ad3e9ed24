/**
 * `npx tsx bench/profile.ts`: where the page's main thread goes while a
 * default year runs in Chromium (issue 15). Not part of `npm run bench`.
 *
 * Owns: a build with readable names (not minified, with source maps), a CPU
 * profile of the page from "Run to the end" to the last day (CDP
 * `Profiler.start`/`stop`, 1366x768, the year measured as bench/browser.ts
 * does), its file (test-artifacts/year.cpuprofile, which Chromium's DevTools
 * open), and a printed summary: self time by function (with the source file
 * it came from) and by source module. `--throttle 4` slows the page's CPU 4x.
 * Must not touch: src/ (it drives the built app like a user). Rebuild
 * (`npx vite build`) before other browser runs: this leaves an unminified dist/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { build } from 'vite';
import { openLab } from '../tests/e2e/browser';
import { openLabPage, runYear } from './browser';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A range of samples: the ones inside one long task. */
interface Stretch {
  from: number;
  to: number;
  ms: number;
}

/**
 * The samples inside each long task: `tasks` are [start, duration] in the
 * page's performance.now() time, `pageAtStart` that clock when the profiler
 * started (to within the round trip of one CDP call).
 */
function taskStretches(
  profile: Profile,
  tasks: [number, number][],
  pageAtStart: number,
): Stretch[] {
  const times: number[] = [];
  let t = profile.startTime / 1000;
  for (const delta of profile.timeDeltas) times.push((t += delta / 1000));
  const toPage = (profileMs: number) => profileMs - profile.startTime / 1000 + pageAtStart;
  return tasks.map(([start, ms]) => {
    const from = times.findIndex((time) => toPage(time) >= start);
    const after = times.findIndex((time) => toPage(time) > start + ms);
    return { from: Math.max(0, from), to: after < 0 ? times.length : after, ms };
  });
}

/**
 * Time per function including what it calls, for our own source files (which
 * component or helper a stretch is spent under), largest first.
 */
function ownInclusive(profile: Profile, stretch: Stretch): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (ProfileNode & { children?: number[] })[])
    for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  for (let i = stretch.from; i < stretch.to; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (!node) break;
      const o = original(node.callFrame);
      const key = `${o.name || '(anonymous)'}  ${o.source}`;
      if (!o.source.startsWith('src/') || seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const maps = new Map<string, TraceMap | null>();

/** The source file and name behind a built file's position (source maps of dist/assets). */
function original(frame: ProfileNode['callFrame']): { source: string; name: string } {
  const file = /\/assets\/([^/?#]+\.js)$/.exec(frame.url)?.[1];
  const fallback = {
    source: frame.url ? basename(frame.url) : '(native)',
    name: frame.functionName,
  };
  if (!file) return fallback;
  if (!maps.has(file)) {
    try {
      maps.set(file, new TraceMap(readFileSync(join('dist/assets', `${file}.map`), 'utf8')));
    } catch {
      maps.set(file, null);
    }
  }
  const map = maps.get(file);
  if (!map) return fallback;
  const pos = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  return {
    source: (pos.source ?? file).replace(/^(\.\.\/)+/, ''),
    name: frame.functionName || pos.name || '(anonymous)',
  };
}

/** Self time in ms per key, largest first. */
function selfTime(profile: Profile, key: (node: ProfileNode) => string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const k = key(node);
    totals.set(k, (totals.get(k) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Self time per function within `stretch`. */
function selfTimeIn(profile: Profile, stretch: Stretch): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  for (let i = stretch.from; i < stretch.to; i++) {
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const o = original(node.callFrame);
    const key = `${o.name || '(anonymous)'}  ${o.source}`;
    totals.set(key, (totals.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** The module a source path belongs to: a package under node_modules, or our own file. */
function moduleOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  return pkg ?? source;
}

async function main(): Promise<void> {
  const throttle = Number(process.argv[process.argv.indexOf('--throttle') + 1]) || 1;
  await build({ logLevel: 'silent', build: { minify: false } });
  const lab = await openLab();
  try {
    const { page } = await openLabPage(lab.context, lab.baseUrl);
    const cdp = await lab.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await cdp.send('Profiler.start');
    const pageAtStart = await page.evaluate(() => performance.now());
    const year = await runYear(page);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    writeFileSync('test-artifacts/year.cpuprofile', JSON.stringify(profile));
    const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
    const idle = selfTime(profile, (n) => n.callFrame.functionName).find(
      ([k]) => k === '(idle)',
    )?.[1];
    console.log(
      `throttle ${throttle}x: year ${year.yearMs.toFixed(0)} ms, ${year.longTasks} long tasks ` +
        `(longest ${year.longestTaskMs} ms, TBT ${year.tbtMs} ms), ${year.redrawsPerSecond.toFixed(1)} redraws/s; ` +
        `profile ${total.toFixed(0)} ms, idle ${(idle ?? 0).toFixed(0)} ms`,
    );
    const show = (title: string, rows: [string, number][]) => {
      console.log(`\n${title}`);
      for (const [k, ms] of rows.slice(0, 30)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
    };
    show(
      'self time by module',
      selfTime(profile, (n) => moduleOf(original(n.callFrame).source)),
    );
    const tasks = await page.evaluate<[number, number][]>('window.__longTasks');
    for (const stretch of taskStretches(profile, tasks, pageAtStart)) {
      if (stretch.to <= stretch.from) continue;
      show(`a long task of ${stretch.ms} ms: self time`, selfTimeIn(profile, stretch).slice(0, 6));
      show(`  our code in it`, ownInclusive(profile, stretch).slice(0, 8));
    }
    show(
      'self time by function',
      selfTime(profile, (n) => {
        const o = original(n.callFrame);
        return `${o.name || '(anonymous)'}  ${o.source}`;
      }),
    );
  } finally {
    await lab.close();
  }
}

await main();
