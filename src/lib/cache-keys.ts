import { createHash } from 'node:crypto';
import { siteSettings } from '../config/site-settings.ts';
import type { PaperEntry, SiteIndex } from './collection.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page that getStaticPaths
 * returns with a `cacheKey` is copied from the last build instead of rendered again while its key
 * is the same (Astro itself notices changes to the page's code). So a key must cover everything
 * the page shows that data can change; these helpers name that for each kind of page.
 * test/site/incremental-build.test.ts holds them to it: a site grown by a day and built from the
 * last build's pages is the same, byte for byte, as one built from scratch.
 */
export function cacheKey(...inputs: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([siteSettings(), ...inputs]))
    .digest('base64url');
}

/** Each paper's inputs, by site index and paper id: a paper is listed on many pages and in many feeds. */
const inputsByIndex = new WeakMap<SiteIndex, Map<string, string>>();

/**
 * What a page shows of a paper, wherever it shows it (its page, a card, a feed item): its file,
 * front matter and abstract together, and the organization and topic pages it links to.
 * Made once per paper and build (at 54,000 papers, finding every keyword's topic again for every
 * listing and feed a paper is on took seconds of each build).
 */
function paperInputs(entry: PaperEntry, index: SiteIndex): string {
  let known = inputsByIndex.get(index);
  if (!known) inputsByIndex.set(index, (known = new Map()));
  let inputs = known.get(entry.id);
  if (inputs === undefined) {
    const organization = entry.data.organization && index.organizationOf(entry.data.organization);
    inputs = JSON.stringify([entry.id, entry.digest, organization, (entry.data.keywords ?? []).map((keyword) => index.topicOf(keyword) ?? null)]);
    known.set(entry.id, inputs);
  }
  return inputs;
}

/** A paper's own page: the paper, its search shard and fields, the owner's note, and the related papers it lists. */
export function paperPageKey(entry: PaperEntry, index: SiteIndex, noteSlug: string): string {
  const id = entry.data.id;
  return cacheKey(
    'paper',
    paperInputs(entry, index),
    index.search.shardOf.get(id),
    index.search.fields.get(id),
    index.notes.get(noteSlug)?.digest,
    // What RelatedPapers shows of each: a changed abstract elsewhere leaves this page as it is.
    (index.related.get(id) ?? []).map((related) => {
      const paper = index.byId.get(related)?.data;
      return [related, paper?.title, paper?.days[0], paper?.upvotes];
    }),
  );
}

/**
 * A page about a group of papers (a listing page, a feed, a day's digest or data): the group's
 * own fields (its name, the groups before and after it) and what it shows of each paper in `papers`.
 */
export function groupKey(kind: string, group: { papers: PaperEntry[] }, papers: readonly PaperEntry[], index: SiteIndex, extra?: unknown): string {
  const { papers: _all, ...fields } = group;
  return cacheKey(kind, fields, group.papers.length, papers.map((entry) => paperInputs(entry, index)), extra);
}
