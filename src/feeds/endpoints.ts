import type { APIRoute } from 'astro';
import { siteSettings } from '../config/site-settings.ts';
import { getSiteIndex } from '../lib/collection.ts';
import { buildState } from '../lib/build-state.ts';
import { outputFile, paths } from '../lib/paths.ts';
import { absoluteUrl, siteUrl } from '../lib/site-url.ts';
import { organizationPaths, topicPaths } from '../lib/static-paths.ts';
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

interface ListingPath<Props> {
  params: Record<string, string>;
  props: Props;
  cacheKey: string;
}

/**
 * A route of one RSS feed per listing (a topic, an organization), from the listings' static
 * paths, the feed's path (src/lib/paths.ts) and the feed.
 *
 * In a build the route has no paths: it hands its feeds to the build's feed writer
 * (src/integrations/feed-files.ts), which writes those whose key changed in one pass while the
 * pages render. As routes, Astro's own work for each (a request, a response, its encoding, two
 * file writes, two log lines) cost twice what making the feed does: at 54,000 papers, 40,000
 * topic feeds took 44 s of a cold build (docs/performance.md). The dev server, which has no
 * writer, serves them from the route.
 */
export function listingFeedRoute<Props>(listings: () => Promise<ListingPath<Props>[]>, feed: { path: (props: Props) => string; of: (props: Props, site: URL) => Feed }) {
  const rss = (props: Props, site: URL) => rssXml(feed.of(props, site), absoluteUrl(feed.path(props), site));
  const getStaticPaths = async (): Promise<ListingPath<Props>[]> => {
    const routes = await listings();
    const sink = buildState().feeds;
    if (!sink) return routes;
    const site = siteUrl(siteSettings().siteUrl);
    sink.add(routes.map(({ props, cacheKey }) => ({ path: outputFile(feed.path(props)), key: cacheKey, render: () => rss(props, site) })));
    return [];
  };
  const GET: APIRoute = ({ props, site }) => respond(rss(props as Props, siteUrl(site)), feedFormats.rss.type);
  return { getStaticPaths, GET };
}

/** One RSS feed per organization, at /orgs/<slug>/rss.xml. */
export const organizationFeedRoute = listingFeedRoute(organizationPaths, { path: ({ listing }) => paths.organizationFeed(listing.slug), of: ({ listing }, site) => organizationFeed(listing, site) });

/** One RSS feed per topic, at /topics/<slug>/rss.xml. */
export const topicFeedRoute = listingFeedRoute(topicPaths, { path: ({ topic }) => paths.topicFeed(topic.slug), of: ({ topic }, site) => topicFeed(topic, site) });
