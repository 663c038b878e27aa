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
          for (const [shard, files] of shards) {
            const bundle = join(site, 'pagefind', shard);
            await indexShard(site, files, bundle);
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

/**
 * The pages to index, by shard: their paths relative to the site. Only the paths are kept: the
 * pages of every shard held at once took the build past 4 GB at 54,000 papers (npm run bench),
 * so each shard's pages are read again when it is indexed.
 */
function pagesByShard(site: string): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  for (const file of findFilesNamed(site, 'index.html')) {
    const shard = SHARD_ATTRIBUTE.exec(readText(file))?.[1];
    if (!shard) continue;
    let files = shards.get(shard);
    if (!files) shards.set(shard, (files = []));
    files.push(relative(site, file));
  }
  return new Map([...shards].sort(([a], [b]) => a.localeCompare(b)));
}

/** Indexes one shard's pages into a Pagefind bundle of its own, then frees Pagefind's memory of it. */
async function indexShard(site: string, files: string[], bundle: string): Promise<void> {
  const pages: HTMLFile[] = files.map((sourcePath) => ({ sourcePath, content: readText(join(site, sourcePath)) }));
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
