import type { PaginateFunction } from 'astro';
import { groupKey } from './cache-keys.ts';
import { getSiteIndex, type PaperEntry } from './collection.ts';
import { site } from './site.ts';

/**
 * The static paths of a paged listing route (day, week, month, organization, topic): each group's
 * papers split into pages of `pageSize`, under the route parameter `param`, with the group
 * itself passed to the page as `group`. Each page is keyed by what it shows (src/lib/cache-keys.ts),
 * with `shows(group)` for what the page shows beyond the group and its papers. With `firstPageOnly`,
 * a group has one page, of its first `pageSize` papers (a week's or month's most upvoted).
 */
export async function paginateGroups<G extends { papers: PaperEntry[] }>(
  paginate: PaginateFunction,
  groups: readonly G[],
  param: string,
  keyOf: (group: G) => string,
  { pageSize = site.pageSize, shows, firstPageOnly = false }: { pageSize?: number; shows?: (group: G) => unknown; firstPageOnly?: boolean } = {},
) {
  const index = await getSiteIndex();
  return groups.flatMap((group) =>
    paginate(firstPageOnly ? group.papers.slice(0, pageSize) : group.papers, { params: { [param]: keyOf(group) }, props: { group }, pageSize }).map((path) => {
      const { data, ...page } = path.props.page;
      return { ...path, cacheKey: groupKey(param, group, data, index, [page, shows?.(group)]) };
    }),
  );
}
