import type { Paper } from '../schema/paper.ts';
import { monthOf } from './dates.ts';
import { plainText } from './math-text.ts';
import { byName } from './papers.ts';
import { searchFilterKeys, type SearchFilterKey } from './search-keys.ts';

/** Result metadata, shown on each result without loading the paper page. */
export interface SearchMeta {
  title: string;
  day: string;
  /** Only where a source counts upvotes (the sort table takes a missing count as 0). */
  upvotes?: string;
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
 * latest it was listed on; year and month filters take every day it was listed on. Topics are
 * the topic keys of all the paper's keywords (`topicOf`, src/lib/topics.ts), not only of those
 * with a topic page: so a keyword that becomes a topic when a new day brings its third paper
 * leaves the older papers' search shards as they were (the search form only offers topics).
 */
export function searchFields(paper: Paper, topicOf: (keyword: string) => string): SearchFields {
  const day = paper.days.at(-1)!;
  const topics = (paper.keywords ?? []).map(topicOf).filter(Boolean);
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
      upvotes: paper.upvotes === undefined ? undefined : String(paper.upvotes),
      organization: paper.organization?.fullname,
      first_author: paper.authors[0],
      author_count: String(paper.authors.length),
      stars: String(paper.githubStars ?? 0),
    },
  };
}

/** One choice of a filter, with the number of papers of the whole collection it keeps, and how the form names it when not by its value. */
export interface FacetValue {
  value: string;
  count: number;
  label?: string;
}

/**
 * Every value of every filter across the collection, for the search form's choices: names in
 * alphabetical order, years and months newest first. Of topics, only those with a topic page
 * (`topicLabels`, by slug), named as that page names them.
 */
export function searchFacets(fields: Iterable<SearchFields>, topicLabels: ReadonlyMap<string, string>): Record<SearchFilterKey, FacetValue[]> {
  const counts = Object.fromEntries(searchFilterKeys.map((key) => [key, new Map<string, number>()])) as Record<SearchFilterKey, Map<string, number>>;
  for (const { filters } of fields) {
    for (const key of searchFilterKeys) for (const value of filters[key]) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
  }
  const named = (facet: FacetValue) => facet.label ?? facet.value;
  const alphabetical = (a: FacetValue, b: FacetValue) => byName(named(a), named(b)) || named(a).localeCompare(named(b));
  const newestFirst = (a: FacetValue, b: FacetValue) => b.value.localeCompare(a.value);
  return Object.fromEntries(
    searchFilterKeys.map((key) => {
      let values: FacetValue[] = [...counts[key]].map(([value, count]) => ({ value, count }));
      if (key === 'topic') values = values.filter(({ value }) => topicLabels.has(value)).map((facet) => ({ ...facet, label: topicLabels.get(facet.value) }));
      return [key, values.sort(key === 'year' || key === 'month' ? newestFirst : alphabetical)];
    }),
  ) as Record<SearchFilterKey, FacetValue[]>;
}
