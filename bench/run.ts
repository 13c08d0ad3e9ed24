/**
 * `npm run bench`: how long a simulated year takes, per backend and trainer.
 *
 * Owns: the benchmark runs (default year on wasm and cpu, the same year with
 * the plain-TS reference trainer, a 20,000-visitors/day year on wasm), their
 * targets, the printed table and bench/results.json.
 * `--only browser` runs the Node year and the browser part alone (no file written);
 * `--only editor` builds the app and times the world editor's re-run alone;
 * `--only worlds` builds it and times many worlds (10 seeds) alone.
 * Must not touch: src/. A missed target is reported, never an exit code:
 * these are benchmark targets, not tests.
 *
 * Each measurement runs once, after a 70-day warm-up with the same settings,
 * backend and trainer, so JIT and wasm compilation are not counted. Every run
 * passes its trainer through `RunOptions.trainer` wrapped in a timer, which
 * also proves the engine used it (a run whose wrapper was never called is
 * flagged: the engine ignored the option).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { initBackend, liveTensorCount, type Trainer, tfjsTrainer } from '../src/sim/model';
import { runSimulation } from '../src/sim/run';
import { defaultSettings, type Settings } from '../src/sim/settings';
import type { BackendName, WindowSummary } from '../src/sim/contract';
import {
  BROWSER_TARGETS,
  type BrowserFigures,
  browserChecks,
  describeBrowser,
  measureBrowser,
} from './browser';
import { check, checkLine, type TargetCheck } from './checks';
import { describePool, measureBrowserPool, measurePool, POOL_TARGET } from './pool';
import { describeManyWorlds, manyWorldsCheck, measureManyWorlds } from './manyWorlds';
import { describeWorldEditor, measureWorldEditor, worldEditorCheck } from './worldEditor';
import { referenceTrainer } from './reference';
import { compareTrainers, printTraining } from './training';

const WARM_UP_DAYS = 70;
const TARGETS = {
  defaultYearMs: 2000,
  tfjsOverReference: 3,
  bigYearMs: 30_000,
  monitoringShare: 0.2,
  ...BROWSER_TARGETS,
};

interface Timing {
  trainCalls: number;
  trainMs: number;
  predictCalls: number;
  predictMs: number;
}

/** Wraps `fn` so each call adds its duration to `totals[key]` and counts itself. */
function stopwatch<A extends unknown[], R>(
  fn: (...args: A) => R,
  totals: Timing,
  ms: 'trainMs' | 'predictMs',
  calls: 'trainCalls' | 'predictCalls',
): (...args: A) => R {
  return (...args) => {
    const t0 = performance.now();
    const out = fn(...args);
    totals[ms] += performance.now() - t0;
    totals[calls]++;
    return out;
  };
}

/** The trainer with a stopwatch around each call. */
function timed(inner: Trainer): { trainer: Trainer; timing: Timing } {
  const timing: Timing = { trainCalls: 0, trainMs: 0, predictCalls: 0, predictMs: 0 };
  const trainer: Trainer = {
    train: stopwatch(inner.train, timing, 'trainMs', 'trainCalls'),
    predict: stopwatch(inner.predict, timing, 'predictMs', 'predictCalls'),
  };
  return { trainer, timing };
}

interface RunFigures {
  label: string;
  trainer: 'tfjs' | 'reference';
  preferred: BackendName;
  backend: BackendName;
  fallbackReason: string | null;
  days: number;
  visitorsPerDay: number;
  totalMs: number;
  msPerDay: number;
  /** The engine's own ledger: cumulative training (and version-1 validation) time. */
  trainingMs: number;
  timing: Timing;
  trainerUsed: boolean;
  /** False for the runs that measure what drift monitoring costs. */
  monitoring: boolean;
  leakedTensors: number;
  validationAccuracy: number;
  staticMeanAccuracy: number;
  dynamicMeanAccuracy: number;
  valentineWeeks: WindowSummary[];
}

async function measure(
  label: string,
  settings: Settings,
  prefer: BackendName,
  kind: 'tfjs' | 'reference',
  monitoring = true,
): Promise<RunFigures> {
  const inner = kind === 'tfjs' ? tfjsTrainer : referenceTrainer;
  const report = await initBackend({ prefer });
  await runSimulation({ ...settings, days: WARM_UP_DAYS }, { prefer, trainer: inner });
  const before = liveTensorCount();
  const { trainer, timing } = timed(inner);
  const t0 = performance.now();
  const out = await runSimulation(settings, { prefer, trainer, monitoring });
  const totalMs = performance.now() - t0;
  const s = out.summary;
  return {
    label,
    monitoring,
    trainer: kind,
    preferred: prefer,
    backend: out.config.backend,
    fallbackReason: report.fallbackReason,
    days: settings.days,
    visitorsPerDay: settings.visitorsPerDay,
    totalMs,
    msPerDay: totalMs / settings.days,
    trainingMs: s.dynamic.trainingMs,
    timing,
    trainerUsed: timing.trainCalls > 0 && timing.predictCalls > 0,
    leakedTensors: liveTensorCount() - before,
    validationAccuracy: s.static.validationAccuracy,
    staticMeanAccuracy: s.static.meanAccuracy,
    dynamicMeanAccuracy: s.dynamic.meanAccuracy,
    valentineWeeks: s.valentineWeeks,
  };
}

/** True when two runs taught the same lesson: same validation, same Valentine's week within 1 point. */
function sameLesson(a: RunFigures, b: RunFigures): boolean {
  // 0.02, not 0.01: the validation gate turns float differences between
  // backends into an occasional different accept/reject (cpu and wasm then
  // differ by about 0.01 in the Valentine week), the same lesson either way.
  const close = (x: number, y: number) => Math.abs(x - y) <= 0.02;
  return (
    close(a.validationAccuracy, b.validationAccuracy) &&
    a.valentineWeeks.length === b.valentineWeeks.length &&
    a.valentineWeeks.every(
      (w, i) =>
        close(w.static, b.valentineWeeks[i].static) &&
        close(w.dynamic, b.valentineWeeks[i].dynamic),
    )
  );
}

const fmt = (v: number, digits = 0): string => v.toFixed(digits);

/** The printed table's columns: header, width, cell. */
const COLUMNS: [string, number, (r: RunFigures) => string][] = [
  ['run', 30, (r) => r.label + (r.trainerUsed ? '' : ' (!)')],
  ['backend', 8, (r) => (r.trainer === 'reference' ? 'plain-ts' : r.backend)],
  ['total ms', 9, (r) => fmt(r.totalMs)],
  ['ms/day', 7, (r) => fmt(r.msPerDay, 2)],
  ['train ms', 9, (r) => fmt(r.timing.trainMs)],
  ['predict ms', 10, (r) => fmt(r.timing.predictMs)],
  ['val acc', 7, (r) => fmt(r.validationAccuracy, 4)],
  [
    'valentine s/d',
    13,
    (r) => r.valentineWeeks.map((w) => `${fmt(w.static, 3)}/${fmt(w.dynamic, 3)}`).join(' ') || '-',
  ],
];

function printTable(
  runs: RunFigures[],
  checks: ReturnType<typeof check>[],
  ratios: Record<string, number>,
): void {
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(COLUMNS[i][1]) : c.padStart(COLUMNS[i][1]))).join('  ');
  console.log(line(COLUMNS.map(([head]) => head)));
  for (const r of runs) console.log(line(COLUMNS.map(([, , cell]) => cell(r))));
  console.log(
    `\nTF.js(wasm) / reference: total ${fmt(ratios.total, 2)}x, train ${fmt(ratios.train, 2)}x, ` +
      `predict ${fmt(ratios.predict, 2)}x`,
  );
  for (const c of checks) console.log(checkLine(c));
  if (runs.some((r) => !r.trainerUsed)) {
    console.log(
      '(!) the engine ignored RunOptions.trainer: that run used the built-in TF.js trainer',
    );
  }
}

/**
 * `npm run bench -- --only browser`: the Node year (the browser's yardstick)
 * and the browser part alone, printed; results.json is left as it is (it
 * keeps whole runs only).
 */
async function browserOnly(): Promise<void> {
  const started = performance.now();
  const log = (msg: string) =>
    console.error(`[bench ${fmt((performance.now() - started) / 1000, 1)}s] ${msg}`);
  log('default year, TF.js on wasm (the yardstick)');
  const wasm = await measure('default year, TF.js', defaultSettings(), 'wasm', 'tfjs');
  log('default year in Chromium, 1x then 4x throttled');
  const browser = await measureBrowser();
  console.log(`Node year (wasm) ${fmt(wasm.totalMs)} ms`);
  for (const line of describeBrowser(browser, wasm.totalMs)) console.log(line);
  for (const c of browserChecks(browser, wasm.totalMs)) console.log(checkLine(c));
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join('/')}; results.json left as it is`,
  );
}

/** Builds the app, runs one Chromium measurement alone and prints it with its check. */
async function oneBrowserPart<T>(
  measureIt: () => Promise<T>,
  describeIt: (figures: T) => string,
  checkIt: (figures: T) => TargetCheck,
): Promise<void> {
  await build({ logLevel: 'silent' });
  const figures = await measureIt();
  console.log(describeIt(figures));
  console.log(checkLine(checkIt(figures)));
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join('/')}; results.json left as it is`,
  );
}

/** `npm run bench -- --only editor`: builds the app and times the world editor alone, printed. */
const editorOnly = () => oneBrowserPart(measureWorldEditor, describeWorldEditor, worldEditorCheck);

/** `npm run bench -- --only worlds`: builds the app and times many worlds alone, printed. */
const worldsOnly = () => oneBrowserPart(measureManyWorlds, describeManyWorlds, manyWorldsCheck);

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg();
  const year = defaultSettings();
  const bigYear: Settings = { ...year, visitorsPerDay: 20_000 };
  const log = (msg: string) =>
    console.error(`[bench ${fmt((performance.now() - started) / 1000, 1)}s] ${msg}`);

  log('default year, TF.js on wasm');
  const wasm = await measure('default year, TF.js', year, 'wasm', 'tfjs');
  log('default year, TF.js on cpu');
  const cpu = await measure('default year, TF.js', year, 'cpu', 'tfjs');
  log('default year, reference trainer');
  const reference = await measure('default year, reference', year, 'wasm', 'reference');
  log('20,000 visitors/day, TF.js on wasm');
  const big = await measure('20k/day year, TF.js', bigYear, 'wasm', 'tfjs');
  log('default year and 20k/day year without drift monitoring (its cost)');
  const quiet = await measure('default year, no monitoring', year, 'wasm', 'tfjs', false);
  // The first year of the process also pays V8's compiling: the share is read from a
  // monitored and a quiet year taken in turn after it, each the faster of two.
  const again = await measure('default year, TF.js (beside the quiet one)', year, 'wasm', 'tfjs');
  const quietAgain = await measure('default year, no monitoring', year, 'wasm', 'tfjs', false);
  const bigQuiet = await measure('20k/day year, no monitoring', bigYear, 'wasm', 'tfjs', false);
  const runs = [wasm, cpu, reference, big, quiet, again, quietAgain, bigQuiet];
  // Issue 15: today's trainer against the baseline, and the roofline (bench/training.ts).
  const training = await compareTrainers(log);
  log('default year in Chromium (built app, engine in a worker)');
  const browser: BrowserFigures | { error: string } = await measureBrowser().catch(
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );

  log('strategy comparison: a pool of workers against one worker (Node, then Chromium)');
  const pool = await measurePool(year);
  const browserPool = 'error' in browser ? null : await measureBrowserPool().catch(() => null);
  log("many worlds: 10 seeds on the page's pool against one worker (Chromium)");
  const manyWorlds = 'error' in browser ? null : await measureManyWorlds().catch(() => null);
  log("world editor: a knob's release to the chart's redraw and the full year (Chromium)");
  const worldEditor =
    'error' in browser
      ? null
      : await measureWorldEditor().catch((error: unknown) => {
          // Said, not swallowed: a bench that cannot measure must say why.
          console.error(`world editor: not measured: ${String(error)}`);
          return null;
        });

  const ratios = {
    total: wasm.totalMs / reference.totalMs,
    train: wasm.timing.trainMs / reference.timing.trainMs,
    predict: wasm.timing.predictMs / reference.timing.predictMs,
  };
  const monitoringCost = {
    defaultYear:
      Math.min(wasm.totalMs, again.totalMs) / Math.min(quiet.totalMs, quietAgain.totalMs) - 1,
    bigYear: big.totalMs / bigQuiet.totalMs - 1,
    bigYearMs: big.totalMs - bigQuiet.totalMs,
  };
  const checks = [
    check(
      'drift monitoring, share added to the default year',
      monitoringCost.defaultYear,
      TARGETS.monitoringShare,
      'x',
    ),
    check('default year, TF.js on wasm', wasm.totalMs, TARGETS.defaultYearMs, 'ms'),
    check('TF.js(wasm) / reference, whole year', ratios.total, TARGETS.tfjsOverReference, 'x'),
    check('20k/day year, TF.js on wasm', big.totalMs, TARGETS.bigYearMs, 'ms'),
    check('strategy comparison, warm pool / warm one worker', pool.ratio, POOL_TARGET, 'x'),
    ...('error' in browser ? [] : browserChecks(browser, wasm.totalMs)),
    ...(manyWorlds ? [manyWorldsCheck(manyWorlds)] : []),
    ...(worldEditor ? [worldEditorCheck(worldEditor)] : []),
  ];
  const lessons = {
    cpuMatchesWasm: sameLesson(wasm, cpu),
    referenceMatchesWasm: sameLesson(wasm, reference),
  };
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
    /** 1/5/15-minute load averages before and after: a busy machine explains slow figures. */
    loadAverage: { before: loadBefore, after: loadavg() },
    backends: [...new Set(runs.map((r) => r.backend))],
    warmUpDays: WARM_UP_DAYS,
    targets: TARGETS,
    runs,
    ratios,
    /** Time drift monitoring adds, as a share of the same year without it. */
    monitoringCost,
    /** The same year in Chromium; its reference is the Node wasm run above (browserOverNode). */
    browser,
    browserOverNode: 'error' in browser ? null : browser.yearMs / wasm.totalMs,
    /** The strategy comparison on the worker pool against one worker (bench/pool.ts). */
    pool: { node: pool, browser: browserPool },
    /** 10 seeds on the page's pool against one seed of the same run (bench/manyWorlds.ts). */
    manyWorlds,
    /** A knob's release to the first redraw and to the full year (bench/worldEditor.ts). */
    worldEditor,
    training,
    checks,
    lessons,
    benchMs: performance.now() - started,
  };
  const file = fileURLToPath(new URL('./results.json', import.meta.url));
  // `npm run test:reliability` keeps its own section here; a bench run leaves it be.
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { reliability?: unknown })
    : {};
  writeFileSync(
    file,
    `${JSON.stringify({ ...results, reliability: previous.reliability }, null, 2)}\n`,
  );

  printTable(runs, checks, ratios);
  printTraining(training);
  console.log(
    `same lesson: cpu ${lessons.cpuMatchesWasm ? 'yes' : 'NO'}, ` +
      `reference ${lessons.referenceMatchesWasm ? 'yes' : 'NO'}`,
  );
  console.log(
    `drift monitoring adds ${fmt(monitoringCost.defaultYear * 100, 1)}% to the default year, ` +
      `${fmt(monitoringCost.bigYear * 100, 1)}% (${fmt(monitoringCost.bigYearMs, 0)} ms) at 20,000 visitors/day`,
  );
  if ('error' in browser) console.log(`browser run failed: ${browser.error}`);
  else for (const line of describeBrowser(browser, wasm.totalMs)) console.log(line);
  for (const line of describePool(pool, browserPool)) console.log(line);
  console.log(manyWorlds ? describeManyWorlds(manyWorlds) : 'many worlds: not measured');
  console.log(worldEditor ? describeWorldEditor(worldEditor) : 'world editor: not measured');
  const load = results.loadAverage.before.map((l) => l.toFixed(1)).join('/');
  console.log(`${results.cpuModel} x${results.cpuCount}, load ${load}, node ${results.node}`);
  console.log(`wrote ${file}`);
}

const only = process.argv.indexOf('--only');
if (only < 0) await main();
else if (process.argv[only + 1] === 'browser') await browserOnly();
else if (process.argv[only + 1] === 'editor') await editorOnly();
else if (process.argv[only + 1] === 'worlds') await worldsOnly();
else
  throw new Error(
    `--only takes "browser", "editor" or "worlds" (got ${process.argv[only + 1] ?? 'nothing'})`,
  );
