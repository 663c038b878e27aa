import { defineMiddleware } from 'astro:middleware';
import { siteSettings } from './config/site-settings.ts';
import { getSiteIndex } from './lib/collection.ts';
import { paperPageSink } from './lib/paper-page-sink.ts';

/** The paper route, as Astro names it to middleware. */
const PAPER_ROUTE = '/papers/[id]';

let shardSizes: Promise<ReadonlyMap<string, number>> | undefined;

/**
 * Hands each paper page, as the build renders it, to the search index being built at the same
 * time (src/lib/paper-page-sink.ts). Every other response, and every response outside a build
 * (there is no sink then), passes through untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = paperPageSink();
  if (!sink || context.routePattern !== PAPER_ROUTE || !response.ok) return response;
  const html = await response.text();
  shardSizes ??= getSiteIndex().then(({ search }) => new Map(search.shards.map((shard) => [shard.id, shard.papers])));
  sink.add(outputPath(context.url.pathname), html, await shardSizes);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

/** The page's file in the output folder: its path without the base, in a folder of its own (trailingSlash: 'always'). */
function outputPath(pathname: string): string {
  const base = siteSettings().basePath;
  const path = decodeURI(pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, ''));
  return `${path}${path.endsWith('/') || path === '' ? '' : '/'}index.html`;
}
