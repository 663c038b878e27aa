/**
 * The names search uses in shareable URLs (`/search/?q=…&org=…&sort=upvotes`) and in the Pagefind
 * index. They are public: readers bookmark them and scripts build them, so they do not change.
 * This module imports only what imports nothing, so the browser's search script can share it.
 */
import { keywordKey } from './topics.ts';

export const searchFilterKeys = ['org', 'topic', 'category', 'year', 'month', 'has_code'] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];

/** Sorts besides relevance, each highest or newest first. */
export const searchSortKeys = ['upvotes', 'date', 'stars'] as const;
export type SearchSortKey = (typeof searchSortKeys)[number];

/** A search as a URL carries it. */
export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilterKey, string>>;
  /** Absent: by relevance when there is a query, newest first when there is none. */
  sort?: SearchSortKey;
}

/**
 * Reads a search from a URL's query string; unknown keys and sorts are ignored. A topic is kept
 * by its key, which is what the index records: a URL that names it by a label or an older slug
 * (`topic=Large Language Models`, `topic=large-language-models`) still selects it.
 */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of searchFilterKeys) {
    const raw = params.get(key)?.trim();
    const value = raw && key === 'topic' ? keywordKey(raw) : raw;
    if (value) filters[key] = value;
  }
  const sort = searchSortKeys.find((key) => key === params.get('sort'));
  return { query: params.get('q') ?? '', filters, ...(sort && { sort }) };
}

/** Writes a search as a query string (`?q=…`, or '' for an empty search), keys in a fixed order. */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query);
  for (const key of searchFilterKeys) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.sort) params.set('sort', state.sort);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Whether a search asks for anything: a query, a filter or a sort. */
export function isEmptySearch(state: SearchState): boolean {
  return !state.query.trim() && Object.keys(state.filters).length === 0 && !state.sort;
}
