// @ts-check
import { defineConfig } from 'astro/config';
import { siteSettings } from './src/config/site-settings.ts';
import { dailyPapers } from './src/integrations/index.ts';

// Where the site is served: siteUrl is its origin, basePath its sub-path (e.g. /daily/ on a
// GitHub Pages project site), from daily-papers.config.json or SITE_URL and BASE_PATH
// (src/config/site-settings.ts). Every link goes through src/lib/paths.ts, which reads the base.
const settings = siteSettings();

export default defineConfig({
  site: settings.siteUrl,
  base: settings.basePath,
  trailingSlash: 'always',
  // A build copies each page whose cacheKey (src/lib/cache-keys.ts) and code are unchanged from
  // the last build kept in cacheDir instead of rendering it again: a new day renders its own pages
  // and the few listings it changes. The search shards are reused the same way (pagefind.ts).
  cacheDir: settings.cacheDir,
  experimental: { incrementalBuild: true },
  // Astro renders a page, then waits for its files to be written (twice: the page and its copy
  // in cacheDir) before the next: a third of the render phase went idle. Four pages in flight
  // fill those waits; rendering itself stays on one thread (docs/performance.md).
  build: { concurrency: 4 },
  // Every step of the build, in order, and the Markdown pipeline: src/integrations/index.ts.
  integrations: [dailyPapers(settings)],
});
