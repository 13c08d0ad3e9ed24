/**
 * Tests of duplicateKeys: JSON text with a key given twice in one object,
 * which JSON.parse accepts silently (the last value wins).
 * Owns: checks of src/ui/settings/jsonDuplicates.ts only.
 */
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../src/ui/settings/jsonDuplicates';

describe('duplicateKeys', () => {
  it('finds a key given twice at the top level, once however often it repeats', () => {
    expect(duplicateKeys('{"seed": 1, "seed": 2}')).toEqual(['seed']);
    expect(duplicateKeys('{"seed":1,"days":9,"seed":2,"days":3,"seed":4}')).toEqual([
      'seed',
      'days',
    ]);
    expect(duplicateKeys('{"seed": 1, "days": 2}')).toEqual([]);
  });

  it('compares keys as JSON reads them, escapes and all', () => {
    expect(duplicateKeys('{"seed": 1, "\\u0073eed": 2}')).toEqual(['seed']);
    expect(duplicateKeys('{"a\\"b": 1, "a\\"b": 2}')).toEqual(['a"b']);
    expect(duplicateKeys('{"a\\\\": 1, "a\\\\": 2}')).toEqual(['a\\']);
  });

  it('keeps each nested object apart, and reads strings in values and arrays as values', () => {
    expect(duplicateKeys('{"a": {"x": 1}, "b": {"x": 2}}')).toEqual([]);
    expect(duplicateKeys('{"a": {"x": 1, "x": 2}}')).toEqual(['x']);
    expect(duplicateKeys('[{"x": 1}, {"x": 2}]')).toEqual([]);
    expect(duplicateKeys('{"a": ["b", "a"], "b": "a", "c": "{\\"a\\": 1}"}')).toEqual([]);
    expect(duplicateKeys('{"a": [{"k": 1}, {"k": 2, "k": 3}], "a": 0}')).toEqual(['k', 'a']);
    expect(duplicateKeys('{"o": {}, "p": [], "o": null}')).toEqual(['o']);
  });

  it('reads no key where there is no object', () => {
    for (const text of ['"seed"', '["seed", "seed"]', '1', 'null', '[]', '{}']) {
      expect(duplicateKeys(text)).toEqual([]);
    }
  });

  it('does bounded, linear work on a 64 KB file of keys or of deep nesting', () => {
    const keys = `{${Array.from({ length: 6_000 }, (_, i) => `"k${i % 3_000}":1`).join(',')}}`;
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const started = performance.now();
    expect(duplicateKeys(keys)).toHaveLength(3_000);
    expect(duplicateKeys(deep)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
