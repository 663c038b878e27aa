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
import { topicKeys, topicThreshold } from './topics.ts';

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
  /** Its URL segment: the key its keywords file under (src/lib/topics.ts). */
  slug: string;
  /** The keyword as most papers spell it. */
  label: string;
  papers: PaperEntry[];
}

export interface OrganizationListing {
  /** Its URL segment: the slug of the handle most of its papers name it by. */
  slug: string;
  organization: Organization;
  papers: PaperEntry[];
  /** The slugs of its other handles (one organization often has several accounts on Hugging Face). */
  otherSlugs: string[];
  /** Its name as organizationKey() folds it, which its papers share. */
  names: string[];
}

export interface SiteIndex {
  papers: PaperEntry[];
  days: Listing[];
  weeks: Listing[];
  months: Listing[];
  organizations: OrganizationListing[];
  /** The slug of an organization's page, for a paper's organization (one page for all its handles). */
  organizationOf(organization: Organization): string | undefined;
  /** The slugs of organizations' other handles, and the organization each leads to. */
  organizationRedirects: Map<string, OrganizationListing>;
  topics: Topic[];
  /** How many papers a keyword's topic needs for a page (topics.ts: topicThreshold). */
  topicMinPapers: number;
  /** The slug of the topic page a keyword links to, if its topic has one (topics.ts merges spellings). */
  topicOf(keyword: string): string | undefined;
  /** The key of a keyword's topic, page or not: what search filters it by. */
  topicKey(keyword: string): string;
  /** Other spellings' slugs that had a topic page of their own, and the topic each now leads to. */
  topicRedirects: Map<string, Topic>;
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
  const organizations = organizationListings(papers);
  const organizationSlugs = new Map(organizations.flatMap((listing) => listing.names.map((name) => [name, listing.slug] as const)));
  const topicKey = topicKeys(papers.map((entry) => entry.data.keywords ?? []));
  const spellings = keywordSpellings(papers, topicKey);
  const keywordGroups = [...groupBy(papers, (paper) => (paper.keywords ?? []).map(topicKey).filter(Boolean)).entries()];
  const topicMinPapers = topicThreshold(keywordGroups.map(([, entries]) => entries.length), papers.length);
  const topics = keywordGroups
    .filter(([, entries]) => entries.length >= topicMinPapers)
    .map(([slug, entries]) => ({ slug, label: commonest(spellings.get(slug)!), papers: entries }));
  const topicLabels = new Map(topics.map((topic) => [topic.slug, topic.label]));
  const fields = new Map(papers.map((entry) => [entry.data.id, searchFields(entry.data, topicKey)]));
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
    topicMinPapers,
    organizationOf: (organization) => organizationSlugs.get(organizationKey(organization)),
    organizationRedirects: new Map(organizations.flatMap((listing) => listing.otherSlugs.map((slug) => [slug, listing] as const))),
    topicKey,
    topicOf: (keyword) => {
      const slug = topicKey(keyword);
      return topicLabels.has(slug) ? slug : undefined;
    },
    topicRedirects: topicRedirects(topics, spellings, topicMinPapers),
    notes: new Map((await getCollection('notes')).map((note) => [note.id, note])),
    byId: new Map(papers.map((entry) => [entry.data.id, entry])),
    related: relatedPapers(papers.map((entry) => entry.data)),
    search: { fields, facets: searchFacets(fields.values(), topicLabels), shards, shardOf },
  };
}

/** An organization's name as papers are grouped by it: its display name, folded (two accounts of Zhejiang University are one). */
function organizationKey(organization: Organization): string {
  return slugify(organization.fullname);
}

/**
 * The organizations of a collection, each made of its papers whatever handle they name it by,
 * under the handle most of them use (ties: the first in sort order); the other handles' slugs
 * lead there, unless another organization has that slug.
 */
function organizationListings(papers: PaperEntry[]): OrganizationListing[] {
  const listings = [...groupBy(papers, (paper) => (paper.organization ? [organizationKey(paper.organization)] : [])).entries()].map(([name, entries]) => {
    const handleOf = (entry: PaperEntry) => slugify(entry.data.organization!.name);
    const handles = new Map<string, number>();
    for (const entry of entries) handles.set(handleOf(entry), (handles.get(handleOf(entry)) ?? 0) + 1);
    const slug = commonest(handles);
    return { slug, organization: entries.find((entry) => handleOf(entry) === slug)!.data.organization!, papers: entries, otherSlugs: [...handles.keys()].filter((other) => other !== slug), names: [name] };
  });
  // Two names under one handle's slug (rare: a handle renamed) share one page.
  const bySlug = new Map<string, OrganizationListing>();
  for (const listing of listings) {
    const same = bySlug.get(listing.slug);
    if (!same) bySlug.set(listing.slug, listing);
    else {
      const members = new Set([...same.papers, ...listing.papers]);
      Object.assign(same, { papers: papers.filter((entry) => members.has(entry)), otherSlugs: [...same.otherSlugs, ...listing.otherSlugs], names: [...same.names, ...listing.names] });
    }
  }
  const slugs = new Set(bySlug.keys());
  for (const listing of bySlug.values()) listing.otherSlugs = [...new Set(listing.otherSlugs)].filter((other) => !slugs.has(other)).sort();
  return [...bySlug.values()];
}

/** How often each spelling of each keyword is used, by the keyword's topic key: in one pass over the papers. */
function keywordSpellings(papers: PaperEntry[], topicKey: (keyword: string) => string): Map<string, Map<string, number>> {
  const spellings = new Map<string, Map<string, number>>();
  for (const entry of papers) {
    for (const keyword of entry.data.keywords ?? []) {
      const slug = topicKey(keyword);
      let counts = spellings.get(slug);
      if (!counts) spellings.set(slug, (counts = new Map()));
      counts.set(keyword, (counts.get(keyword) ?? 0) + 1);
    }
  }
  return spellings;
}

/**
 * Where the topic pages of other spellings went: a spelling's own slug (`large-language-models`),
 * when enough papers used it for it to have had a page and it is no topic's slug now, leads to
 * its topic's page (`large-language-model`). Links to the older page keep working.
 */
function topicRedirects(topics: Topic[], spellings: Map<string, Map<string, number>>, minPapers: number): Map<string, Topic> {
  const slugs = new Set(topics.map((topic) => topic.slug));
  const redirects = new Map<string, Topic>();
  for (const topic of topics) {
    const bySlug = new Map<string, number>();
    for (const [spelling, count] of spellings.get(topic.slug)!) bySlug.set(slugify(spelling), (bySlug.get(slugify(spelling)) ?? 0) + count);
    for (const [slug, count] of bySlug) if (count >= minPapers && !slugs.has(slug)) redirects.set(slug, topic);
  }
  return redirects;
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
