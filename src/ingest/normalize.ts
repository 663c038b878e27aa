import { parseArxivId } from '../lib/arxiv-id.ts';
import { hasControlCharacters, withoutControlCharacters } from '../lib/control-characters.ts';
import { addDaysTo, utcToday } from '../lib/dates.ts';
import { isGitHubUrl, isRenderableUrl } from '../lib/links.ts';
import { withoutUndefined } from '../lib/objects.ts';
import { paperDocumentSchema, type PaperDocument } from '../schema/paper.ts';
import type { Diagnostic } from './diagnostics.ts';
import { diagnosticAt, type Draft, type DraftField } from './sources/source-record.ts';
import { unwrapLine, unwrapParagraphs } from './text.ts';

const LINK_FIELDS = ['githubRepo', 'projectPage', 'thumbnail'] as const;
const LINE_FIELDS = ['title', 'aiSummary', 'comment', 'journalRef', 'primaryCategory', 'doi'] as const;
const LIST_FIELDS = ['authors', 'keywords', 'categories'] as const;
const ACCOUNT_FIELDS = ['organization', 'submittedBy'] as const;

/** The first day a list can have: arXiv opened in August 1991. */
export const EARLIEST_DAY = '1991-08-01';

/** The last list day ingest takes on `today` (UTC): tomorrow, since a list for tomorrow may already be out where the day has begun. */
export function latestDay(today = utcToday()): string {
  return addDaysTo(today, 1);
}

export interface NormalizeOptions {
  /** The UTC day of the run, which bounds the list days taken (default: today). */
  today?: string;
}

/**
 * Turns a draft into a valid paper document: control characters taken out of every text (with a
 * warning), the id read in any arXiv form and its version split off, text unwrapped and trimmed,
 * links that are not http(s) dropped with a warning, empty values left out, list days outside
 * [EARLIEST_DAY, tomorrow] refused, then the record schema checked. Problems point back at the
 * field of the source record they came from.
 */
export function normalize(draft: Draft, { today }: NormalizeOptions = {}): { document?: PaperDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...(draft.warnings ?? [])];
  const at = (field: DraftField) => draft.origins[field] ?? [];
  const fields = { ...draft.fields };

  for (const [field, value] of Object.entries(fields) as [DraftField, unknown][]) {
    const { cleaned, removed } = withoutControlCharactersIn(value);
    if (removed === 0) continue;
    fields[field] = cleaned;
    diagnostics.push(diagnosticAt(draft.record, at(field), 'warning', `removed ${removed} control or non-character${removed === 1 ? '' : 's'} (such as ESC, U+0001 or U+FFFE), which no page or feed may hold`));
  }

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

  const keepLink = (url: unknown, origin: readonly PropertyKey[], { github = false } = {}) => {
    if (typeof url !== 'string') return url;
    // A link hard-wrapped like the text around it (`https://github.com/x/\nrepo`) is one link.
    const trimmed = url.replace(/\s+/g, '');
    if (trimmed === '') return undefined;
    if (github ? isGitHubUrl(trimmed) : isRenderableUrl(trimmed)) return trimmed;
    const rule = github ? 'the code link must go to github.com' : 'only http(s) links to a well-formed host are kept';
    diagnostics.push(diagnosticAt(draft.record, origin, 'warning', `dropped: ${rule}, got ${JSON.stringify(trimmed.slice(0, 80))}`));
    return undefined;
  };
  for (const field of LINK_FIELDS) fields[field] = keepLink(fields[field], at(field), { github: field === 'githubRepo' });
  const organization = fields.organization;
  if (typeof organization === 'object' && organization !== null && 'avatar' in organization) {
    fields.organization = withoutUndefined({ ...organization, avatar: keepLink(organization.avatar, [...at('organization'), 'avatar']) });
  }
  if (Array.isArray(fields.media)) fields.media = emptyToUndefined(fields.media.map((url, index) => keepLink(url, [...at('media'), index])).filter((url) => url !== undefined));

  if (fields.days === undefined) {
    diagnostics.push(diagnosticAt(draft.record, at('days'), 'error', 'no list day: the record gives none and the file name holds no YYYY-MM-DD date'));
    return { diagnostics };
  }

  const last = latestDay(today);
  const outside = Array.isArray(fields.days) ? fields.days.filter((day) => typeof day === 'string' && (day > last || day < EARLIEST_DAY)) : [];
  if (outside.length > 0) {
    diagnostics.push(diagnosticAt(draft.record, at('days'), 'error', `list day ${outside[0]} is outside the days taken, ${EARLIEST_DAY} to tomorrow (${last}, UTC); record skipped`));
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


/** `value` with control characters taken out of each string in it, and how many were. */
function withoutControlCharactersIn(value: unknown): { cleaned: unknown; removed: number } {
  if (typeof value === 'string') {
    if (!hasControlCharacters(value)) return { cleaned: value, removed: 0 };
    const cleaned = withoutControlCharacters(value);
    return { cleaned, removed: [...value].length - [...cleaned].length };
  }
  if (typeof value !== 'object' || value === null) return { cleaned: value, removed: 0 };
  let removed = 0;
  const clean = (item: unknown) => {
    const result = withoutControlCharactersIn(item);
    removed += result.removed;
    return result.cleaned;
  };
  const cleaned = Array.isArray(value) ? value.map(clean) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clean(item)]));
  return removed === 0 ? { cleaned: value, removed } : { cleaned, removed };
}

/** Applies `map` to a string value; anything else passes unchanged for the schema to judge. */
function mapText<T>(value: T, map: (text: string) => string): T | string {
  return typeof value === 'string' ? map(value) : value;
}

/** Applies `map` to each string of a list and drops the items that end up empty. */
function mapList<T>(value: T, map: (text: string) => string): T | unknown[] {
  return Array.isArray(value) ? value.map((item) => mapText(item, map)).filter((item) => item !== '') : value;
}

/**
 * Unwraps the names of an organization or account; other shapes pass for the schema to judge.
 * A display name left empty (it was only control characters or spaces) becomes the handle, and
 * an account without a handle is left out: neither is worth losing the paper for.
 */
function mapAccount(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const account: Record<string, unknown> = Object.fromEntries(Object.entries(value).map(([key, text]) => [key, mapText(text, unwrapLine)]).filter(([, text]) => text !== undefined));
  if (account.name === '') return undefined;
  if (account.fullname === '') account.fullname = account.name;
  return account;
}

function emptyToUndefined<T>(value: T): T | undefined {
  return value === '' || (Array.isArray(value) && value.length === 0) ? undefined : value;
}
