// ESLint flat config: typescript-eslint on every TS file, React hooks rules
// in the UI, and the layer boundaries of DESIGN.md as import restrictions:
// ui -> store -> worker -> sim, and TensorFlow.js only inside src/sim/model
// (the worker may import the backend's .wasm files as asset URLs).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TFJS = {
  regex: '^@tensorflow/(?!.*\\.wasm\\?url$)',
  message: 'TensorFlow.js is imported only inside src/sim/model (DESIGN.md).',
};
const layer = (name, above) => ({
  group: above.flatMap((l) => [`**/${l}/**`, `**/${l}`, `@/${l}/**`]),
  message: `${name} must not import from ${above.join(', ')}: imports point down only (ui -> store -> worker -> sim).`,
});
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'scratch', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict(TFJS),
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
      'no-restricted-imports': restrict(TFJS, layer('src/sim', ['ui', 'store', 'worker']), {
        group: ['react', 'react-dom', 'zustand', 'recharts'],
        message: 'src/sim is pure TypeScript: no UI libraries.',
      }),
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/sim runs in Node and workers: no DOM.' },
        { name: 'document', message: 'src/sim runs in Node and workers: no DOM.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Draw from the run seed (src/sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'src/sim never reads the clock for results.' },
      ],
    },
  },
  {
    files: ['src/sim/model/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(layer('src/sim', ['ui', 'store', 'worker'])),
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(TFJS, layer('src/worker', ['ui', 'store'])) },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(TFJS, layer('src/store', ['ui'])) },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
