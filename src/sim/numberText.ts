/**
 * The one reading of a number typed as text, shared by every surface that
 * takes numbers as text: the command line, the page URL and the settings drawer.
 *
 * Owns: which strings count as a decimal number.
 * Must not touch: whether the number is allowed (the settings schema decides,
 * and names the field when it is not).
 */

/**
 * An optional sign; digits with an optional fraction ("5", "5.", "5.25") or a
 * fraction alone (".5"); an optional exponent with an optional sign ("1e+3").
 * ASCII digits only: `\d` without the u flag matches nothing else.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The number a string spells, ignoring whitespace around it; any other string
 * (hex "0x10", binary "0b101", "Infinity", "" or only spaces) is returned
 * unchanged, so the schema rejects it by name. "-0" reads as 0, so a value
 * written back (a link, a message) says what the state holds.
 */
export function parseNumberText(raw: string): number | string {
  const trimmed = raw.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) + 0 : raw;
}
