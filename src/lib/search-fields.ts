import type { Paper } from '../schema/paper.ts';
import { monthOf } from './dates.ts';
import { plainText } from './math-text.ts';
import { searchFilterKeys, type SearchFilterKey } from './search-keys.ts';
import { slugify } from './slugs.ts';

/** Result metadata, shown on each result without loading the paper page. */
export interface SearchMeta {
  title: string;
  day: string;
  upvotes: string;
  organization?: string;
  first_author: string;
  author_count: string;
  stars: string;
}

/** What the search index records of a paper, under the public keys of search-keys.ts. */
export interface SearchFields {
  filters: Record<SearchFilterKey, string[]>;
  /** Also the values sorted searches order by (upvotes, day, stars), through the sort table. */
  meta: SearchMeta;
}

/**
 * The filter values and metadata of a paper. The day a paper shows and sorts by is the
 * latest it was listed on; year and month filters take every day it was listed on. Topics are the
 * paper's keywords that have a topic page, spelled as that page spells them (`topicLabels`, by slug).
 */
export function searchFields(paper: Paper, topicLabels: ReadonlyMap<string, string>): SearchFields {
  const day = paper.days.at(-1)!;
  const topics = (paper.keywords ?? []).map((keyword) => topicLabels.get(slugify(keyword))).filter((label) => label !== undefined);
  return {
    filters: {
      org: paper.organization ? [paper.organization.fullname] : [],
      topic: [...new Set(topics)],
      category: paper.categories ?? [],
      year: [...new Set(paper.days.map((listed) => listed.slice(0, 4)))],
      month: [...new Set(paper.days.map(monthOf))],
      has_code: [paper.githubRepo ? 'true' : 'false'],
    },
    meta: {
      title: plainText(paper.title),
      day,
      upvotes: String(paper.upvotes ?? 0),
      organization: paper.organization?.fullname,
      first_author: paper.authors[0],
      author_count: String(paper.authors.length),
      stars: String(paper.githubStars ?? 0),
    },
  };
}

/** One choice of a filter, with the number of papers of the whole collection it keeps. */
export interface FacetValue {
  value: string;
  count: number;
}

/**
 * Every value of every filter across the collection, for the search form's choices: names in
 * alphabetical order, years and months newest first.
 */
export function searchFacets(fields: Iterable<SearchFields>): Record<SearchFilterKey, FacetValue[]> {
  const counts = Object.fromEntries(searchFilterKeys.map((key) => [key, new Map<string, number>()])) as Record<SearchFilterKey, Map<string, number>>;
  for (const { filters } of fields) {
    for (const key of searchFilterKeys) for (const value of filters[key]) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
  }
  const alphabetical = (a: FacetValue, b: FacetValue) => a.value.localeCompare(b.value, 'en', { sensitivity: 'base' }) || a.value.localeCompare(b.value);
  const newestFirst = (a: FacetValue, b: FacetValue) => b.value.localeCompare(a.value);
  return Object.fromEntries(
    searchFilterKeys.map((key) => {
      const values = [...counts[key]].map(([value, count]) => ({ value, count }));
      return [key, values.sort(key === 'year' || key === 'month' ? newestFirst : alphabetical)];
    }),
  ) as Record<SearchFilterKey, FacetValue[]>;
}
