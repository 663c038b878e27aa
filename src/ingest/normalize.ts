import { parseArxivId } from '../lib/arxiv-id.ts';
import { isRenderableUrl } from '../lib/links.ts';
import { withoutUndefined } from '../lib/objects.ts';
import { paperDocumentSchema, type PaperDocument } from '../schema/paper.ts';
import type { Diagnostic } from './diagnostics.ts';
import { diagnosticAt, type Draft, type DraftField } from './sources/source-record.ts';
import { unwrapLine, unwrapParagraphs } from './text.ts';

const LINK_FIELDS = ['githubRepo', 'projectPage', 'thumbnail'] as const;
const LINE_FIELDS = ['title', 'aiSummary', 'comment', 'journalRef', 'primaryCategory', 'doi'] as const;
const LIST_FIELDS = ['authors', 'keywords', 'categories'] as const;
const ACCOUNT_FIELDS = ['organization', 'submittedBy'] as const;

/**
 * Turns a draft into a valid paper document: the id read in any arXiv form and its version split
 * off, text unwrapped and trimmed, links that are not http(s) dropped with a warning, empty
 * values left out, then the record schema checked. Problems point back at the field of the
 * source record they came from.
 */
export function normalize(draft: Draft): { document?: PaperDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...(draft.warnings ?? [])];
  const at = (field: DraftField) => draft.origins[field] ?? [];
  const fields = { ...draft.fields };

  if (typeof fields.id === 'string') {
    const parsed = parseArxivId(fields.id);
    if (parsed) {
      fields.id = parsed.id;
      fields.version ??= parsed.version;
    }
  }
  for (const field of LINE_FIELDS) fields[field] = emptyToUndefined(mapText(fields[field], unwrapLine));
  for (const field of LIST_FIELDS) fields[field] = emptyToUndefined(mapList(fields[field], unwrapLine));
  fields.abstract = mapText(fields.abstract, unwrapParagraphs);
  for (const field of ACCOUNT_FIELDS) fields[field] = mapAccount(fields[field]);

  const keepLink = (url: unknown, origin: readonly PropertyKey[]) => {
    if (typeof url !== 'string') return url;
    // A link hard-wrapped like the text around it (`https://github.com/x/\nrepo`) is one link.
    const trimmed = url.replace(/\s+/g, '');
    if (trimmed === '') return undefined;
    if (isRenderableUrl(trimmed)) return trimmed;
    diagnostics.push(diagnosticAt(draft.record, origin, 'warning', `dropped: only http(s) links are kept, got ${JSON.stringify(trimmed.slice(0, 80))}`));
    return undefined;
  };
  for (const field of LINK_FIELDS) fields[field] = keepLink(fields[field], at(field));
  if (Array.isArray(fields.media)) fields.media = emptyToUndefined(fields.media.map((url, index) => keepLink(url, [...at('media'), index])).filter((url) => url !== undefined));

  if (fields.days === undefined) {
    diagnostics.push(diagnosticAt(draft.record, at('days'), 'error', 'no list day: the record gives none and the file name holds no YYYY-MM-DD date'));
    return { diagnostics };
  }

  const { abstract, ...paper } = fields;
  const parsed = paperDocumentSchema.safeParse({ paper: { ...withoutUndefined(paper), sources: [draft.source] }, abstract });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [group, field, ...rest] = issue.path;
      const origin = group === 'abstract' ? at('abstract') : [...at(field as DraftField), ...rest];
      diagnostics.push(diagnosticAt(draft.record, origin, 'error', issue.message));
    }
    return { diagnostics };
  }
  return { document: parsed.data, diagnostics };
}


/** Applies `map` to a string value; anything else passes unchanged for the schema to judge. */
function mapText<T>(value: T, map: (text: string) => string): T | string {
  return typeof value === 'string' ? map(value) : value;
}

/** Applies `map` to each string of a list and drops the items that end up empty. */
function mapList<T>(value: T, map: (text: string) => string): T | unknown[] {
  return Array.isArray(value) ? value.map((item) => mapText(item, map)).filter((item) => item !== '') : value;
}

/** Unwraps the names of an organization or account; other shapes pass for the schema to judge. */
function mapAccount(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, name]) => [key, mapText(name, unwrapLine)]));
}

function emptyToUndefined<T>(value: T): T | undefined {
  return value === '' || (Array.isArray(value) && value.length === 0) ? undefined : value;
}
