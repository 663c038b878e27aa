import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { LinkChecker, LinkState } from 'linkinator';
import { builtFiles, builtPages } from './site-files.ts';
import { serveStatic } from './static-server.ts';

/** Schemes a link off the site may use. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Checks every link of a build, served under `base` on 127.0.0.1 as a static host would serve it,
 * and returns one line per problem (none when all is well):
 *
 * - linkinator requests every page and every URL inside the site that a page's href, src or srcset
 *   names (a folder URL is its index.html) and checks each `#fragment` against the ids and anchor
 *   names of its target page. Links to other hosts are skipped, never fetched.
 * - A cheerio pass over the same pages checks what linkinator does not: that links off the site
 *   are http(s) or mailto (linkinator reads `<meta content>` text as URLs, so its own list of
 *   skipped schemes is not usable), that no internal link names a folder without its trailing
 *   slash (the static server, like linkinator's, would quietly serve it), and that the URLs pages
 *   use outside href/src (form actions, the Pagefind module the search page imports) resolve
 *   too, by handing them to linkinator.
 */
export async function checkLinks(dist: string, base: string): Promise<{ problems: string[]; checked: number }> {
  const server = await serveStatic(dist, base);
  try {
    const pages = builtPages(dist).map((page) => ({ ...page, href: server.url(page.url) }));
    const local = (url?: string) => (url?.startsWith(server.origin) ? url.slice(server.origin.length) : url);
    const problems: string[] = [];
    const extra = new Set<string>();
    const files = new Set(builtFiles(dist));
    const linkedFrom = new Map<string, string[]>();
    for (const page of pages) {
      const $ = load(readFileSync(join(dist, page.file), 'utf8'));
      const links = [
        ...$('[href]').map((_, el) => $(el).attr('href')!).get(),
        ...$('[src]').map((_, el) => $(el).attr('src')!).get(),
        ...$('[srcset]').map((_, el) => $(el).attr('srcset')!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0])).get(),
      ];
      const others = [...$('form[action]').map((_, el) => $(el).attr('action')!).get(), ...$('[data-pagefind]').map((_, el) => $(el).attr('data-pagefind')!).get()];
      for (const raw of [...links, ...others]) {
        let url: URL;
        try {
          url = new URL(raw, page.href);
        } catch {
          problems.push(`${local(page.href)} links to ${JSON.stringify(raw)}, which is not a URL`);
          continue;
        }
        if (url.origin !== server.origin) {
          if (!EXTERNAL_SCHEMES.has(url.protocol)) problems.push(`${local(page.href)} links to ${JSON.stringify(raw)}: a link off the site must be http(s) or mailto`);
          continue;
        }
        // A folder without its trailing slash works on hosts that redirect it, and on none that
        // do not; the site is built with trailingSlash 'always', so it never means to write one.
        const path = decodeURIComponent(url.pathname);
        if (!path.endsWith('/') && files.has(`${path.slice(base.length)}/index.html`)) problems.push(`${local(page.href)} links to ${raw}, a folder without its trailing slash`);
        linkedFrom.set(url.href, [...(linkedFrom.get(url.href) ?? []), page.href]);
        if (others.includes(raw)) extra.add(url.href.replace(/#.*/, ''));
      }
    }
    const entries = [...new Set([...pages.map((page) => page.href), ...extra])];
    const result = await new LinkChecker().check({
      path: entries,
      recurse: false,
      checkFragments: true,
      checkCss: true,
      // Generous: a build of the whole archive is tens of thousands of requests to one local server on 2 cores.
      concurrency: 8,
      timeout: 120_000,
      linksToSkip: async (link) => new URL(link).origin !== server.origin,
    });
    for (const link of result.links.filter((link) => link.state === LinkState.BROKEN)) {
      const why = (link.failureDetails ?? []).map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`)).join('; ');
      // linkinator names no parent for a fragment missing on a page it was also asked to check.
      const parents = link.parent ? [link.parent] : [...new Set(linkedFrom.get(link.url) ?? ['(a page)'])];
      for (const parent of parents) problems.push(`${local(parent)} links to ${local(link.url)}, which is broken (${link.status ?? 'no status'}${why ? `: ${why}` : ''})`);
    }
    return { problems: [...new Set(problems)].sort(), checked: result.links.filter((link) => link.state === LinkState.OK).length };
  } finally {
    await server.close();
  }
}
