import type { AstroIntegration } from 'astro';
import { createIndex, close } from 'pagefind';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Builds the Pagefind search index over the finished site through Pagefind's Node API, when
 * Astro's build is done. Only pages marked `data-pagefind-body` (the paper pages) are indexed,
 * so listings that repeat papers do not crowd the results.
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
      },
    },
  };
}
