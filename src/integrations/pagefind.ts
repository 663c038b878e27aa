import type { AstroIntegration } from 'astro';
import { close } from 'pagefind';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyTree, isSameFile, listInputFiles, readText, readTextIfExists, removeAllBut, removeTree, subfolders, writeFileAtomic } from '../fs/files.ts';
import { buildState } from '../lib/build-state.ts';
import { buildSortTable, type IndexedPage } from '../lib/search-sorts.ts';
import { openCache } from './build-cache.ts';
import { readPagefindFragment } from './internals.ts';
import { LiveSearchIndex } from './live-search-index.ts';
import type { PageScans } from './page-scans.ts';
import { articleHash, indexedPart, shardDigest, writeShardBundle } from './shard-bundles.ts';

/**
 * Builds the Pagefind search index through Pagefind's Node API: one Pagefind bundle per shard, at
 * `pagefind/<shard>/`. Only the paper pages are indexed (they alone carry `data-pagefind-body`),
 * so listings that repeat papers do not crowd the results. Then writes the sort table the search
 * page loads for sorted searches (src/lib/search-sorts.ts says why it is apart).
 *
 * Shards are indexed while the rest of the site renders, as soon as all their pages are
 * (live-search-index.ts). When Astro's build is done, the output says which pages each shard
 * has. A shard whose pages' indexed articles are byte for byte those the last build indexed is
 * not indexed again: its bundle is kept in Astro's cache folder, and copied from there. A new day
 * changes the newest shard, and an older one only where one of its papers is listed again or
 * corrected. Any other shard is taken from what was indexed while rendering, when that holds the
 * same pages, and is indexed from the output when not. A shard's bundle already in the output,
 * linked from the cache by the last build, is left where it is; what else is in the index's
 * folder (shards that are no more) is removed.
 */
export function pagefind(pageScans: PageScans): AstroIntegration {
  let cache = '';
  let shardsCache = '';
  let live: LiveSearchIndex | undefined;
  let scannedPages: () => Map<string, ScannedPage | null> = () => new Map();
  return {
    name: 'daily-papers:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = openCache(fileURLToPath(config.cacheDir), fileURLToPath(config.root), 'search').folder;
        shardsCache = join(cache, 'shards');
        scannedPages = pageScans.add('search', join(cache, 'page-scan.json'), scanPage);
      },
      'astro:build:start': () => {
        removeTree(join(cache, INDEXING_FOLDER));
        live = new LiveSearchIndex(join(cache, INDEXING_FOLDER));
        buildState().paperPages = live;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        buildState().paperPages = undefined;
        const indexedLive = (await live?.finish()) ?? { bundles: new Map(), failures: [] };
        for (const failure of indexedLive.failures) logger.warn(`could not index shard ${failure} while rendering; indexing it again`);
        const shards = pagesByShard(scannedPages());
        const indexed: IndexedPage[] = [];
        const count = { cached: 0, live: 0 };
        try {
          for (const [shard, { files, digest }] of shards) {
            const bundle = join(site, SEARCH_INDEX_FOLDER, shard);
            const cached = join(shardsCache, shard);
            let pages = readCachedShard(cached, digest);
            const liveBundle = indexedLive.bundles.get(shard);
            if (pages) {
              count.cached++;
            } else if (liveBundle?.digest === digest) {
              pages = cacheShard(cached, digest, liveBundle.bundle);
              count.live++;
            } else {
              const fresh = join(cache, INDEXING_FOLDER, `${shard}.after`);
              await writeShardBundle(files.map((path) => ({ path, article: indexedPart(readText(join(site, path)))!.article })), fresh);
              pages = cacheShard(cached, digest, fresh);
            }
            if (!isSameFile(join(cached, 'bundle', BUNDLE_ENTRY), join(bundle, BUNDLE_ENTRY))) copyTree(join(cached, 'bundle'), bundle);
            indexed.push(...pages);
          }
          if (shards.size > 0) removeAllBut(join(site, SEARCH_INDEX_FOLDER), new Set(shards.keys()));
          else removeTree(join(site, SEARCH_INDEX_FOLDER));
        } finally {
          await close();
          removeTree(join(cache, INDEXING_FOLDER));
        }
        // Shards that are no more (another shard size) would otherwise stay in the cache for good.
        for (const shard of subfolders(shardsCache)) if (!shards.has(shard)) removeTree(join(shardsCache, shard));
        writeFileAtomic(join(site, 'search', 'sorts.json'), JSON.stringify(buildSortTable(indexed)));
        const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
        logger.info(`indexed ${indexed.length} paper pages in ${plural(shards.size, 'shard')} in ${((performance.now() - started) / 1000).toFixed(1)} s (${count.cached} unchanged, from the cache; ${count.live} while rendering)`);
      },
    },
  };
}

/** The output's folder of the search index: a bundle per shard, `pagefind/<shard>/`. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * A file Pagefind writes into every bundle, anew each time: the output's bundle is the cache's
 * when this file of both is one file (hard-linked by copyTree), and nothing writes into a
 * bundle's files in place.
 */
const BUNDLE_ENTRY = 'pagefind-entry.json';

/** Where shards are indexed (while the pages render, or after), before they go to the cache. */
const INDEXING_FOLDER = 'indexing';

/** The pages of a shard the cache holds, if they were indexed from the pages whose digest is `digest`. */
function readCachedShard(cached: string, digest: string): IndexedPage[] | undefined {
  const text = readTextIfExists(join(cached, 'shard.json'));
  if (!text) return undefined;
  const shard = JSON.parse(text) as { digest: string; pages: IndexedPage[] };
  return shard.digest === digest ? shard.pages : undefined;
}

/** Keeps a shard's bundle, and what it indexed, for this build and the next; gives its pages. */
function cacheShard(cached: string, digest: string, bundle: string): IndexedPage[] {
  const pages = indexedPages(bundle);
  removeTree(cached);
  copyTree(bundle, join(cached, 'bundle'));
  // Written last: a cache entry without it is never used.
  writeFileAtomic(join(cached, 'shard.json'), JSON.stringify({ digest, pages }));
  return pages;
}

/** What the search index needs of a page: none for a page it does not index. */
type ScannedPage = { shard: string; hash: string };

/**
 * A page's shard and the hash of its indexed part, read once after a build (page-scans.ts): a page
 * not written since the last build is not read again (in the search's cache, emptied when the
 * code that finds them changed).
 */
function scanPage(html: string): ScannedPage | null {
  const indexed = indexedPart(html);
  return indexed ? { shard: indexed.shard, hash: articleHash(indexed.article) } : null;
}

/**
 * The pages to index, by shard: their paths relative to the site, and a digest of their paths and
 * indexed parts that says whether the shard's index would change.
 * Only the paths are kept: the pages of every shard held at once took the build past 4 GB at
 * 54,000 papers (npm run bench), so each shard's pages are read again when it is indexed.
 */
function pagesByShard(scanned: Map<string, ScannedPage | null>): Map<string, { files: string[]; digest: string }> {
  const shards = new Map<string, [path: string, hash: string][]>();
  for (const [path, page] of scanned) {
    if (!page) continue;
    let pages = shards.get(page.shard);
    if (!pages) shards.set(page.shard, (pages = []));
    pages.push([path, page.hash]);
  }
  return new Map([...shards].sort(([a], [b]) => a.localeCompare(b)).map(([shard, pages]) => [shard, { files: pages.map(([path]) => path), digest: shardDigest(pages) }]));
}

/** Every page of a written bundle, read back from its fragments. */
function indexedPages(bundle: string): IndexedPage[] {
  return listInputFiles([join(bundle, 'fragment')], ['.pf_fragment']).files.map(readPagefindFragment);
}
