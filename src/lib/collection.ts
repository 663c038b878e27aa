import { getCollection, type CollectionEntry } from 'astro:content';
import type { Organization } from '../schema/paper.ts';
import { isoWeekOf, isoWeekRange, monthOf } from './dates.ts';
import { firstListed, groupBy, neighbours } from './papers.ts';
import { relatedPapers } from './related.ts';
import { searchFacets, searchFields, type FacetValue, type SearchFields } from './search-fields.ts';
import type { SearchFilterKey } from './search-keys.ts';
import { planSearchShards, shardOfDay, type SearchShard } from './search-shards.ts';
import { site } from './site.ts';
import { slugify } from './slugify.ts';

export type PaperEntry = CollectionEntry<'papers'>;
export type NoteEntry = CollectionEntry<'notes'>;

/** A listing of papers under one key (a day, a week, an organization...), with its neighbours in order. */
export interface Listing {
  key: string;
  papers: PaperEntry[];
  previous?: string;
  next?: string;
}

export interface Topic {
  slug: string;
  /** The keyword as most papers spell it. */
  label: string;
  papers: PaperEntry[];
}

export interface OrganizationListing {
  slug: string;
  organization: Organization;
  papers: PaperEntry[];
}

/** Topics are made only for keywords that several papers share. */
export const MIN_TOPIC_PAPERS = 3;

export interface SiteIndex {
  papers: PaperEntry[];
  days: Listing[];
  weeks: Listing[];
  months: Listing[];
  organizations: OrganizationListing[];
  topics: Topic[];
  /** Slug of every topic page, for cards to link only keywords that have one. */
  topicSlugs: Set<string>;
  /** Owners' notes by paper slug. */
  notes: Map<string, NoteEntry>;
  /** Papers by id. */
  byId: Map<string, PaperEntry>;
  /** For each paper id, the ids of its most related papers, best first. */
  related: Map<string, string[]>;
  /** What the search index records of each paper, by id, and every filter value with its count. */
  search: {
    fields: Map<string, SearchFields>;
    facets: Record<SearchFilterKey, FacetValue[]>;
    /** The shards of the search index, oldest first, and the shard of each paper id. */
    shards: SearchShard[];
    shardOf: Map<string, string>;
  };
}

let index: Promise<SiteIndex> | undefined;

/**
 * Every grouping the pages need, computed once per build in passes linear in the number of
 * papers, and shared by every page (the build renders all pages in one process).
 */
export function getSiteIndex(): Promise<SiteIndex> {
  index ??= buildIndex();
  return index;
}

async function buildIndex(): Promise<SiteIndex> {
  const papers = await getCollection('papers');
  const listings = (groups: Map<string, PaperEntry[]>): Listing[] => {
    const keys = [...groups.keys()];
    return keys.map((key, i) => ({ key, papers: groups.get(key)!, ...neighbours(keys, i) }));
  };
  const organizations = [...groupBy(papers, (paper) => (paper.organization ? [slugify(paper.organization.name)] : [])).entries()]
    .filter(([slug]) => slug !== '')
    .map(([slug, entries]) => ({ slug, organization: entries[0].data.organization!, papers: entries }));
  const spellings = keywordSpellings(papers);
  const topics = [...groupBy(papers, (paper) => (paper.keywords ?? []).map(slugify).filter(Boolean)).entries()]
    .filter(([, entries]) => entries.length >= MIN_TOPIC_PAPERS)
    .map(([slug, entries]) => ({ slug, label: commonest(spellings.get(slug)!), papers: entries }));
  const topicLabels = new Map(topics.map((topic) => [topic.slug, topic.label]));
  const fields = new Map(papers.map((entry) => [entry.data.id, searchFields(entry.data)]));
  // A paper files under its first listing day, so it stays in its shard when it is listed again.
  const shards = planSearchShards(papers.map((entry) => firstListed(entry.data)), site.searchShardSize);
  const shardOf = new Map(papers.map((entry) => [entry.data.id, shardOfDay(shards, firstListed(entry.data)).id]));
  return {
    papers,
    days: listings(groupBy(papers, (paper) => paper.days)),
    weeks: listings(groupBy(papers, (paper) => new Set(paper.days.map(isoWeekOf)))),
    months: listings(groupBy(papers, (paper) => new Set(paper.days.map(monthOf)))),
    organizations,
    topics,
    topicSlugs: new Set(topics.map((topic) => topic.slug)),
    notes: new Map((await getCollection('notes')).map((note) => [note.id, note])),
    byId: new Map(papers.map((entry) => [entry.data.id, entry])),
    related: relatedPapers(papers.map((entry) => entry.data)),
    search: { fields, facets: searchFacets(fields.values(), topicLabels), shards, shardOf },
  };
}

/** How often each spelling of each keyword is used, by the keyword's slug: in one pass over the papers. */
function keywordSpellings(papers: PaperEntry[]): Map<string, Map<string, number>> {
  const spellings = new Map<string, Map<string, number>>();
  for (const entry of papers) {
    for (const keyword of entry.data.keywords ?? []) {
      const slug = slugify(keyword);
      let counts = spellings.get(slug);
      if (!counts) spellings.set(slug, (counts = new Map()));
      counts.set(keyword, (counts.get(keyword) ?? 0) + 1);
    }
  }
  return spellings;
}

/** The spelling of a topic's keyword that most of its papers use (ties: the first in sort order). */
function commonest(counts: Map<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

const monthsWithPages = new WeakMap<SiteIndex, Set<string>>();

/** The months of an ISO week (a week can straddle two) that have a page: those with papers. */
export function monthsWithPagesOf(week: string, index: SiteIndex): string[] {
  let months = monthsWithPages.get(index);
  if (!months) monthsWithPages.set(index, (months = new Set(index.months.map((listing) => listing.key))));
  const { first, last } = isoWeekRange(week);
  return [...new Set([monthOf(first), monthOf(last)])].filter((month) => months.has(month));
}
