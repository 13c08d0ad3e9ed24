// ESLint flat config: typescript-eslint on every TS file, React hooks rules in
// the UI, and the layers of the architecture enforced, not just described:
//
//   ui (src/ui, src/main.tsx) -> store -> worker -> sim, content beside ui.
//
// - `bloomcast/layers` (defined below) checks every import, export-from,
//   dynamic import() and import('x') type against LAYER_ZONES. Relative
//   specifiers are resolved against the importing file first, so
//   '../sim/engine' and '../../sim/engine' are the same module, src/sim/engine.
//   `import type` counts: the layers are a dependency graph, not a bundle.
// - The page may import from src/sim only the pure, TF.js-free modules in
//   SIM_FOR_UI (tests/unit/lint/simForUi.test.ts proves they stay TF.js-free).
// - TensorFlow.js only inside src/sim/model (the worker may import the wasm
//   backend's .wasm?url assets).
// - src/sim is deterministic: no clock, no platform randomness, no DOM or Node
//   globals (SIM_GLOBALS, SIM_PROPERTIES, SIM_SYNTAX). Timing fields (names
//   ending in Ms) are measured by src/sim/engine.ts's default clock alone.
// - The code a run executes every day or every job (HOT_PATHS) passes no
//   inline callback to an array method (HOT_CALLBACK).
//
// tests/unit/lint/layers.test.ts proves each rule fires (and that allowed
// imports lint clean); tests/unit/importCycles.test.ts forbids import cycles.
// Owns: which imports and constructs are errors, and where.
// Must not touch: formatting (Prettier owns it) or the source it checks.
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/**
 * The sim modules the page (ui, content) may import: plain types, constants and
 * pure functions that reach neither src/sim/model nor TF.js, not even by type.
 * Anything else in src/sim (the engine, the run, the compare runner, the
 * model, the operations) reaches the page only through the worker.
 */
export const SIM_FOR_UI = [
  'src/sim/contract/**', // the result, registry, drift and compare types
  'src/sim/settings*', // the settings schema, table, limits and defaults
  'src/sim/settings/**',
  'src/sim/numberText', // the one number parser (URL, drawer, CLI)
  'src/sim/echo', // bounded, control-free echoes of user input
  'src/sim/world/calendar',
  'src/sim/world/features',
  'src/sim/world/scenarios',
  'src/sim/world/truth', // the world's day context (pure arithmetic)
  'src/sim/world/knobs', // a scenario with the world editor's knobs applied
  'src/sim/story/**', // the run's moments: holiday rushes and events
  'src/sim/ops/schedule',
  'src/sim/eval/drift',
  'src/sim/csv',
];

/** Sim modules that run the engine and so load TF.js: the main thread never imports them. */
const SIM_RUNNERS = [
  'src/sim/model/**',
  'src/sim/engine',
  'src/sim/run',
  'src/sim/compare',
  'src/sim/seedRuns',
];

const UI_FILES = ['src/ui/**', 'src/main.tsx'];
const pkg = (...names) => names.flatMap((name) => [name, `${name}/**`]);
const UI_PACKAGES = pkg('react', 'react-dom', 'zustand', 'recharts', 'comlink');
const NODE_BUILTINS = ['node:**', ...builtinModules.flatMap((name) => pkg(name))];
/** Files of src/sim allowed a Node built-in (none today: the engine also runs in the browser). */
const SIM_NODE_FILES = [];

/**
 * Who may import what. A zone reports an import made by one of its `files`
 * (repo paths, minus `ignores`) of a module matching `from` but not `except`.
 * Modules are repo paths without extension ('src/sim/engine') or packages as
 * written ('@tensorflow/tfjs-core'). Globs: * within a name, ** across folders.
 */
export const LAYER_ZONES = [
  {
    name: 'ui',
    files: UI_FILES,
    from: ['src/**'],
    except: ['src/ui/**', 'src/store/**', 'src/content/**', ...SIM_FOR_UI],
    message:
      'the page imports only ui, store, content and the pure sim modules of SIM_FOR_UI (eslint.config.js); the engine is reached through the store and the worker.',
  },
  {
    name: 'content',
    files: ['src/content/**'],
    from: ['src/**'],
    except: ['src/content/**', ...SIM_FOR_UI],
    message:
      'content is words for the page: it imports only content and the pure sim modules of SIM_FOR_UI.',
  },
  {
    name: 'store',
    files: ['src/store/**'],
    from: ['src/**'],
    except: ['src/store/**', 'src/worker/**', 'src/content/**', 'src/sim/**'],
    message: 'the store imports only store, worker, content and sim: imports point down.',
  },
  {
    name: 'store',
    files: ['src/store/**'],
    from: SIM_RUNNERS,
    message:
      'the store runs on the main thread: the engine, the run, the compare runner and the model (TF.js) are reached through the worker client.',
  },
  {
    name: 'store',
    files: ['src/store/**'],
    from: ['src/worker/thread/**'],
    message:
      'the store talks to the engine through src/worker/client; the worker thread’s code runs only inside the worker.',
  },
  {
    name: 'worker',
    files: ['src/worker/**'],
    from: ['src/**'],
    except: ['src/worker/**', 'src/sim/**'],
    message: 'the worker imports only worker and sim: imports point down.',
  },
  {
    name: 'worker',
    files: ['src/worker/client/**'],
    from: ['src/worker/thread/**', ...SIM_RUNNERS],
    message:
      'the client runs on the main thread: it speaks to the worker thread only through src/worker/shared (the worker file is loaded by URL, never imported).',
  },
  {
    name: 'worker',
    files: ['src/worker/thread/**'],
    from: ['src/worker/client/**'],
    message: 'the worker thread never imports the main-thread client.',
  },
  {
    name: 'worker',
    files: ['src/worker/shared/**'],
    from: ['src/worker/client/**', 'src/worker/thread/**', ...SIM_RUNNERS],
    message:
      'src/worker/shared is what both threads speak (types and plain data): it imports neither thread nor the engine.',
  },
  {
    name: 'sim',
    files: ['src/sim/**'],
    from: ['src/**', ...UI_PACKAGES],
    except: ['src/sim/**'],
    message:
      'src/sim is the engine, pure TypeScript for Node and the worker: no ui, store, worker, cli, content or UI libraries.',
  },
  {
    name: 'sim',
    files: ['src/sim/**'],
    ignores: SIM_NODE_FILES,
    from: NODE_BUILTINS,
    message: 'src/sim also runs in the browser: no Node built-ins.',
  },
  {
    name: 'cli',
    files: ['src/cli/**'],
    from: ['src/**'],
    except: ['src/cli/**', 'src/sim/**', 'src/content/**'],
    message: 'the CLI runs in Node: it imports only cli, sim and content.',
  },
  {
    name: 'TF.js',
    files: ['**'],
    ignores: ['src/sim/model/**', 'src/worker/**'],
    from: ['@tensorflow/**'],
    message: 'TensorFlow.js is imported only inside src/sim/model.',
  },
  {
    name: 'worker',
    files: ['src/worker/**'],
    from: ['@tensorflow/**'],
    except: ['@tensorflow/**/*.wasm?url'],
    message:
      "the worker imports only the wasm backend's .wasm?url assets; TensorFlow.js code is imported inside src/sim/model.",
  },
];

const GLOB_TOKENS = { '/**': '(?:/.*)?', '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*' };
/** A matcher for globs over repo paths and package names (exported for the tests). */
export const globMatcher = (globs) => {
  const source = globs.map((glob) =>
    glob
      .split(/(\/\*\*$|\*\*\/|\*\*|\*)/)
      .map((part) => GLOB_TOKENS[part] ?? part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join(''),
  );
  const regex = new RegExp(`^(?:${source.join('|') || '(?!)'})$`);
  return (subject) => regex.test(subject);
};

const COMPILED_ZONES = LAYER_ZONES.map((zone) => ({
  ...zone,
  files: globMatcher(zone.files),
  ignores: globMatcher(zone.ignores ?? []),
  from: globMatcher(zone.from),
  except: globMatcher(zone.except ?? []),
}));

/** The module a specifier names: a repo path without extension, or the package as written. */
const moduleOf = (specifier, file) => {
  if (!specifier.startsWith('.')) return specifier;
  const target = path.posix.join(path.posix.dirname(file), specifier.replace(/\?.*$/, ''));
  return target.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
};

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of LAYER_ZONES (eslint.config.js).' },
    schema: [],
    messages: { forbidden: "{{layer}} must not import '{{specifier}}': {{reason}}" },
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const zones = COMPILED_ZONES.filter((z) => z.files(file) && !z.ignores(file));
    if (zones.length === 0) return {};
    const check = (node) => {
      const specifier =
        node?.type === 'TemplateLiteral' && node.expressions.length === 0
          ? node.quasis[0].value.cooked
          : node?.value;
      if (typeof specifier !== 'string') return;
      const target = moduleOf(specifier, file);
      for (const zone of zones.filter((z) => z.from(target) && !z.except(target))) {
        const data = { layer: zone.name, specifier, reason: zone.message };
        context.report({ node, messageId: 'forbidden', data });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

const NO_CLOCK = 'src/sim never reads the clock: results follow from the settings alone.';
const NO_RANDOM = 'src/sim draws only from the run seed (src/sim/rng.ts).';
const NOT_HERE = 'src/sim runs in Node and in the worker: no DOM, worker or Node globals.';
const SIM_GLOBALS = [
  ...['window', 'document', 'self', 'process'].map((name) => ({ name, message: NOT_HERE })),
  { name: 'crypto', message: NO_RANDOM },
  { name: 'performance', message: NO_CLOCK },
];
const SIM_PROPERTIES = [
  { object: 'Math', property: 'random', message: NO_RANDOM },
  { object: 'Date', property: 'now', message: NO_CLOCK },
  { object: 'performance', property: 'now', message: NO_CLOCK },
];
/**
 * performance.now through a cast of globalThis (src/sim is compiled without DOM
 * types). Allowed in src/sim/engine.ts alone: its default clock measures every
 * timing field (names ending in Ms); src/sim/ops/pipeline.ts is handed that clock.
 */
const TIMING_CLOCK = {
  selector: "MemberExpression[object.property.name='performance'][property.name='now']",
  message: `${NO_CLOCK} Timings (fields ending in Ms) come from the engine's clock (src/sim/engine.ts).`,
};
/** Syntax the globals rules miss: new Date() without a date, and globals reached through a cast. */
const SIM_SYNTAX = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: NO_CLOCK },
  { selector: "CallExpression[callee.name='Date']", message: NO_CLOCK },
  { selector: "MemberExpression[property.name='crypto']", message: NO_RANDOM },
];

/**
 * Files whose code runs every simulated day or every training job, in the
 * page's worker and in every pool worker.
 */
const HOT_PATHS = [
  'src/sim/engine.ts',
  'src/sim/summary.ts',
  'src/sim/eval/binnedSum.ts',
  'src/sim/eval/drift.ts',
  'src/sim/eval/monitor.ts',
  'src/sim/eval/monitoring.ts',
  'src/sim/eval/readings.ts',
  'src/sim/model/directKernels.ts',
  'src/sim/model/logistic.ts',
  'src/sim/model/newton.ts',
  'src/sim/model/train.ts',
  'src/sim/model/unitPass.ts',
  'src/sim/ops/jobs.ts',
  'src/sim/ops/monitorHooks.ts',
  'src/sim/ops/pipeline.ts',
  'src/sim/world/calendar.ts',
  'src/sim/world/truth.ts',
  'src/sim/world/visitors.ts',
];
/**
 * An inline function handed to an array method is a new closure on every
 * call, and V8 drops a short-lived closure's optimised code at each full
 * collection: traced in Chromium, each such callback in these files was
 * compiled again on every seed, on the helper threads a pool's workers share
 * (src/sim/model/directKernels.ts). A loop or a module-level function keeps
 * its code.
 */
const HOT_CALLBACK = {
  selector:
    'CallExpression[callee.property.name=/^(map|filter|reduce|reduceRight|forEach|every|some|find|findIndex|flatMap|from|sort)$/] > :matches(ArrowFunctionExpression, FunctionExpression)',
  message:
    'Code that runs every day or job takes no inline callback: write a loop or pass a module-level function (V8 recompiles short-lived closures after each full collection; see src/sim/model/directKernels.ts).',
};

export default tseslint.config(
  {
    // tests/fixtures/lint: inputs of the import-graph test (a deliberate cycle), not project code
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'scratch',
      'bench/results.json',
      'tests/fixtures/lint',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
      globals: { ...globals.node },
    },
    plugins: { bloomcast: { rules: { layers } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'bloomcast/layers': 'error',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['public/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...SIM_GLOBALS],
      'no-restricted-properties': ['error', ...SIM_PROPERTIES],
      'no-restricted-syntax': ['error', ...SIM_SYNTAX, TIMING_CLOCK],
    },
  },
  {
    files: HOT_PATHS.filter((f) => f !== 'src/sim/engine.ts'),
    rules: { 'no-restricted-syntax': ['error', ...SIM_SYNTAX, TIMING_CLOCK, HOT_CALLBACK] },
  },
  {
    files: ['src/sim/engine.ts'],
    rules: { 'no-restricted-syntax': ['error', ...SIM_SYNTAX, HOT_CALLBACK] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
