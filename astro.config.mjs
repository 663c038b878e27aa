// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { siteSettings } from './src/config/site-settings.ts';
import { dataStoreReadWhenRendering } from './src/integrations/data-store-module.ts';
import { feedFiles } from './src/integrations/feed-files.ts';
import { securityHeaders } from './src/integrations/headers.ts';
import { outputFolder } from './src/integrations/output-folder.ts';
import { outputReport } from './src/integrations/output-report.ts';
import { noteHtml } from './src/integrations/note-html.ts';
import { ownScripts } from './src/integrations/own-scripts.ts';
import { pageScans } from './src/integrations/page-scans.ts';
import { pagefind, SEARCH_INDEX_FOLDER } from './src/integrations/pagefind.ts';
import { siteUrlWarning } from './src/integrations/site-url.ts';
import { withoutFrontMatterCopy } from './src/markdown/front-matter-copy.ts';
import { katexPlugin } from './src/markdown/katex.ts';
import { safeLinksPlugin } from './src/markdown/safe-links.ts';

// Where the site is served: siteUrl is its origin, basePath its sub-path (e.g. /daily/ on a
// GitHub Pages project site), from daily-papers.config.json or SITE_URL and BASE_PATH
// (src/config/site-settings.ts). Every link goes through src/lib/paths.ts, which reads the base.
// The sitemap needs the site's address (without it the integration skips it); past 45,000 URLs
// it splits into several files under sitemap-index.xml.
const settings = siteSettings();
// The pages are read once after a build for the hooks that look into them (search, _headers).
const pages = pageScans();
// Topics' and organizations' feeds are written apart from Astro's routes (src/feeds/endpoints.ts).
const feeds = feedFiles();
// The CSP allows the site's own inline scripts alone, known from its code, not from the pages.
const scripts = ownScripts();
// Raw HTML in Markdown shows as text, unless a note's and the owner allows it (notesAllowHtml).
const html = noteHtml(settings);

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
  // Build hooks run in this order: the output folder is pruned of what this build did not make
  // before the pages are scanned and the others write into it, and the output report counts
  // what they wrote.
  integrations: [outputFolder({ leave: [SEARCH_INDEX_FOLDER], keptBy: [feeds] }), feeds, pages, dataStoreReadWhenRendering(), siteUrlWarning(), sitemap({ entryLimit: 45_000 }), pagefind(pages), scripts, securityHeaders(pages, scripts), html, outputReport()],
  // Sätteri's defaults but smart punctuation (authors' quotes and dashes stay as written), with raw
  // HTML shown as text (src/markdown/raw-html.ts; before KaTeX, whose output is HTML), `$...$`
  // maths rendered by KaTeX at build time (src/markdown/katex.ts),
  // and only http(s) links kept (src/markdown/safe-links.ts).
  // Rendered entries keep only what those plugins add to the front matter (front-matter-copy.ts).
  markdown: { processor: withoutFrontMatterCopy(satteri({ features: { math: { singleDollarTextMath: true }, smartPunctuation: false }, hastPlugins: [html.plugin, katexPlugin, safeLinksPlugin] })) },
});
