import { withoutUndefined } from '../lib/objects.ts';
import { paperDocumentSchema, type PaperDocument } from '../schema/paper.ts';
import type { Diagnostic } from './diagnostics.ts';
import { diagnosticAt, type Draft, type DraftField } from './sources/source-record.ts';
import { unwrapLine, unwrapParagraphs } from './text.ts';

const LINK_FIELDS = ['githubRepo', 'projectPage'] as const;

/**
 * Turns a draft into a valid paper document: text unwrapped and trimmed, links that are not
 * http(s) dropped with a warning, empty values left out, then the record schema checked.
 * Problems point back at the field of the source record they came from.
 */
export function normalize(draft: Draft): { document?: PaperDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (field: DraftField) => draft.origins[field] ?? [];
  const fields = { ...draft.fields };

  fields.title = mapText(fields.title, unwrapLine);
  fields.abstract = mapText(fields.abstract, unwrapParagraphs);
  fields.aiSummary = emptyToUndefined(mapText(fields.aiSummary, unwrapLine));
  fields.authors = mapList(fields.authors, unwrapLine);
  fields.keywords = emptyToUndefined(mapList(fields.keywords, unwrapLine)?.filter((word) => word !== ''));

  for (const field of LINK_FIELDS) {
    const url = emptyToUndefined(mapText(fields[field], (text) => text.trim()));
    if (typeof url === 'string' && !isHttpUrl(url)) {
      diagnostics.push(diagnosticAt(draft.record, at(field), 'warning', `dropped: only http(s) links are kept, got ${JSON.stringify(url.slice(0, 80))}`));
      fields[field] = undefined;
    } else fields[field] = url;
  }

  const { abstract, ...paper } = fields;
  const parsed = paperDocumentSchema.safeParse({ paper: withoutUndefined(paper), abstract });
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

function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text) && URL.canParse(text);
}

/** Applies `map` to a string value; anything else passes unchanged for the schema to judge. */
function mapText<T>(value: T, map: (text: string) => string): T | string {
  return typeof value === 'string' ? map(value) : value;
}

function mapList(value: unknown, map: (text: string) => string): unknown[] | undefined {
  return Array.isArray(value) ? value.map((item) => mapText(item, map)) : (value as undefined);
}

function emptyToUndefined<T>(value: T): T | undefined {
  return value === '' || (Array.isArray(value) && value.length === 0) ? undefined : value;
}
