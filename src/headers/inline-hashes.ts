import { createHash } from 'node:crypto';

/**
 * Adds to `found` the CSP hash source (`sha256-...`) of each inline script and style element of a
 * page, as a browser computes it: over the exact text between the tags. Abstracts cannot add one:
 * the pages escape their text, so `<script>` in an abstract is `&lt;script&gt;`.
 */
export function collectInlineHashes(html: string, found: { scripts: Set<string>; styles: Set<string> }): void {
  // Inline `<script>` and `<style>` elements; a script with `src`, or of a data type (JSON-LD),
  // runs nothing inline. (Here, not in the module, so that the function's text says all it does:
  // the headers integration keeps its findings under that text.)
  const inline = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;
  const notRun = /\bsrc\s*=|\btype\s*=\s*["']?application\/(?:ld\+)?json/i;
  for (const [, tag, attributes, body] of html.matchAll(inline)) {
    if (tag.toLowerCase() === 'script' && notRun.test(attributes)) continue;
    (tag.toLowerCase() === 'script' ? found.scripts : found.styles).add(cspHash(body));
  }
}

/** The CSP hash source of a script's or style's text: `sha256-` and the base64 SHA-256 of its UTF-8. */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
