import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { isFile } from '../fs/files.ts';
import { ASTRO_DATA_STORE_MODULE, astroDataStoreFile } from './internals.ts';


/**
 * Astro inlines its whole content data store into the build as one string literal
 * (`export default JSON.parse("...")`): at 54,000 papers, 55 MB that the bundler parsed and wrote
 * again (17 s of an 8× build's bundling) and V8 then compiled, in time that grows with the square
 * of the literal's length (45 s). The store is only ever read by the build itself, when it
 * renders the pages, from the file Astro has just written; so in a build this module reads that
 * file when the pages render instead (docs/performance.md). The data is the same, read once.
 *
 * The module's code is then the same from build to build, as it must be: Astro's incremental
 * build keys each page by its code, and the data's changes are in each page's cache key.
 * Astro's module is left as it is when the store is split into chunks
 * (`experimental.collectionStorage`), when there is no store file, and in the dev server.
 */
export function dataStoreReadWhenRendering(): AstroIntegration {
  return {
    name: 'daily-papers:data-store-module',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || (config.experimental.collectionStorage ?? 'single-file') !== 'single-file') return;
        const storeFile = fileURLToPath(astroDataStoreFile(config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'daily-papers:data-store-module',
                load: {
                  // Before Astro's own load of the module, which would read and inline the store.
                  order: 'pre',
                  filter: { id: new RegExp(`^${ASTRO_DATA_STORE_MODULE}$`) },
                  handler: (id: string) => (id === ASTRO_DATA_STORE_MODULE ? dataStoreModule(storeFile) : null),
                },
              },
            ],
          },
        });
      },
    },
  };
}

/** Code that reads the store from `storeFile` when it runs; none (Astro's code) when there is no such file. */
export function dataStoreModule(storeFile: string): { code: string; map: { mappings: '' } } | null {
  if (!isFile(storeFile)) return null;
  // The code the build runs reads the file itself: it is bundled apart from this project's modules.
  return { code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`, map: { mappings: '' } };
}
