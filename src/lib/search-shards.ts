/**
 * The search index is split into shards of consecutive days, so that a first query loads only
 * the newest papers' index before it shows results, and a new day re-indexes only the newest
 * shard. Pagefind's own cost grows with the pages of an index: every first query loads its
 * metadata (about 7 bytes a page), and the chunk of a common word lists every page that has it.
 *
 * Shards are filled greedily from the oldest day, a whole day at a time, up to `capacity`
 * papers. So adding later days changes only the newest shard (or opens a new one), and older
 * shards, their files and their URLs stay as they were.
 */
export interface SearchShard {
  /** Its first day, which names its folder: `pagefind/2026-01-05/`. */
  id: string;
  /** Its last day. */
  to: string;
  papers: number;
}

/** Plans shards over papers given by the day each one files under (its first listing day). */
export function planSearchShards(paperDays: Iterable<string>, capacity: number): SearchShard[] {
  const perDay = new Map<string, number>();
  for (const day of paperDays) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  const shards: SearchShard[] = [];
  for (const day of [...perDay.keys()].sort()) {
    const papers = perDay.get(day)!;
    const open = shards.at(-1);
    if (open && open.papers + papers <= capacity) Object.assign(open, { to: day, papers: open.papers + papers });
    else shards.push({ id: day, to: day, papers });
  }
  return shards;
}

/** The shard a day's papers go to: the last one that starts on or before it. */
export function shardOfDay(shards: readonly SearchShard[], day: string): SearchShard {
  let low = 0;
  let high = shards.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (shards[middle].id <= day) low = middle;
    else high = middle - 1;
  }
  return shards[low];
}

/**
 * The shards the browser searches, as bundle ids, newest first: first the newest shard alone,
 * whose results show as soon as they are found, then every shard, merged by score. The second
 * phase is empty when there is one shard.
 */
export function searchPhases(shards: readonly SearchShard[]): [string[], string[]] {
  const newestFirst = shards.map((shard) => shard.id).reverse();
  return [newestFirst.slice(0, 1), newestFirst.length > 1 ? newestFirst : []];
}
