// Imports nothing: ingest, fetch, feeds and the command lines share it.

/**
 * Characters no text of ours may carry: C0 controls but tab, line feed and carriage return, DEL,
 * C1 controls, Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of every
 * plane, U+FFFE among them) and unpaired surrogates. XML 1.0 forbids most of them (a feed that
 * holds one is not well-formed, and readers drop the whole feed), UTF-8 cannot encode a lone
 * surrogate, and ESC starts the sequences a terminal obeys.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `text` holds a character `withoutControlCharacters` would take out. */
export function hasControlCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/**
 * `text` without the characters above: what ingest keeps of a record's text, so that every page,
 * feed and data file made from it is well-formed. Everything else, tab and newlines included,
 * stays as written.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(UNSAFE, '');
}

/**
 * `text` safe to print on a terminal: each unsafe character (and tab, line feed, carriage return,
 * which would break a one-line message) written as a visible `\u{1b}` escape, so a server's or a
 * record's text can never move the cursor, recolour the screen or retitle the window.
 */
export function forTerminal(text: string): string {
  return text.replace(/[\t\n\r]/g, (char) => escaped(char)).replace(UNSAFE, escaped);
}

function escaped(char: string): string {
  return `\\u{${char.codePointAt(0)!.toString(16)}}`;
}
