/**
 * The import graph of the source tree, and the cycles in a graph: shared by the
 * architecture tests (tests/unit/importCycles.test.ts, tests/unit/lint/simForUi.test.ts).
 *
 * Owns: which modules a file imports, found the way tsc finds them. Every import
 * counts: static, `import type`, `export ... from`, dynamic `import()` and
 * `import('x')` types (ts.preProcessFile, which skips comments and strings),
 * resolved like tsc with `moduleResolution: bundler` (ts.resolveModuleName).
 * Must not touch: the files it reads (read only) or the lint rules themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * A repo path ('src/ui/App.tsx') -> what it imports: repo paths of source files,
 * or, for what tsc cannot resolve to a source file, the package as written
 * ('@tensorflow/tfjs-core', 'x.wasm?url') or the relative path joined ('src/ui/app.css').
 */
export type ImportGraph = Map<string, string[]>;

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
};

const toRepo = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The import graph of every .ts/.tsx file under `dir` (a repo path). */
export function importGraph(dir = 'src'): ImportGraph {
  const cache = ts.createModuleResolutionCache(ROOT, (name) => name, OPTIONS);
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(path.join(ROOT, dir))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map(({ fileName: specifier }) => {
      const { resolvedModule } = ts.resolveModuleName(specifier, file, OPTIONS, ts.sys, cache);
      if (resolvedModule && !resolvedModule.isExternalLibraryImport) {
        return toRepo(resolvedModule.resolvedFileName);
      }
      return specifier.startsWith('.')
        ? toRepo(path.join(path.dirname(file), specifier))
        : specifier;
    });
    graph.set(toRepo(file), [...new Set(targets)]);
  }
  return graph;
}

/**
 * The shortest chain of imports from `from` to a module that `isTarget`
 * accepts (breadth first), both ends included; null if none is reachable.
 * `within` limits the modules the chain may pass through.
 */
export function importChain(
  graph: ImportGraph,
  from: string,
  isTarget: (module: string) => boolean,
  within: (module: string) => boolean = () => true,
): string[] | null {
  const previous = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.get(queue[i]) ?? []) {
      if (!within(next) || previous.has(next)) continue;
      previous.set(next, queue[i]);
      if (isTarget(next)) {
        const chain = [next];
        for (let at = previous.get(next); at !== undefined && at !== from; at = previous.get(at)) {
          chain.unshift(at);
        }
        return [from, ...chain];
      }
      queue.push(next);
    }
  }
  return null;
}

export interface Cycle {
  /** One shortest cycle, first module repeated at the end: ['a', 'b', 'a']. */
  path: string[];
  /** Every module of the tangle (its strongly connected component), sorted. */
  tangle: string[];
}

/**
 * The cycles of a graph: one per strongly connected component (Tarjan) of more
 * than one module, or of one module that imports itself, each shown as its
 * shortest cycle through the component's first module. Sorted, so stable.
 */
export function findCycles(graph: ImportGraph): Cycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: Cycle[] = [];

  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (component.length === 1 && !selfLoop) return;
    const tangle = component.sort();
    const first = tangle[0];
    const members = new Set(tangle);
    const loop = importChain(
      graph,
      first,
      (m) => m === first,
      (m) => members.has(m),
    );
    cycles.push({ path: loop ?? [first, first], tangle });
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a.tangle[0].localeCompare(b.tangle[0]));
}
