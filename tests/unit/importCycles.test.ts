/**
 * No import cycles anywhere in src/, type-only imports included: a cycle is a
 * pair of modules that cannot be understood, tested or moved apart, whether or
 * not the bundler erases the types. The graph (tests/unit/lint/importGraph.ts)
 * counts every import the way tsc resolves it; a failure names each cycle.
 */
import { describe, expect, it } from 'vitest';
import { findCycles, type ImportGraph, importGraph } from './lint/importGraph';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));
const paths = (graph: ImportGraph) => findCycles(graph).map((cycle) => cycle.path.join(' -> '));
/** A cycle, and the other modules of its tangle when the shortest loop leaves some out. */
const described = (graph: ImportGraph) =>
  findCycles(graph).map(({ path, tangle }) =>
    tangle.length < path.length
      ? path.join(' -> ')
      : `${path.join(' -> ')} (tangle: ${tangle.join(', ')})`,
  );

describe('the cycle finder', () => {
  it('finds nothing in a graph without cycles, however tangled', () => {
    const diamond = graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['pkg'] });
    expect(findCycles(diamond)).toEqual([]);
  });

  it('names a cycle by its shortest loop, and every module tangled in it', () => {
    const graph = graphOf({ a: ['b'], b: ['c', 'x'], c: ['a', 'b'], d: ['a'], x: [] });
    expect(findCycles(graph)).toEqual([{ path: ['a', 'b', 'c', 'a'], tangle: ['a', 'b', 'c'] }]);
  });

  it('finds a module importing itself and separate cycles separately', () => {
    const graph = graphOf({ a: ['a'], b: ['c'], c: ['b'] });
    expect(paths(graph)).toEqual(['a -> a', 'b -> c -> b']);
  });
});

describe('the import graph', () => {
  it('holds every kind of import, type-only ones included (tests/fixtures/lint/graph)', () => {
    const dir = 'tests/fixtures/lint/graph';
    const fixture = importGraph(dir);
    expect(Object.fromEntries(fixture)).toEqual({
      [`${dir}/a.ts`]: [`${dir}/b.ts`], // import type
      [`${dir}/b.ts`]: [`${dir}/a.ts`, `${dir}/c.ts`], // import type, import()
      [`${dir}/c.ts`]: [`${dir}/d.ts`, `${dir}/e.ts`], // import('x') type, export * from
      [`${dir}/d.ts`]: [],
      [`${dir}/e.ts`]: ['node:fs'], // a package, as written (not a comment)
    });
    expect(paths(fixture)).toEqual([`${dir}/a.ts -> ${dir}/b.ts -> ${dir}/a.ts`]);
  });

  it('of src/ has no cycles', () => {
    const graph = importGraph('src');
    expect(graph.size).toBeGreaterThan(100);
    expect(described(graph)).toEqual([]);
  });
});
