/**
 * Pagefind answers a word that no page of its index has with the pages of the longest indexed
 * word the query word starts with ("jiyao" with the pages of "ji"), and leaves out a word that
 * matches nothing at all. Over one index that is a kindness to typos; over shards it is wrong: a
 * shard that lacks an author's rare first name answers with whatever short word begins it. So a
 * sharded search asks, for each word, which pages really have it, and keeps, as one index would,
 * only the results that have every word some page has.
 *
 * Which pages really have a word takes three searches, none of them reading a page:
 * - the word, as typed: the pages of every word it begins, plus, from a shard with none, the
 *   pages of the shorter word Pagefind fell back to;
 * - the word with a tail no word has: now every shard falls back, and a shard that fell back
 *   before falls back to the same shorter word, so its pages come again;
 * - the word as an exact phrase, which never falls back: the pages with the word itself, which
 *   the second search finds too, yet have it.
 * The pages of the first search that the second found and the third did not are fallbacks.
 */

/**
 * A tail that, put after a word, makes one no page has (Pagefind indexes letters and digits alone)
 * and no stemmer takes off; and that sorts before every letter and digit, so that the word with it
 * falls in the index chunk the word itself is in, and the search loads no other.
 */
const NO_SUCH_WORD = '$';

/** The words Pagefind searches for in a query, or none for an exact phrase (which needs them all anyway). */
export function queryWords(query: string | null): string[] {
  if (!query || /^\s*".+"\s*$/.test(query)) return [];
  return [...new Set(query.trim().toLowerCase().split(/\s+/))];
}

/** The three searches that tell which pages have a word: as typed, beyond every word, exactly. */
export function wordProbes(word: string): string[] {
  return [word, `${word}${NO_SUCH_WORD}`, `"${word}"`];
}

/** The pages that have a word, from the ids each of its `wordProbes` found, in their order. */
export function pagesWithWord([asTyped, beyondEveryWord, exactly]: readonly ReadonlySet<string>[]): Set<string> {
  return new Set([...asTyped].filter((id) => exactly.has(id) || !beyondEveryWord.has(id)));
}

/**
 * The results that have each word some page has. `pagesWithWord` holds, in the order of the
 * query's words, the ids of the pages that have each.
 */
export function withEveryWord<T extends { id: string }>(results: readonly T[], pagesWithWord: readonly ReadonlySet<string>[]): T[] {
  const found = pagesWithWord.filter((pages) => pages.size > 0);
  return results.filter((result) => found.every((pages) => pages.has(result.id)));
}
