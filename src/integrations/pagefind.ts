import type { AstroIntegration } from 'astro';
import { close, createIndex, type HTMLFile } from 'pagefind';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { findFilesNamed, listInputFiles, readBytes, readText, removeFilesMatching, writeFileAtomic } from '../ingest/files.ts';
import { buildSortTable, type IndexedPage } from '../lib/search-sorts.ts';

/** The paper pages say which shard of the index they go to (src/lib/search-shards.ts). */
const SHARD_ATTRIBUTE = /<article\b[^>]*\bdata-pagefind-body\b[^>]*\bdata-search-shard="([\w-]+)"/;
/** Pagefind's ready-made interfaces, which this site does not use (it has its own, over the JS API). */
const UNUSED_FILE = /^(pagefind-(component-|modular-)?ui\.(js|css)|pagefind-highlight\.js|wasm\.unknown\.pagefind)$/;

/**
 * Builds the Pagefind search index over the finished site through Pagefind's Node API, when
 * Astro's build is done: one Pagefind bundle per shard, at `pagefind/<shard>/`. Only the paper
 * pages are indexed (they alone carry `data-pagefind-body`), so listings that repeat papers do
 * not crowd the results. Then writes the sort table the search page loads for sorted searches
 * (src/lib/search-sorts.ts says why it is apart).
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'daily-papers:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const shards = pagesByShard(site);
        const indexed: IndexedPage[] = [];
        try {
          for (const [shard, pages] of shards) {
            const bundle = join(site, 'pagefind', shard);
            await indexShard(pages, bundle);
            indexed.push(...indexedPages(bundle));
          }
        } finally {
          await close();
        }
        writeFileAtomic(join(site, 'search', 'sorts.json'), JSON.stringify(buildSortTable(indexed)));
        logger.info(`indexed ${indexed.length} paper pages in ${shards.size} ${shards.size === 1 ? 'shard' : 'shards'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}

/** The pages to index, read from the site, by shard. */
function pagesByShard(site: string): Map<string, HTMLFile[]> {
  const shards = new Map<string, HTMLFile[]>();
  for (const file of findFilesNamed(site, 'index.html')) {
    const content = readText(file);
    const shard = SHARD_ATTRIBUTE.exec(content)?.[1];
    if (!shard) continue;
    let pages = shards.get(shard);
    if (!pages) shards.set(shard, (pages = []));
    pages.push({ sourcePath: relative(site, file), content });
  }
  return new Map([...shards].sort(([a], [b]) => a.localeCompare(b)));
}

/** Indexes one shard's pages into a Pagefind bundle of its own, then frees Pagefind's memory of it. */
async function indexShard(pages: HTMLFile[], bundle: string): Promise<void> {
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
