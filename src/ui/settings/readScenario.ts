/**
 * Reading a scenario JSON file's text: validated whole by the settings schema,
 * so a bad file changes nothing and its message names what is wrong (a
 * setting, an unknown key, a key given twice, or the file as a whole: too
 * large, not JSON, not an object). Whatever the message quotes from the file
 * is echoed (src/sim/echo.ts): cut, few, and free of control characters.
 *
 * Owns: the size limit and the message. Must not touch: the rules
 * (settings.ts), React (ImportSettings.tsx reads the file and shows the message).
 */
import { echo } from '../../sim/echo';
import { describeIssues, parseSettings, quotedKeys, type Settings } from '../../sim/settings';
import { duplicateKeys } from './jsonDuplicates';

/** Longest quote of the JSON parser's own message (it can quote the file). */
const MAX_PARSER_MESSAGE = 120;

/** Files larger than this are not settings. */
export const MAX_BYTES = 64 * 1024;

/** The settings in a scenario file's text, or why there are none. */
export function readScenario(
  text: string,
): { ok: true; settings: Settings } | { ok: false; message: string } {
  // A UTF-8 file is at least as many bytes as its text has UTF-16 units.
  if (text.length > MAX_BYTES) {
    return { ok: false, message: 'the file is too large to be a scenario file' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `the file is not JSON (${error instanceof Error ? echo(error.message, MAX_PARSER_MESSAGE) : 'unreadable'})`,
    };
  }
  // JSON.parse keeps the last of a key given twice; a file means one thing or is refused.
  const twice = duplicateKeys(text);
  if (twice.length > 0) {
    return {
      ok: false,
      message: `${twice.length === 1 ? 'the key' : 'the keys'} ${quotedKeys(twice)} ${twice.length === 1 ? 'is' : 'are'} given more than once`,
    };
  }
  const parsed = parseSettings(value);
  return parsed.ok ? parsed : { ok: false, message: describeIssues(parsed.issues) };
}
