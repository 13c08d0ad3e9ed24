/**
 * The sim modules the page may import (SIM_FOR_UI in eslint.config.js) are truly
 * free of TF.js: none reaches src/sim/model or an @tensorflow package through
 * any chain of imports, type-only ones included. The lint rule checks the
 * page's direct imports; this checks what the allowed modules pull in behind
 * them (the graph of tests/unit/lint/importGraph.ts). A failure names the chain.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importChain, importGraph, ROOT } from './importGraph';

interface LintConfig {
  SIM_FOR_UI: string[];
  globMatcher: (globs: string[]) => (subject: string) => boolean;
}
// eslint.config.js is plain JavaScript outside every tsconfig: loaded as ESLint loads it, typed here.
const config = (await import(
  pathToFileURL(path.join(ROOT, 'eslint.config.js')).href
)) as LintConfig;

/** The module id the lint rule matches: a repo path without extension or /index. */
const moduleId = (file: string) => file.replace(/\.tsx?$/, '').replace(/\/index$/, '');
const bringsTfjs = (module: string) =>
  module.startsWith('src/sim/model/') || module.startsWith('@tensorflow/');

describe('the sim modules the page may import (SIM_FOR_UI)', () => {
  const graph = importGraph('src');
  const onList = config.globMatcher(config.SIM_FOR_UI);
  const allowed = [...graph.keys()].filter((file) => onList(moduleId(file)));

  it('are real modules (so the check below means something)', () => {
    expect(allowed).toEqual(
      expect.arrayContaining(['src/sim/settings.ts', 'src/sim/world/calendar.ts']),
    );
    expect(allowed.length).toBeGreaterThanOrEqual(7);
    expect(allowed.every((file) => file.startsWith('src/sim/'))).toBe(true);
  });

  it('reach neither src/sim/model nor TF.js, not even by type', () => {
    const chains = allowed
      .map((file) => importChain(graph, file, bringsTfjs)?.join(' -> '))
      .filter(Boolean);
    expect(chains).toEqual([]);
  });

  it('would be caught if they did: the engine and the compare runner reach TF.js', () => {
    for (const runner of ['src/sim/engine.ts', 'src/sim/compare.ts']) {
      const chain = importChain(graph, runner, (module) => module.startsWith('@tensorflow/'));
      expect(chain?.at(-1)).toMatch(/^@tensorflow\//);
      expect(onList(moduleId(runner))).toBe(false);
    }
  });
});
