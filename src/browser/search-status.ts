import type { SearchFilterKey, SearchSortKey, SearchState } from '../lib/search-keys.ts';

const monthFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const sortPhrases: Record<SearchSortKey, string> = {
  upvotes: 'most upvoted first',
  date: 'newest first',
  stars: 'most GitHub stars first',
};

/**
 * The sentence a screen reader announces after a search, and everyone reads above the results:
 * how many papers, for what query and filters, in what order.
 * `sort` is the order actually used (none: by relevance); `labels` names filter values the way
 * the form does, where that is not the value itself (a topic's slug).
 */
export function describeResults(state: SearchState, total: number, sort: SearchSortKey | undefined, labels: Partial<Record<SearchFilterKey, string>> = {}): string {
  const query = state.query.trim();
  const { org, category, year, month, has_code: hasCode } = state.filters;
  const topic = state.filters.topic && (labels.topic ?? state.filters.topic);
  const scope = [
    org && `from ${org}`,
    topic && `on ${topic}`,
    category && `in ${category}`,
    month ? `listed in ${monthFormat.format(new Date(`${month}-01T00:00:00Z`))}` : year && `listed in ${year}`,
    hasCode === 'true' && 'with code',
    hasCode === 'false' && 'without code',
  ].filter(Boolean);
  const filtered = scope.length > 0 ? ` ${scope.join(', ')}` : '';
  if (total === 0) {
    const what = query ? `No papers match “${query}”${filtered}.` : `No papers${filtered}.`;
    return `${what} ${scope.length > 0 ? 'Try removing a filter' : 'Try fewer or different words'}.`;
  }
  const count = `${total.toLocaleString('en')} ${total === 1 ? 'paper' : 'papers'}`;
  const matches = query ? ` ${total === 1 ? 'matches' : 'match'} “${query}”` : '';
  return `${count}${filtered}${matches}${sort ? `, ${sortPhrases[sort]}` : ''}.`;
}
