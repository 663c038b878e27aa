import { parseTree } from 'jsonc-parser';
import { jsonDepthOver, MAX_JSON_DEPTH } from '../lib/json-depth.ts';
import { hfDailyPageSchema } from '../schema/hugging-face.ts';
import { BadBody, type HttpClient } from './http.ts';

/** One item of a day's list: its paper id, and its JSON text exactly as the API sent it. */
export interface HfItem {
  id: string;
  text: string;
}

export interface HfDay {
  day: string;
  /** The day's items, pages in order, each paper once. */
  items: HfItem[];
  /** What to save: the answer byte for byte when it came in one page, else the pages' items in one array. */
  text: string;
  /** Requests it took (the last one short or empty). */
  pages: number;
}

/**
 * Fetches one day of `/api/daily_papers`, page by page (`p` from 0, `limit` items a page) until a
 * page is short or empty. A page that brings no new paper also ends it, so an API that ignored
 * `p` could not loop forever.
 */
export async function fetchHfDay(client: HttpClient, apiUrl: string, day: string, { limit = 50, maxPages = 100 } = {}): Promise<HfDay> {
  const items: HfItem[] = [];
  const seen = new Set<string>();
  const withItems: string[] = [];
  let requests = 0;
  let repeats = 0;
  while (requests < maxPages) {
    const url = new URL(apiUrl);
    url.searchParams.set('date', day);
    url.searchParams.set('p', String(requests++));
    url.searchParams.set('limit', String(limit));
    const { body, value: pageItems } = await client.get(url.href, readHfItems);
    // Each paper once, also when a page repeats one (the list shifted between two pages).
    const fresh = pageItems.filter((item) => !seen.has(item.id) && seen.add(item.id));
    items.push(...fresh);
    if (pageItems.length > 0) withItems.push(body);
    repeats += pageItems.length - fresh.length;
    if (pageItems.length < limit || fresh.length === 0) break;
  }
  const verbatim = withItems.length === 1 && repeats === 0;
  return { day, items, text: verbatim ? withItems[0] : joinHfItems(items), pages: requests };
}

/**
 * The items of a daily-papers body, each with its exact text; throws `BadBody` (worth a retry)
 * when the body is not a whole JSON array of items that name their paper: an HTML page, a body
 * cut short, an error object. A body nested deeper than any item (jsonc-parser's tree, below, is
 * recursive: 20,000 levels overflow the stack) is refused without a retry.
 */
export function readHfItems(body: string): HfItem[] {
  if (jsonDepthOver(body, MAX_JSON_DEPTH)) throw new BadBody(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, { retry: false });
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const what = body.trimStart().startsWith('<') ? 'an HTML page, not JSON' : `not whole JSON (${(error as Error).message})`;
    throw new BadBody(what, { retry: true });
  }
  const page = hfDailyPageSchema.safeParse(value);
  if (!page.success) {
    const issue = page.error.issues[0];
    throw new BadBody(`not a list of daily papers: ${issue.path.join('.') || 'the body'}: ${issue.message}`, { retry: true });
  }
  const nodes = parseTree(body)?.children ?? [];
  return page.data.map((item, index) => ({ id: item.paper.id, text: body.slice(nodes[index].offset, nodes[index].offset + nodes[index].length) }));
}

/** Items as one JSON array, each item's text as it came. */
export function joinHfItems(items: readonly HfItem[]): string {
  return `[${items.map((item) => item.text).join(',')}]`;
}
