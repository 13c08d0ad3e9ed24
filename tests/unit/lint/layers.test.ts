/**
 * Every layer rule of eslint.config.js bites, and what the layers allow lints
 * clean (so no test here can pass because nothing was checked).
 *
 * How: the project's own eslint.config.js through ESLint's API, linting probe
 * code with `lintText` under a file path inside each layer. The probes are
 * virtual files in no tsconfig, so type information is switched off with
 * typescript-eslint's `disableTypeChecked` as an override: the layer rules
 * need no types, and that override only turns off type-aware rules (checked
 * below), so the rules under test are exactly the ones `npm run lint` runs.
 * One ESLint instance, no type program: the whole file runs in a few seconds.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './importGraph';

const LAYERS = 'bloomcast/layers';
const GLOBALS = 'no-restricted-globals';
const PROPERTIES = 'no-restricted-properties';
const SYNTAX = 'no-restricted-syntax';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
});

/** The rule ids that fire on `code` placed at `file` (a repo path), sorted; parse errors show as `fatal`. */
async function rulesFired(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`).sort();
}

const sideEffect = (specifier: string) => `import '${specifier}';\n`;

type Case = [file: string, code: string, fired: string[]];
type Rules = Record<string, unknown>;

/** Forbidden imports, layer by layer: each fires `bloomcast/layers` and nothing else. */
const FORBIDDEN_IMPORTS: [file: string, specifiers: string[]][] = [
  [
    'src/ui/App.tsx',
    [
      '../sim/engine',
      '../sim/model',
      '../sim/model/backend',
      '../sim/run',
      '../sim/compare',
      '../sim/ops/pipeline', // any sim module not on SIM_FOR_UI
      '../worker/client/engineClient',
      '../worker/shared/protocol',
      '../cli/format',
      '../main',
      '@tensorflow/tfjs-core',
    ],
  ],
  ['src/ui/compare/CompareChart.tsx', ['../../sim/compare', '../../sim/engine.ts']],
  ['src/main.tsx', ['./worker/client/engineClient', './sim/engine']],
  [
    'src/content/lesson.ts',
    ['../ui/App', '../store/labStore', '../sim/engine', '../worker/client/engineClient'],
  ],
  [
    'src/store/labStore.ts',
    [
      '../ui/App',
      '../main',
      '../cli/args',
      '../sim/engine',
      '../sim/run',
      '../sim/compare',
      '../sim/model',
      '../sim/model/backend',
      '../worker/thread/engineHost',
      '../worker/thread/engine.worker',
    ],
  ],
  [
    'src/worker/client/engineClient.ts',
    [
      '../../ui/App',
      '../../store/labStore',
      '../../cli/args',
      '../../content/lesson',
      '../thread/engine.worker',
      '../thread/engineHost',
      '../../sim/engine',
      '../../sim/model/backend',
      '@tensorflow/tfjs-core',
    ],
  ],
  ['src/worker/thread/engineHost.ts', ['../client/engineClient', '../../store/labStore']],
  [
    'src/worker/shared/protocol.ts',
    ['../client/engineClient', '../thread/engineHost', '../../sim/engine', '../../sim/compare'],
  ],
  [
    'src/sim/engine.ts',
    [
      '../ui/App',
      '../store/labStore',
      '../worker/client/engineClient',
      '../cli/args',
      '../content/lesson',
      'react',
      'react-dom/client',
      'zustand',
      'recharts',
      'comlink',
      'crypto',
      'node:crypto',
      'fs/promises',
      'node:fs',
      '@tensorflow/tfjs-core',
    ],
  ],
  ['src/sim/world/calendar.ts', ['../../ui/App', '../../store/labStore', '../../cli/format']],
  ['src/cli/format.ts', ['../ui/App', '../store/labStore', '../worker/client/engineClient']],
  ['tests/unit/probe.test.ts', ['@tensorflow/tfjs-core']],
];

/** What each layer may import: lints clean, with every other rule of the config on. */
const ALLOWED_IMPORTS: [file: string, specifiers: string[]][] = [
  [
    'src/ui/App.tsx',
    [
      './chart/axes',
      '../store/labStore',
      '../content/lesson',
      '../sim/contract',
      '../sim/contract/results',
      '../sim/settings',
      '../sim/settingsTable',
      '../sim/numberText',
      '../sim/world/calendar',
      '../sim/world/features',
      '../sim/world/scenarios',
      '../sim/ops/schedule',
      '../sim/eval/drift',
      '../sim/csv',
      'react',
      'react-dom/client',
      'zustand',
      'recharts',
    ],
  ],
  ['src/ui/compare/CompareChart.tsx', ['../../sim/contract/compare', '../chart/axes']],
  ['src/main.tsx', ['./ui/App', './ui/app.css', './store/boot']],
  ['src/content/quiz.ts', ['./lesson', '../sim/settings', '../sim/world/scenarios']],
  [
    'src/store/labStore.ts',
    [
      './labTypes',
      '../worker/client/engineClient',
      '../worker/shared/protocol',
      '../content/quiz',
      '../sim/settings',
      '../sim/contract',
      '../sim/ops/schedule',
      'zustand/vanilla',
    ],
  ],
  [
    'src/worker/thread/engine.worker.ts',
    [
      './engineHost',
      '../shared/protocol',
      '../../sim/engine',
      '../../sim/compare',
      '../../sim/model/backend',
      'comlink',
      '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url',
    ],
  ],
  ['src/sim/engine.ts', ['./model', './world/calendar', 'zod']],
  ['src/sim/model/backend.ts', ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '../rng']],
  [
    'src/worker/client/engineClient.ts',
    ['../shared/protocol', '../shared/engineApi', '../../sim/contract', 'comlink'],
  ],
  ['src/cli/simulate.ts', ['./args', '../sim/run', '../content/lesson', 'node:fs/promises']],
  ['tests/unit/probe.test.ts', ['../../src/sim/engine', '../../src/ui/App']],
];

const importCases = (table: typeof FORBIDDEN_IMPORTS, fired: string[]): Case[] =>
  table.flatMap(([file, specifiers]) =>
    specifiers.map((specifier): Case => [file, sideEffect(specifier), fired]),
  );

describe('bloomcast/layers', () => {
  it.each(importCases(FORBIDDEN_IMPORTS, [LAYERS]))('%s: %s', async (file, code, fired) => {
    expect(await rulesFired(file, code)).toEqual(fired);
  });

  it.each(importCases(ALLOWED_IMPORTS, []))('%s may: %s', async (file, code, fired) => {
    expect(await rulesFired(file, code)).toEqual(fired);
  });

  it.each<Case>([
    [
      'src/ui/compare/CompareChart.tsx',
      "import type { Strategy } from '../../sim/compare';\nexport type S = Strategy;\n",
      [LAYERS],
    ],
    [
      'src/ui/compare/CompareView.tsx',
      "export type { StrategyComparison } from '../../sim/compare';\n",
      [LAYERS],
    ],
    ['src/ui/App.tsx', "export * from '../sim/engine';\n", [LAYERS]],
    ['src/ui/App.tsx', "export const load = () => import('../sim/engine');\n", [LAYERS]],
    ['src/ui/App.tsx', 'export const load = () => import(`../worker/client`);\n', [LAYERS]],
    [
      'src/ui/App.tsx',
      "export type E = import('../sim/engine').Engine;\n",
      ['@typescript-eslint/consistent-type-imports', LAYERS],
    ],
    ['src/ui/App.tsx', "export const load = () => import('./compare/CompareChart');\n", []],
  ])('counts every form of import: %s: %s', async (file, code, fired) => {
    expect(await rulesFired(file, code)).toEqual(fired);
  });

  it('says which layer broke which rule', async () => {
    const [result] = await eslint.lintText(sideEffect('../../sim/compare'), {
      filePath: path.join(ROOT, 'src/ui/compare/CompareChart.tsx'),
    });
    expect(result.messages[0].message).toMatch(
      /^ui must not import '\.\.\/\.\.\/sim\/compare': the page imports only .*SIM_FOR_UI/,
    );
  });
});

describe('determinism in src/sim', () => {
  /** A global reached through a cast, as src/sim (compiled without DOM or Node types) would need. */
  const cast = (name: string, type: string) =>
    `(globalThis as unknown as { ${name}: ${type} }).${name}`;
  it.each<Case>([
    ['src/sim/world/visitors.ts', 'export const r = Math.random();\n', [PROPERTIES]],
    ['src/sim/world/visitors.ts', 'export const t = Date.now();\n', [PROPERTIES]],
    ['src/sim/world/calendar.ts', 'export const d = new Date();\n', [SYNTAX]],
    ['src/sim/world/calendar.ts', 'export const s = Date();\n', [SYNTAX]],
    ['src/sim/rng.ts', 'export const u = crypto.randomUUID();\n', [GLOBALS]],
    [
      'src/sim/rng.ts',
      `export const u = ${cast('crypto', '{ randomUUID(): string }')}.randomUUID();\n`,
      [SYNTAX],
    ],
    ['src/sim/ops/pipeline.ts', 'export const p = performance.now();\n', [GLOBALS, PROPERTIES]],
    [
      'src/sim/ops/pipeline.ts',
      `export const p = ${cast('performance', '{ now(): number }')}.now();\n`,
      [SYNTAX],
    ],
    ['src/sim/engine.ts', 'export const p = performance.now();\n', [GLOBALS, PROPERTIES]],
    ['src/sim/engine.ts', 'export const d = new Date();\n', [SYNTAX]],
    ['src/sim/engine.ts', 'export const r = Math.random();\n', [PROPERTIES]],
    ['src/sim/model/train.ts', 'export const r = Math.random();\n', [PROPERTIES]],
    ['src/sim/eval/drift.ts', 'export const w = window.innerWidth;\n', [GLOBALS]],
    ['src/sim/eval/drift.ts', 'export const e = process.env;\n', [GLOBALS]],
  ])('%s: %s', async (file, code, fired) => {
    expect(await rulesFired(file, code)).toEqual(fired);
  });

  it.each<Case>([
    // the engine's default clock: the one place timing fields (names ending in Ms) are measured
    [
      'src/sim/engine.ts',
      `export const now = (): number => ${cast('performance', '{ now(): number }')}.now();\n`,
      [],
    ],
    ['src/sim/world/calendar.ts', 'export const d = (ms: number) => new Date(ms);\n', []],
    ['src/sim/world/calendar.ts', "export const d = new Date('2025-07-01');\n", []],
    ['src/sim/world/calendar.ts', 'export const t = Date.UTC(2025, 6, 1);\n', []],
    ['src/sim/rng.ts', 'export const f = Math.floor(2.5);\n', []],
    // outside src/sim the clock is fine (the worker client watches for silence)
    ['src/worker/client.ts', 'export const t = Date.now() + performance.now();\n', []],
  ])('allows %s: %s', async (file, code, fired) => {
    expect(await rulesFired(file, code)).toEqual(fired);
  });
});

describe('code that runs every day or job takes no inline callback', () => {
  it.each<Case>([
    ['src/sim/ops/jobs.ts', 'export const a = [1, 2].map((x) => x * 2);\n', [SYNTAX]],
    [
      'src/sim/eval/monitor.ts',
      'export const a = [1].filter(function (x) { return x > 0; });\n',
      [SYNTAX],
    ],
    [
      'src/sim/model/train.ts',
      'export const a = Float32Array.from([1], (x) => x / 2);\n',
      [SYNTAX],
    ],
    ['src/sim/engine.ts', 'export const a = [3, 1].sort((x, y) => x - y);\n', [SYNTAX]],
    ['src/sim/model/logistic.ts', 'export const a = [1].some((x) => x > 0);\n', [SYNTAX]],
  ])('%s: %s', async (file, code, fired) => {
    expect(await rulesFired(file, code)).toEqual(fired);
  });

  it.each<Case>([
    // a module-level function keeps its compiled code: passing it is fine
    [
      'src/sim/ops/jobs.ts',
      'const twice = (x: number): number => x * 2;\nexport const a = [1, 2].map(twice);\n',
      [],
    ],
    [
      'src/sim/ops/jobs.ts',
      'export function f(xs: number[]): number {\n  let s = 0;\n  for (const x of xs) s += x;\n  return s;\n}\n',
      [],
    ],
    // code that runs once per run or on a click is not held to it
    ['src/sim/seeds.ts', 'export const a = [1, 2].map((x) => x * 2);\n', []],
    ['src/worker/client/pool.ts', 'export const a = [1, 2].map((x) => x * 2);\n', []],
  ])('allows %s: %s', async (file, code, fired) => {
    expect(await rulesFired(file, code)).toEqual(fired);
  });
});

describe('the probes test the real config', () => {
  it('switching type information off turns off no rule under test', () => {
    const off = Object.keys(tseslint.configs.disableTypeChecked.rules ?? {});
    expect(off.length).toBeGreaterThan(10);
    for (const rule of [LAYERS, GLOBALS, PROPERTIES, SYNTAX]) expect(off).not.toContain(rule);
  });

  it('npm run lint applies the same rules to the real files', async () => {
    const real = new ESLint({ cwd: ROOT });
    const rulesOf = async (engine: ESLint, file: string) =>
      ((await engine.calculateConfigForFile(path.join(ROOT, file))) as { rules: Rules }).rules;
    for (const file of ['src/ui/App.tsx', 'src/sim/world/calendar.ts', 'src/sim/engine.ts']) {
      const [linted, probed] = await Promise.all([rulesOf(real, file), rulesOf(eslint, file)]);
      expect(linted[LAYERS]).toEqual([2]);
      for (const rule of [GLOBALS, PROPERTIES, SYNTAX]) expect(linted[rule]).toEqual(probed[rule]);
    }
  });
});
