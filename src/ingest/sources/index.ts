import { arxivAtom } from './arxiv-atom.ts';
import { arxivListing } from './arxiv-listing.ts';
import { hfDaily } from './hf-daily.ts';
import { hfPaper } from './hf-paper.ts';
import { ownCsv, ownJson, ownJsonLines } from './own.ts';
import type { SourceFormat } from './source-record.ts';

/** Every format ingest reads, by the name `--format` takes. */
export const formats: Record<string, SourceFormat> = Object.fromEntries(
  [hfDaily, hfPaper, arxivAtom, arxivListing, ownJson, ownJsonLines, ownCsv].map((format) => [format.name, format]),
);

/** File name endings ingest picks up when given a folder. */
export const inputExtensions = ['.json', '.jsonl', '.ndjson', '.csv', '.xml', '.atom'];

/**
 * Tells a file's format from its content, not its name: XML is an arXiv Atom feed; JSON or JSON
 * Lines is told apart by the keys of its first record; text whose first line names `id` and
 * `title` columns is CSV. Undefined when none fits.
 */
export function detectFormat(text: string): SourceFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return arxivAtom;
  if (start.startsWith('[') || start.startsWith('{')) {
    const whole = tryParse(start);
    if (whole !== undefined) return byKeys(Array.isArray(whole) ? whole[0] : whole, false);
    const firstLine = tryParse(firstLineOf(start));
    // One object per line is JSON Lines; anything else is (broken) JSON, which readJson reports with positions.
    return firstLine !== undefined && !Array.isArray(firstLine) ? byKeys(firstLine, true) : start.startsWith('[') ? hfDaily : ownJson;
  }
  const header = firstLineOf(start).split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  return header.includes('id') && header.includes('title') ? ownCsv : undefined;
}

function byKeys(sample: unknown, lines: boolean): SourceFormat {
  const record = (typeof sample === 'object' && sample !== null ? sample : {}) as Record<string, unknown>;
  if ('paper' in record) return hfDaily;
  if ('abstract' in record) return lines ? ownJsonLines : ownJson;
  const authors = record.authors as unknown[] | undefined;
  if (lines && typeof authors?.[0] === 'string') return arxivListing;
  if (typeof authors?.[0] === 'object') return hfPaper;
  return lines ? ownJsonLines : ownJson;
}

function firstLineOf(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
