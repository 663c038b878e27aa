import type { PaginateFunction } from 'astro';
import type { PaperEntry } from './collection.ts';
import { site } from './site.ts';

/**
 * The static paths of a paged listing route (day, week, month, organization, topic): each group's
 * papers split into pages of `pageSize`, under the route parameter `param`, with the group
 * itself passed to the page as `group`.
 */
export function paginateGroups<G extends { papers: PaperEntry[] }>(paginate: PaginateFunction, groups: readonly G[], param: string, keyOf: (group: G) => string, pageSize = site.pageSize) {
  return groups.flatMap((group) => paginate(group.papers, { params: { [param]: keyOf(group) }, props: { group }, pageSize }));
}
