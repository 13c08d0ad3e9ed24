/**
 * The one number parser every surface shares (command line, URL, settings
 * drawer): which strings are numbers, and that everything else stays text.
 *
 * Owns: checks of src/sim/numberText.ts only. Must not touch: the schema's
 * ranges (a number that is out of range is still a number here).
 */
import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../src/sim/numberText';

describe('parseNumberText', () => {
  it.each([
    ['42', 42],
    ['-3', -3],
    ['+5', 5],
    ['2.5', 2.5],
    ['5.', 5],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['+.5', 0.5],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['2.5e-3', 0.0025],
    ['.5e1', 5],
    ['007', 7],
    ['0', 0],
    [' 7 ', 7],
    ['\t12\n', 12],
    ['\u00a08\u00a0', 8],
    ['1e999', Infinity],
  ])('reads %j as %j', (raw, want) => {
    expect(parseNumberText(raw)).toBe(want);
  });

  it('reads "-0" (and "-0.0", "-0e5") as 0, not -0', () => {
    for (const raw of ['-0', '-0.0', '-0e5', ' -0 '])
      expect(Object.is(parseNumberText(raw), 0)).toBe(true);
  });

  it.each([
    '',
    ' ',
    '0x10',
    '0X1F',
    '0b101',
    '0o17',
    'Infinity',
    '-Infinity',
    'NaN',
    '.',
    '+',
    '-',
    'e3',
    '1e',
    '1e+',
    '1.2.3',
    '+-5',
    '--5',
    '1,000',
    '1_000',
    '5n',
    '12abc',
    '1 2',
    '٣',
    '５',
  ])('leaves %j as the same string', (raw) => {
    expect(parseNumberText(raw)).toBe(raw);
  });

  it('returns the untrimmed text when it is not a number, so nothing is silently changed', () => {
    expect(parseNumberText(' 0x10 ')).toBe(' 0x10 ');
  });
});
