/**
 * Text as arXiv and Hugging Face ship it is hard-wrapped at about 80 columns. A bare newline is
 * a wrap; a newline followed by indentation, or a blank line, starts a paragraph.
 */

const PARAGRAPH_BREAK = /\n[ \t]*\n|\n[ \t]+/;

/** One line: every run of whitespace, newlines included, becomes one space. */
export function unwrapLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs separated by one blank line, each unwrapped to a single line. Windows' and old Macs' line ends count as newlines. */
export function unwrapParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(PARAGRAPH_BREAK)
    .map(unwrapLine)
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}
