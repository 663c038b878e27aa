import type { APIRoute } from 'astro';
import { getSiteIndex } from '../lib/collection.ts';
import { paths } from '../lib/paths.ts';
import { absoluteUrl, siteUrl } from '../lib/site-url.ts';
import { atomXml } from './atom.ts';
import type { Feed } from './feed.ts';
import { feedFormats, type FeedFormat } from './formats.ts';
import { jsonFeed } from './json-feed.ts';
import { rssXml } from './rss.ts';
import { organizationFeed, siteFeed, topicFeed } from './site-feeds.ts';

const writers: Record<FeedFormat, (feed: Feed, selfUrl: string) => string> = { rss: rssXml, atom: atomXml, json: jsonFeed };

function respond(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

/** The route of the site's feed in one format (src/pages/rss.xml.ts and its siblings). */
export function siteFeedRoute(format: FeedFormat): APIRoute {
  const { path, type } = feedFormats[format];
  return async ({ site }) => {
    const url = siteUrl(site);
    return respond(writers[format](siteFeed(await getSiteIndex(), url), absoluteUrl(path(), url)), type);
  };
}

/** One RSS feed per organization, at /orgs/<slug>/rss.xml. */
export const organizationFeedRoute: APIRoute = ({ props, site }) => listingRss(organizationFeed(props.listing, siteUrl(site)), paths.organizationFeed(props.listing.slug), site);

/** One RSS feed per topic, at /topics/<slug>/rss.xml. */
export const topicFeedRoute: APIRoute = ({ props, site }) => listingRss(topicFeed(props.topic, siteUrl(site)), paths.topicFeed(props.topic.slug), site);

function listingRss(feed: Feed, path: string, site: URL | undefined): Response {
  return respond(rssXml(feed, absoluteUrl(path, siteUrl(site))), feedFormats.rss.type);
}
