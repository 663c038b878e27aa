import type { AstroIntegration } from 'astro';
import { createIndex, close } from 'pagefind';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listInputFiles, readBytes, writeFileAtomic } from '../ingest/files.ts';
import { buildSortTable, type IndexedPage } from '../lib/search-sorts.ts';

/**
 * Builds the Pagefind search index over the finished site through Pagefind's Node API, when
 * Astro's build is done. Only pages marked `data-pagefind-body` (the paper pages) are indexed,
 * so listings that repeat papers do not crowd the results. Then writes the sort table the search
 * page loads for sorted searches (src/lib/search-sorts.ts says why it is apart).
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'daily-papers:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`read ${added.page_count} pages and indexed those marked data-pagefind-body in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await close();
        }
        const pages = indexedPages(join(site, 'pagefind', 'fragment'));
        writeFileAtomic(join(site, 'search', 'sorts.json'), JSON.stringify(buildSortTable(pages)));
      },
    },
  };
}

/** Every page of the written index, read back from its fragment (gzipped JSON after a signature). */
function indexedPages(fragmentDir: string): IndexedPage[] {
  return listInputFiles([fragmentDir], ['.pf_fragment']).files.map((file) => {
    const text = gunzipSync(readBytes(file)).toString('utf8');
    const { meta } = JSON.parse(text.slice(text.indexOf('{'))) as { meta: IndexedPage['meta'] };
    return { id: basename(file, '.pf_fragment'), meta };
  });
}
