import { defineMiddleware } from 'astro:middleware';
import { getSiteIndex } from '../lib/collection.ts';
import { buildState } from '../lib/build-state.ts';
import { outputFile } from '../lib/paths.ts';

/** The paper route, as Astro names it to middleware. */
const PAPER_ROUTE = '/papers/[id]';

let shardSizes: Promise<ReadonlyMap<string, number>> | undefined;

const utf8 = new TextDecoder();

/**
 * Hands each paper page, as the build renders it, to the search index being built at the same
 * time (src/lib/build-state.ts). Every other response, and every response outside a build
 * (there is no sink then), passes through untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = buildState().paperPages;
  if (!sink || context.routePattern !== PAPER_ROUTE || !response.ok) return response;
  // The page's bytes are read once, and handed back as they are: made again from the text, every
  // paper page was encoded twice (a full re-encoding of 54,000 pages at 8×).
  const bytes = await response.bytes();
  const html = utf8.decode(bytes);
  shardSizes ??= getSiteIndex().then(({ search }) => new Map(search.shards.map((shard) => [shard.id, shard.papers])));
  // A page's pathname ends in a slash (trailingSlash: 'always'), so its file is its folder's index.html.
  sink.add(outputFile(context.url.pathname), html, await shardSizes);
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
});
