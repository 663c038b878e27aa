import type { SearchSortKey } from './search-keys.ts';

/**
 * The sort values of every page in the search index, by Pagefind's result id, in one file that
 * the browser loads only when a search is sorted (or browses without a query).
 *
 * Pagefind can sort by itself, but it keeps every sort order in the metadata that each first
 * query loads: on all of ../shared/data, three sorts made that file 115 KB instead of 62 KB.
 * Kept apart, a plain search does not pay for them.
 */
export interface SortTable {
  /**
   * Each page's key, in the order the shards and their fragments were read: Pagefind's id of the
   * page (its fragment's name, e.g. `en_15d25a2`), or, for an id that pages of two shards share,
   * the id and the page's URL (`en_15d25a2 /papers/2501.00001/`).
   */
  ids: string[];
  /** For each sort, the value of each page, in the order of `ids`; higher sorts first. */
  values: Record<SearchSortKey, number[]>;
  /**
   * Ids that pages of several shards share. Pagefind names a page by 7 hex digits of a hash,
   * unique within one index only: across 50,000 pages in shards a few ids will repeat.
   */
  shared: string[];
}

/** A page of the index as its Pagefind fragment records it. */
export interface IndexedPage {
  id: string;
  /** Its URL as indexed, before Pagefind adds the site's base. */
  url: string;
  meta: Record<string, string | undefined>;
}

/** A search result as the sort needs it: Pagefind's id, and its indexed URL when the id is shared. */
export interface SortableResult {
  id: string;
  url?: string;
}

const keyOf = (id: string, url: string | undefined) => (url === undefined ? id : `${id} ${url}`);

/** Builds the table from the metadata search records (upvotes, day and stars; missing counts are 0). */
export function buildSortTable(pages: readonly IndexedPage[]): SortTable {
  const count = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : 0);
  const uses = new Map<string, number>();
  for (const page of pages) uses.set(page.id, (uses.get(page.id) ?? 0) + 1);
  const shared = [...uses].filter(([, n]) => n > 1).map(([id]) => id);
  return {
    ids: pages.map((page) => keyOf(page.id, uses.get(page.id)! > 1 ? page.url : undefined)),
    shared,
    values: {
      upvotes: pages.map((page) => count(page.meta.upvotes)),
      // 2026-04-16 -> 20260416: days compare as numbers.
      date: pages.map((page) => count(page.meta.day?.replaceAll('-', ''))),
      stars: pages.map((page) => count(page.meta.stars)),
    },
  };
}

const positions = new WeakMap<SortTable, Map<string, number>>();

/**
 * Orders search results by a sort, highest first. Ties keep the order they came in (relevance,
 * or index order when browsing); a result the table does not know goes last. A result whose id
 * is in `table.shared` must come with its URL.
 */
export function sortResults<T>(results: readonly T[], sortable: (result: T) => SortableResult, table: SortTable, key: SearchSortKey): T[] {
  let position = positions.get(table);
  if (!position) positions.set(table, (position = new Map(table.ids.map((id, i) => [id, i]))));
  const values = table.values[key];
  const valueOf = (result: T) => {
    const { id, url } = sortable(result);
    const i = position.get(keyOf(id, url));
    return i === undefined ? -Infinity : values[i];
  };
  return results
    .map((result, order) => ({ result, order, value: valueOf(result) }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map(({ result }) => result);
}
