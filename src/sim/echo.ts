/**
 * Showing a person what they typed, safely: every echo of user input (a link's
 * value, a stored key, an imported file's field or name, a command-line value)
 * goes through here before it reaches a notice, a message or the terminal.
 *
 * Owns: the length and count bounds of echoes and the neutralising of control
 * characters (C0, DEL, C1, and the bidirectional overrides that can reorder a
 * line), which are shown as visible escapes such as \x1B.
 * Must not touch: what the message says around the echo. Imports nothing.
 */

/** Longest echo of one value, in characters. */
export const ECHO_MAX_CHARS = 40;
/** Most values one message lists before it says how many more there are. */
export const ECHO_MAX_ITEMS = 8;

// C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

const escape = (ch: string): string => {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/**
 * One value as it may be shown: control characters made visible, then cut to
 * `max` characters (whole code points) with an ellipsis and the full length.
 */
export function echo(value: unknown, max: number = ECHO_MAX_CHARS): string {
  const text = typeof value === 'string' ? value : String(value);
  const safe = text.replace(UNSAFE, escape);
  const points = Array.from(safe);
  if (points.length <= max) return safe;
  return `${points.slice(0, max).join('')}… (${Array.from(text).length} characters)`;
}

/**
 * Several values as one phrase: each echoed, at most `maxItems` of them, then
 * "and N more" ("a, b and 3 more").
 */
export function echoList(values: readonly unknown[], maxItems: number = ECHO_MAX_ITEMS): string {
  const shown = values.slice(0, maxItems).map((v) => echo(v));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
