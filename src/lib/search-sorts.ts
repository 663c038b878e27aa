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
  /** Pagefind's id of each page (its fragment's name, e.g. `en_15d25a2`), in file-name order. */
  ids: string[];
  /** For each sort, the value of each page, in the order of `ids`; higher sorts first. */
  values: Record<SearchSortKey, number[]>;
}

/** A page of the index as its Pagefind fragment records it. */
export interface IndexedPage {
  id: string;
  meta: Record<string, string | undefined>;
}

/** Builds the table from the metadata search records (upvotes, day and stars; missing counts are 0). */
export function buildSortTable(pages: readonly IndexedPage[]): SortTable {
  const count = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : 0);
  return {
    ids: pages.map((page) => page.id),
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
 * or index order when browsing); a result the table does not know goes last.
 */
export function sortResults<T extends { id: string }>(results: readonly T[], table: SortTable, key: SearchSortKey): T[] {
  let position = positions.get(table);
  if (!position) positions.set(table, (position = new Map(table.ids.map((id, i) => [id, i]))));
  const values = table.values[key];
  const valueOf = (result: T) => {
    const i = position.get(result.id);
    return i === undefined ? -Infinity : values[i];
  };
  return results
    .map((result, order) => ({ result, order, value: valueOf(result) }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map(({ result }) => result);
}
