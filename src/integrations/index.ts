import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import type { SiteSettings } from '../config/site-settings.ts';
import { withoutFrontMatterCopy } from '../markdown/front-matter-copy.ts';
import { katexPlugin } from '../markdown/katex.ts';
import { safeLinksPlugin } from '../markdown/safe-links.ts';
import { dataStoreReadWhenRendering } from './data-store-module.ts';
import { feedFiles } from './feed-files.ts';
import { securityHeaders } from './headers.ts';
import { noteHtml } from './note-html.ts';
import { outputFolder } from './output-folder.ts';
import { outputReport } from './output-report.ts';
import { ownScripts } from './own-scripts.ts';
import { pageScans } from './page-scans.ts';
import { pagefind, SEARCH_INDEX_FOLDER } from './pagefind.ts';
import { siteUrlWarning } from './site-url.ts';

/** Past this many URLs the sitemap splits into several files under sitemap-index.xml. */
const SITEMAP_ENTRY_LIMIT = 45_000;

/**
 * The whole build of a Daily Papers site, as one Astro integration: each step below is run, hook
 * by hook, in the order it is listed, and the steps that need each other are handed each other
 * here. Read top to bottom, the list is the build:
 *
 * 1. output folder: kept from the last build, then pruned of what this build did not make,
 *    before anything else writes into it;
 * 2. feeds: the topics' and organizations' feeds, written while the pages render, apart from
 *    Astro's routes (src/feeds/endpoints.ts);
 * 3. page scans: the built pages read once for the steps that look into them (search, CSP);
 * 4. data store: Astro's content store read from its file when the pages render, not inlined;
 * 5. site address: a warning when it is unset;
 * 6. sitemap: @astrojs/sitemap, which needs the site's address;
 * 7. search: the Pagefind index, in shards, from the paper pages as they render;
 * 8. own scripts: the site's own inline scripts, known from its code, for the CSP;
 * 9. headers: `_headers`, whose CSP holds the hashes the page scans found, and the files of the
 *    host the site is built for;
 * 10. note HTML: raw HTML in Markdown shown as text unless the owner allows it in notes;
 * 11. output report: the files the build wrote and their size, once every other step is done,
 *    checked against the host's limits.
 *
 * It also sets the Markdown pipeline (Sätteri, with KaTeX maths, safe links and raw HTML as
 * text) and adds the middleware that hands each rendered paper page to the search index.
 */
export function dailyPapers(settings: Pick<SiteSettings, 'notesDir' | 'notesAllowHtml' | 'host'>): AstroIntegration {
  const feeds = feedFiles();
  const pages = pageScans();
  const scripts = ownScripts();
  const html = noteHtml(settings);
  const steps: AstroIntegration[] = [
    outputFolder({ leave: [SEARCH_INDEX_FOLDER], keptBy: [feeds] }),
    feeds,
    pages,
    dataStoreReadWhenRendering(),
    siteUrlWarning(),
    sitemap({ entryLimit: SITEMAP_ENTRY_LIMIT }),
    pagefind(pages),
    scripts,
    securityHeaders(pages, scripts, settings.host),
    html,
    outputReport(settings.host),
  ];
  const setup: AstroIntegration = {
    name: 'daily-papers',
    hooks: {
      'astro:config:setup': ({ addMiddleware, updateConfig }) => {
        addMiddleware({ entrypoint: new URL('./paper-pages-middleware.ts', import.meta.url), order: 'pre' });
        // Smart punctuation off: authors' quotes and dashes stay as written. Raw HTML is shown as
        // text before KaTeX runs, whose output is HTML; only http(s) links are kept; rendered
        // entries keep only what these plugins add to the front matter (front-matter-copy.ts).
        updateConfig({
          markdown: { processor: withoutFrontMatterCopy(satteri({ features: { math: { singleDollarTextMath: true }, smartPunctuation: false }, hastPlugins: [html.plugin, katexPlugin, safeLinksPlugin] })) },
        });
      },
    },
  };
  return inOrder('daily-papers', [setup, ...steps]);
}

type Hooks = AstroIntegration['hooks'];
interface ForkingLogger {
  fork(label: string): ForkingLogger;
}
type AnyHook = (params: { logger: ForkingLogger }) => unknown;

/**
 * One integration that runs its steps' hooks one after the other, in the steps' order, each with
 * Astro's logger under the step's own name, as Astro would run them were they listed apart.
 */
export function inOrder(name: string, steps: readonly AstroIntegration[]): AstroIntegration {
  const names = new Set(steps.flatMap((step) => Object.keys(step.hooks))) as Set<keyof Hooks>;
  const hooks: Record<string, AnyHook> = {};
  for (const hook of names) {
    hooks[hook] = async (params) => {
      for (const step of steps) {
        const run = step.hooks[hook] as AnyHook | undefined;
        if (run) await run({ ...params, logger: step.name === name ? params.logger : params.logger.fork(step.name) });
      }
    };
  }
  return { name, hooks: hooks as Hooks };
}
