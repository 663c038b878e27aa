// Imports nothing: fetch and ingest share it.

/**
 * How deep a record of ours may nest: a Hugging Face daily item is under 10 levels deep, so 64
 * is plenty, and far below what a recursive reader (jsonc-parser's tree, a schema, a walk over
 * the value) can take before it overflows the stack.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON `text` nests arrays and objects more than `limit` levels deep (`[]` is 1 deep,
 * `[{}]` 2), told by one scan of its characters, without recursion, so that it can run before
 * anything recursive reads a hostile text. Brackets inside strings do not count (escaped quotes
 * included). The text need not be valid JSON: a stray closing bracket never takes the depth below
 * 0, and brackets in JSONC comments count, so the answer can only err on the side of "too deep".
 */
export function jsonDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      // To the closing quote, stepping over each escaped character.
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (char === OPEN_ARRAY || char === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if ((char === CLOSE_ARRAY || char === CLOSE_OBJECT) && depth > 0) depth--;
  }
  return false;
}
