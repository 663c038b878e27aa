import { DOMParser, type Element } from '@xmldom/xmldom';
import { parseArxivId } from '../../lib/arxiv-id.ts';
import { utcDay } from '../../lib/dates.ts';
import { withoutUndefined } from '../../lib/objects.ts';
import { arxivAtomEntrySchema } from '../../schema/arxiv.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { unwrapLine } from '../text.ts';
import { diagnosticAt, parseAt, type SourceFormat, type SourceRecord } from './source-record.ts';

export const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';

type Position = { line: number; column: number };

/**
 * arXiv API responses (`/api/query`): an Atom feed, one `<entry>` per paper. Versioned ids are
 * split into id and version. The list day is the day in the file name when it has one, else the
 * UTC day arXiv first published the paper. An "Error" entry (arXiv answers a bad query with
 * HTTP 200 and such an entry) is reported, not ingested.
 */
export const arxivAtom: SourceFormat = {
  name: 'arxiv-atom',
  read(text, file) {
    const diagnostics: Diagnostic[] = [];
    const parsed = parseAtomFeed(text);
    if ('problem' in parsed) return { records: [], diagnostics: [{ file, line: parsed.line, column: parsed.column, severity: 'error', field: '-', message: parsed.problem }] };
    const records: SourceRecord[] = [];
    for (const entry of parsed.entries) {
      const record = entryRecord(entry, file);
      if (isErrorEntryId(String((record.value as { id?: string }).id ?? ''))) diagnostics.push(diagnosticAt(record, [], 'error', `arXiv answered with an error: ${unwrapLine((record.value as { summary?: string }).summary ?? 'no detail')}`));
      else records.push(record);
    }
    return { records, diagnostics };
  },
  toDraft(record, { fileDay }) {
    const entry = parseAt(record, arxivAtomEntrySchema, record.value);
    if (Array.isArray(entry)) return entry;
    const parsedId = parseArxivId(entry.id);
    if (!parsedId) return [diagnosticAt(record, ['id'], 'error', `not an arXiv abstract URL: ${JSON.stringify(entry.id)}`)];
    const affiliations = entry.authors.filter((author) => author.affiliations.length > 0).map((author) => ({ author: author.name, names: author.affiliations }));
    return {
      record,
      source: 'arxiv-atom',
      fields: {
        id: parsedId.id,
        version: parsedId.version,
        title: entry.title,
        authors: entry.authors.map((author) => author.name),
        affiliations: affiliations.length ? affiliations : undefined,
        days: fileDay ? [fileDay] : entry.published ? [utcDay(entry.published)] : undefined,
        publishedAt: entry.published,
        updatedAt: entry.updated,
        categories: entry.categories.length ? entry.categories : undefined,
        primaryCategory: entry.primaryCategory,
        comment: entry.comment,
        journalRef: entry.journalRef,
        doi: entry.doi,
        abstract: entry.summary,
      },
      origins: {
        id: ['id'], version: ['id'], title: ['title'], authors: ['authors'], affiliations: ['authors'], days: ['published'],
        publishedAt: ['published'], updatedAt: ['updated'], categories: ['categories'], primaryCategory: ['primaryCategory'],
        comment: ['comment'], journalRef: ['journalRef'], doi: ['doi'], abstract: ['summary'],
      },
    };
  },
};

/**
 * Parses an arXiv API response: well-formed XML whose root is an Atom `<feed>`, with its
 * `<entry>` elements; or the problem, where it is.
 */
export function parseAtomFeed(text: string): { feed: Element; entries: Element[] } | { problem: string; line: number; column: number } {
  let document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const located = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = String((error as Error).message).split('\n')[0].replace(/^\[xmldom \w+\]\s*/, '');
    return { problem: `invalid XML: ${message}`, line: located?.lineNumber ?? 1, column: located?.columnNumber ?? 1 };
  }
  const feed = document.documentElement;
  if (!feed || feed.namespaceURI !== ATOM || feed.localName !== 'feed') return { problem: 'expected an Atom <feed> from the arXiv API', line: 1, column: 1 };
  return { feed, entries: children(feed, ATOM, 'entry') };
}

/** arXiv answers a bad query with HTTP 200 and an entry whose id is `http://arxiv.org/api/errors#...`. */
export function isErrorEntryId(id: string): boolean {
  return id.includes('/api/errors');
}

/** Reads one entry into a plain object, remembering where each element was. */
function entryRecord(entry: Element, file: string): SourceRecord {
  const positions = new Map<string, Position>();
  const at = (element: Element | undefined, key: string) => {
    if (element) positions.set(key, { line: element.lineNumber ?? 1, column: element.columnNumber ?? 1 });
    return element;
  };
  const textOf = (namespace: string, name: string, key = name) => {
    const element = at(children(entry, namespace, name)[0], key);
    return element ? element.textContent ?? '' : undefined;
  };
  const authors = children(entry, ATOM, 'author').map((author, index) => {
    at(author, `authors.${index}`);
    return {
      name: unwrapLine(children(author, ATOM, 'name')[0]?.textContent ?? ''),
      affiliations: children(author, ARXIV, 'affiliation').map((element) => unwrapLine(element.textContent ?? '')).filter(Boolean),
    };
  });
  const categoryElements = children(entry, ATOM, 'category');
  at(categoryElements[0], 'categories');
  const primary = at(children(entry, ARXIV, 'primary_category')[0], 'primaryCategory');
  const value = {
    id: textOf(ATOM, 'id')?.trim(),
    title: textOf(ATOM, 'title'),
    summary: textOf(ATOM, 'summary'),
    authors,
    published: textOf(ATOM, 'published')?.trim(),
    updated: textOf(ATOM, 'updated')?.trim(),
    categories: categoryElements.map((element) => element.getAttribute('term') ?? '').filter(Boolean),
    primaryCategory: primary?.getAttribute('term') ?? undefined,
    comment: textOf(ARXIV, 'comment'),
    journalRef: textOf(ARXIV, 'journal_ref', 'journalRef'),
    doi: textOf(ARXIV, 'doi')?.trim(),
  };
  const entryPosition = { line: entry.lineNumber ?? 1, column: entry.columnNumber ?? 1 };
  return {
    file,
    value: withoutUndefined(value),
    locate: (path) => positions.get(path.slice(0, 2).join('.')) ?? positions.get(String(path[0])) ?? entryPosition,
  };
}

export function children(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === namespace && (node as Element).localName === localName) found.push(node as Element);
  }
  return found;
}
