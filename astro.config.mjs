// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { pagefind } from './src/integrations/pagefind.ts';
import { siteUrlWarning } from './src/integrations/site-url.ts';
import { katexPlugin } from './src/markdown/katex.ts';
import { safeLinksPlugin } from './src/markdown/safe-links.ts';

// Where the site is served: SITE_URL is its origin, BASE_PATH its sub-path (e.g. /daily/ on a
// GitHub Pages project site). Every link goes through src/lib/paths.ts, which reads the base.
// The sitemap needs SITE_URL (without it the integration skips it); past 45,000 URLs it splits
// into several files under sitemap-index.xml.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  integrations: [siteUrlWarning(), sitemap({ entryLimit: 45_000 }), pagefind()],
  // Sätteri's defaults, plus `$...$` maths rendered by KaTeX at build time (src/markdown/katex.ts),
  // and only http(s) links kept (src/markdown/safe-links.ts).
  markdown: { processor: satteri({ features: { math: { singleDollarTextMath: true } }, hastPlugins: [katexPlugin, safeLinksPlugin] }) },
});
