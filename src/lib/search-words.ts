/**
 * Pagefind leaves out of a query any word that no page of its index has, and matches on the
 * others. Over one index that is a kindness to typos; over shards it is wrong: a shard that lacks
 * an author's rare first name would answer for their common last name alone. So a sharded search
 * also asks for each word alone, and keeps, as one index would, only the pages that have every
 * word that some page of any shard has.
 */

/** The words Pagefind searches for in a query, or none for an exact phrase (which needs them all anyway). */
export function queryWords(query: string | null): string[] {
  if (!query || /^\s*".+"\s*$/.test(query)) return [];
  return [...new Set(query.trim().toLowerCase().split(/\s+/))];
}

/**
 * The results that have each word some page has. `pagesWithWord` holds, in the order of the
 * query's words, the ids of the pages that have each (none for a query of one word).
 */
export function withEveryWord<T extends { id: string }>(results: readonly T[], pagesWithWord: readonly ReadonlySet<string>[]): T[] {
  const found = pagesWithWord.filter((pages) => pages.size > 0);
  return results.filter((result) => found.every((pages) => pages.has(result.id)));
}
