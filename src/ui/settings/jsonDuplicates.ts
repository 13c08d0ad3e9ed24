/**
 * Finding keys given twice in one JSON object (`{"seed": 1, "seed": 2}`),
 * which JSON.parse accepts silently by keeping the last value.
 *
 * Owns: one linear pass over JSON text that JSON.parse has already accepted:
 * strings read with their escapes (so "seed" and "\u0073eed" are one key),
 * objects and arrays nested to any depth, each object's keys compared within
 * that object only. Must not touch: what a duplicate means for the file
 * (readScenario.ts rejects it) or how it is shown (echo.ts).
 */

/** Keys given more than once, each once, in the order their second use appears. */
export function duplicateKeys(text: string): string[] {
  // One entry per open object or array: an object's keys so far, or null for an array.
  const stack: (Set<string> | null)[] = [];
  const found = new Set<string>();
  // Inside an object, the next string is a key (after "{" or ",").
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      const keys = stack.at(-1);
      if (expectKey && keys) {
        // Valid JSON (the caller parsed it), so the slice is one JSON string.
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (keys.has(key)) found.add(key);
        else keys.add(key);
        expectKey = false;
      }
    } else if (ch === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === '[') {
      stack.push(null);
      expectKey = false;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectKey = false;
    } else if (ch === ',') {
      expectKey = stack.at(-1) instanceof Set;
    }
    i += 1;
  }
  return [...found];
}
