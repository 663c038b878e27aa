import type { OrganizationListing, SiteIndex, Topic } from '../lib/collection.ts';
import { paths } from '../lib/paths.ts';
import { site as siteInfo } from '../lib/site.ts';
import { FEED_LIMITS, feedOf, type Feed } from './feed.ts';

/** The days the site's feeds cover: the latest few, so a reader who checks twice a week misses nothing. */
export const SITE_FEED_DAYS = 3;

/** The site's feed: the papers of the latest days, newest first. */
export function siteFeed(index: SiteIndex, site: URL): Feed {
  const entries = index.days.slice(-SITE_FEED_DAYS).flatMap((listing) => listing.papers);
  return feedOf({ title: siteInfo.title, description: siteInfo.description, page: paths.home(), entries, limit: FEED_LIMITS.site, site });
}

/** The feed of an organization's latest papers. */
export function organizationFeed(listing: OrganizationListing, site: URL): Feed {
  const name = listing.organization.fullname;
  return feedOf({ title: `Papers from ${name} · ${siteInfo.title}`, description: `The latest papers from ${name}.`, page: paths.organization(listing.slug), entries: listing.papers, limit: FEED_LIMITS.listing, site, brief: true });
}

/** The feed of a topic's latest papers. */
export function topicFeed(topic: Topic, site: URL): Feed {
  return feedOf({ title: `Papers on ${topic.label} · ${siteInfo.title}`, description: `The latest papers on ${topic.label}.`, page: paths.topic(topic.slug), entries: topic.papers, limit: FEED_LIMITS.listing, site, brief: true });
}
