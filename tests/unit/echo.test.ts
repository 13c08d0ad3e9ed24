/** Echoes of user input: bounded in length and count, control characters made visible. */
import { describe, expect, it } from 'vitest';
import { ECHO_MAX_CHARS, ECHO_MAX_ITEMS, echo, echoList } from '../../src/sim/echo';

describe('echo', () => {
  it('leaves a short, plain value as it is', () => {
    expect(echo('window')).toBe('window');
    expect(echo(42)).toBe('42');
  });

  it('shows control characters and terminal escapes as visible escapes', () => {
    expect(echo('a\u001b[31mred')).toBe('a\\x1B[31mred');
    expect(echo('line\nbreak\ttab\u0000')).toBe('line\\x0Abreak\\x09tab\\x00');
    expect(echo('\u009b2J')).toBe('\\x9B2J');
    expect(echo('abc\u202edcba')).toBe('abc\\u202Edcba');
  });

  it('cuts a long value to the bound and says how long it was', () => {
    const long = 'x'.repeat(60_000);
    const shown = echo(long);
    expect(shown.startsWith('x'.repeat(ECHO_MAX_CHARS))).toBe(true);
    expect(shown).toBe(`${'x'.repeat(ECHO_MAX_CHARS)}… (60000 characters)`);
    expect(shown.length).toBeLessThan(ECHO_MAX_CHARS + 30);
  });

  it('never splits a character made of two code units', () => {
    const shown = echo('🌷'.repeat(50), 3);
    expect(shown).toBe('🌷🌷🌷… (50 characters)');
  });
});

describe('echoList', () => {
  it('lists a few values whole', () => {
    expect(echoList(['a', 'b'])).toBe('a, b');
  });

  it('names at most the bound, then how many more', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    const shown = echoList(keys);
    expect(shown.split(', ')).toHaveLength(ECHO_MAX_ITEMS);
    expect(shown.endsWith(`and ${20_000 - ECHO_MAX_ITEMS} more`)).toBe(true);
    expect(shown.length).toBeLessThan(200);
  });
});
