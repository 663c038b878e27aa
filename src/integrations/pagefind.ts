import type { AstroIntegration } from 'astro';
import { close, createIndex, type HTMLFile } from 'pagefind';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { copyTree, listInputFiles, readBytes, readText, readTextIfExists, removeFilesMatching, removeTree, subfolders, writeFileAtomic } from '../ingest/files.ts';
import { buildSortTable, type IndexedPage } from '../lib/search-sorts.ts';
import { scanPages } from './page-scans.ts';

/** The paper pages say which shard of the index they go to (src/lib/search-shards.ts). */
const SHARD_ATTRIBUTE = /<article\b[^>]*\bdata-pagefind-body\b[^>]*\bdata-search-shard="([\w-]+)"/;
/** A link's tags: Pagefind indexes a link's text, never where it goes. */
const LINK_TAG = /<\/?a\b[^>]*>/g;
/** Pagefind's ready-made interfaces, which this site does not use (it has its own, over the JS API). */
const UNUSED_FILE = /^(pagefind-(component-|modular-)?ui\.(js|css)|pagefind-highlight\.js|wasm\.unknown\.pagefind)$/;

/**
 * Builds the Pagefind search index over the finished site through Pagefind's Node API, when
 * Astro's build is done: one Pagefind bundle per shard, at `pagefind/<shard>/`. Only the paper
 * pages are indexed (they alone carry `data-pagefind-body`), so listings that repeat papers do
 * not crowd the results. Then writes the sort table the search page loads for sorted searches
 * (src/lib/search-sorts.ts says why it is apart).
 *
 * A shard whose pages' indexed articles are byte for byte those the last build indexed is not
 * indexed again: its bundle is kept in Astro's cache folder, and copied from there. A new day
 * changes the newest shard, and an older one only where one of its papers is listed again or
 * corrected.
 */
export function pagefind(): AstroIntegration {
  let cache = '';
  let pagefindVersion = 'unknown';
  return {
    name: 'daily-papers:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'daily-papers-search');
        const manifest = readTextIfExists(join(fileURLToPath(config.root), 'node_modules', 'pagefind', 'package.json'));
        if (manifest) pagefindVersion = (JSON.parse(manifest) as { version: string }).version;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const shards = pagesByShard(site, cache, pagefindVersion);
        const indexed: IndexedPage[] = [];
        let reused = 0;
        try {
          for (const [shard, { files, digest }] of shards) {
            const bundle = join(site, 'pagefind', shard);
            const cached = join(cache, shard);
            let pages = readCachedShard(cached, digest);
            if (pages) {
              copyTree(join(cached, 'bundle'), bundle);
              reused++;
            } else {
              await indexShard(site, files, bundle);
              pages = indexedPages(bundle);
              cacheShard(cached, digest, bundle, pages);
            }
            indexed.push(...pages);
          }
        } finally {
          await close();
        }
        // Shards that are no more (another shard size) would otherwise stay in the cache for good.
        for (const shard of subfolders(cache)) if (!shards.has(shard)) removeTree(join(cache, shard));
        writeFileAtomic(join(site, 'search', 'sorts.json'), JSON.stringify(buildSortTable(indexed)));
        const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
        logger.info(`indexed ${indexed.length} paper pages in ${count(shards.size, 'shard')} in ${((performance.now() - started) / 1000).toFixed(1)} s (${reused} unchanged, from the cache)`);
      },
    },
  };
}

/** The pages of a shard the cache holds, if they were indexed from the pages whose digest is `digest`. */
function readCachedShard(cached: string, digest: string): IndexedPage[] | undefined {
  const text = readTextIfExists(join(cached, 'shard.json'));
  if (!text) return undefined;
  const shard = JSON.parse(text) as { digest: string; pages: IndexedPage[] };
  return shard.digest === digest ? shard.pages : undefined;
}

/** Keeps a shard's bundle, and what it indexed, for the next build. */
function cacheShard(cached: string, digest: string, bundle: string, pages: IndexedPage[]): void {
  removeTree(cached);
  copyTree(bundle, join(cached, 'bundle'));
  // Written last: a cache entry without it is never used.
  writeFileAtomic(join(cached, 'shard.json'), JSON.stringify({ digest, pages }));
}

/**
 * The pages to index, by shard: their paths relative to the site, and a digest of their paths and
 * indexed parts (and of Pagefind's version) that says whether the shard's index would change. Only the
 * paths are kept: the pages of every shard held at once took the build past 4 GB at 54,000
 * papers (npm run bench), so each shard's pages are read again when it is indexed. A page not
 * written since the last build is not read: its shard and the hash of its indexed part are kept
 * in the cache (page-scans.ts), under a version that changes with the code that finds them.
 */
function pagesByShard(site: string, cache: string, pagefindVersion: string): Map<string, { files: string[]; digest: string }> {
  const version = createHash('sha256').update(`${pagefindVersion}\0${SHARD_ATTRIBUTE}\0${LINK_TAG}\0${indexedPart}`).digest('base64url');
  const scanned = scanPages(site, join(cache, 'pages.json'), version, (html) => {
    const indexed = indexedPart(html);
    return indexed ? { shard: indexed.shard, hash: createHash('sha256').update(indexed.article).digest('base64url') } : null;
  });
  const shards = new Map<string, { files: string[]; hash: ReturnType<typeof createHash> }>();
  for (const [path, page] of scanned) {
    if (!page) continue;
    let pages = shards.get(page.shard);
    if (!pages) shards.set(page.shard, (pages = { files: [], hash: createHash('sha256').update(version) }));
    pages.files.push(path);
    pages.hash.update(`\0${path}\0${page.hash}`);
  }
  return new Map([...shards].sort(([a], [b]) => a.localeCompare(b)).map(([shard, { files, hash }]) => [shard, { files, digest: hash.digest('base64url') }]));
}

/**
 * The part of a paper page the index reads, and the page's shard: its article (data-pagefind-body,
 * with the filters and metadata), without the navigation, related papers and BibTeX around it,
 * and its links reduced to their text. So what is indexed depends on the paper alone: a page
 * whose related papers changed, or whose keyword gained a topic page to link to, indexes the
 * same, and Pagefind parses a third of the HTML.
 */
function indexedPart(html: string): { shard: string; article: string } | undefined {
  const found = SHARD_ATTRIBUTE.exec(html);
  if (!found) return undefined;
  return { shard: found[1], article: html.slice(found.index, html.indexOf('</article>', found.index) + '</article>'.length).replace(LINK_TAG, '') };
}

/** Indexes one shard's pages into a Pagefind bundle of its own, then frees Pagefind's memory of it. */
async function indexShard(site: string, files: string[], bundle: string): Promise<void> {
  const pages: HTMLFile[] = files.map((sourcePath) => ({ sourcePath, content: `<!doctype html><html lang="en"><body>${indexedPart(readText(join(site, sourcePath)))!.article}</body></html>` }));
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await Promise.all(pages.map((page) => index.addHTMLFile(page)));
    const failed = added.flatMap((result, i) => result.errors.map((error) => `${pages[i].sourcePath}: ${error}`));
    if (failed.length > 0) throw new Error(`Pagefind could not index the site:\n${failed.join('\n')}`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
  removeFilesMatching(bundle, UNUSED_FILE);
}

/** Every page of a written bundle, read back from its fragment (gzipped JSON after a signature). */
function indexedPages(bundle: string): IndexedPage[] {
  return listInputFiles([join(bundle, 'fragment')], ['.pf_fragment']).files.map((file) => {
    const text = gunzipSync(readBytes(file)).toString('utf8');
    const { url, meta } = JSON.parse(text.slice(text.indexOf('{'))) as Omit<IndexedPage, 'id'>;
    return { id: basename(file, '.pf_fragment'), url, meta };
  });
}
