import { createHash } from 'node:crypto';
import { ATOM, children, isErrorEntryId, parseAtomFeed } from '../ingest/sources/arxiv-atom.ts';
import { parseArxivId } from '../lib/arxiv-id.ts';
import { slugify } from '../lib/slugify.ts';
import { BadBody, type HttpClient } from './http.ts';

const OPENSEARCH = 'http://a9.com/-/spec/opensearch/1.1/';

/** What to ask arXiv: a search query (`cat:cs.CL AND ti:agents`), or a list of ids. */
export type ArxivRequest = { query: string } | { ids: string[] };

/** arXiv asks API clients to wait 3 s between calls. */
export const ARXIV_SPACING_MS = 3000;

/** Ids as arXiv reads them (`2506.01234`, `2506.01234v2`, `hep-th/9901001`), or the first one that is no id. */
export function normalizeIds(raw: readonly string[]): { ids: string[] } | { bad: string } {
  const ids: string[] = [];
  for (const text of raw.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean)) {
    const parsed = parseArxivId(text);
    if (!parsed) return { bad: text };
    ids.push(parsed.version ? `${parsed.id}v${parsed.version}` : parsed.id);
  }
  return { ids: [...new Set(ids)].sort() };
}

/**
 * The stable name of a request's file: `query-<slug>-<hash>` or `ids-<slug>-<hash>`, the slug
 * readable and cut to 60 characters, the hash (8 hex digits of SHA-256) of the whole request so
 * two requests never share a file. A date in the slug loses its hyphens (`20260617`): ingest
 * would take `YYYY-MM-DD` in a file name for the list day.
 */
export function arxivFileName(request: ArxivRequest): string {
  const [kind, text] = 'query' in request ? ['query', request.query] : ['ids', request.ids.join(' ')];
  const hash = createHash('sha256').update(`${kind}\n${text}`).digest('hex').slice(0, 8);
  const slug = slugify(text).replace(/[^a-z0-9-]/g, '').replace(/(\d{4})-(\d{2})-(\d{2})/g, '$1$2$3').slice(0, 60).replace(/-+$/, '');
  return `${kind}-${slug ? `${slug}-` : ''}${hash}`;
}

/**
 * Fetches a request from the arXiv API, one Atom response per page: a query `pageSize` results
 * at a time (`start`, `max_results`) until a page is short, the total is reached or `max` results
 * are in; a list of ids `pageSize` ids at a time. The client spaces the calls.
 */
export async function fetchArxiv(client: HttpClient, apiUrl: string, request: ArxivRequest, { pageSize = 100, max = 1000 } = {}): Promise<{ pages: string[]; entries: number }> {
  const pages: string[] = [];
  let entries = 0;
  const get = async (params: Record<string, string>) => {
    const url = new URL(apiUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const { body, value } = await client.get(url.href, checkArxivPage);
    pages.push(body);
    entries += value.entries;
    return value;
  };
  if ('ids' in request) {
    for (let start = 0; start < request.ids.length; start += pageSize) {
      const chunk = request.ids.slice(start, start + pageSize);
      await get({ id_list: chunk.join(','), max_results: String(chunk.length) });
    }
    return { pages, entries };
  }
  while (entries < max) {
    const asked = Math.min(pageSize, max - entries);
    const page = await get({ search_query: request.query, start: String(entries), max_results: String(asked) });
    if (page.entries < asked || (page.total !== undefined && entries >= page.total)) break;
  }
  return { pages, entries };
}

/**
 * Checks one arXiv API body: well-formed Atom, else a retry (an HTML page, a body cut short, the
 * plain-text "Rate exceeded."). An error entry (HTTP 200 with an entry whose id is
 * `http://arxiv.org/api/errors#...`) fails at once with arXiv's message: the query itself is wrong.
 */
export function checkArxivPage(body: string): { entries: number; total?: number } {
  if (/^\s*rate exceeded/i.test(body)) throw new BadBody('arXiv says: Rate exceeded', { retry: true });
  const parsed = parseAtomFeed(body);
  if ('problem' in parsed) throw new BadBody(`not an Atom feed: ${parsed.problem} (line ${parsed.line})`, { retry: true });
  const textOf = (parent: (typeof parsed.entries)[number], namespace: string, name: string) => children(parent, namespace, name)[0]?.textContent?.trim() ?? '';
  const error = parsed.entries.find((entry) => isErrorEntryId(textOf(entry, ATOM, 'id')));
  if (error) throw new BadBody(`arXiv answered with an error: ${textOf(error, ATOM, 'summary') || 'no detail'}`, { retry: false });
  const total = Number.parseInt(textOf(parsed.feed, OPENSEARCH, 'totalResults'), 10);
  return { entries: parsed.entries.length, total: Number.isNaN(total) ? undefined : total };
}
