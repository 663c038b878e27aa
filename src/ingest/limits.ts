import { MAX_JSON_DEPTH } from '../lib/json-depth.ts';

/**
 * The most ingest takes, past the field limits of the record schema (FIELD_LIMITS in src/schema/paper.ts): beyond
 * each, the file, line or record is skipped with a diagnostic and the rest is read. Each is far
 * above any real input: a Hugging Face day is some 200 KB, an arXiv listing day a few MB, and the
 * largest real record (a collaboration's 3,000 authors) about 200 KB.
 */
export const INPUT_LIMITS = {
  /** Bytes of one input file: a larger one is not read (split it into days or parts). */
  fileBytes: 256 * 2 ** 20,
  /** Characters of one record's text: a JSON Lines line, a CSV row. */
  recordChars: 2 * 2 ** 20,
  /** Levels of nesting in a JSON text (the same as fetch's); deeper would overflow the stack of the recursive readers. */
  jsonDepth: MAX_JSON_DEPTH,
} as const;

