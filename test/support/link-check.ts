import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { LinkChecker, LinkState } from 'linkinator';
import { builtFiles, builtPages, pageKinds, representatives } from './site-files.ts';
import { serveStatic } from './static-server.ts';

/** Schemes a link off the site may use. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Where pages are taken to live while their links are resolved; never requested. */
const SITE = 'http://site.invalid';

/**
 * Checks every link of a build served under `base`, and returns one line per problem (none when
 * all is well), with the number of links found sound. Two passes:
 *
 * - Every link of every page, read with cheerio (href, src, srcset, form actions, and the Pagefind
 *   module and sort table the search page loads), is resolved as a static host would serve it: an internal
 *   URL must name a built file (a folder URL, with its trailing slash, its index.html), and its
 *   `#fragment` an id or anchor name of that page. A folder named without its trailing slash is a
 *   problem too (the site is built with trailingSlash 'always', and not every host redirects it).
 *   A link off the site must be http(s) or mailto.
 * - linkinator then requests the first and the largest page of each kind from the build served on
 *   127.0.0.1, with every URL they reference, stylesheets' url()s included. Fragments are the
 *   first pass's: linkinator 7.6 checked them too, but reported a missing one only at random, and
 *   then without the page that links to it. It is not given every page: it looks up each
 *   repeated link in a list of all its results, which grows quadratic on a build of the whole
 *   archive (13,000 pages, a million links).
 */
export async function checkLinks(dist: string, base: string): Promise<{ problems: string[]; checked: number }> {
  const files = new Set(builtFiles(dist));
  const pages = builtPages(dist, base);
  const problems: string[] = [];
  const anchors = new Map<string, Set<string>>();
  const links: { page: string; raw: string }[] = [];
  for (const page of pages) {
    const $ = load(readFileSync(join(dist, page.file), 'utf8'));
    anchors.set(page.file, new Set([...$('[id]').map((_, el) => $(el).attr('id')!).get(), ...$('a[name]').map((_, el) => $(el).attr('name')!).get()]));
    const raws = [
      ...$('[href]').map((_, el) => $(el).attr('href')!).get(),
      ...$('[src]').map((_, el) => $(el).attr('src')!).get(),
      ...$('[srcset]').map((_, el) => $(el).attr('srcset')!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0])).get(),
      ...$('form[action]').map((_, el) => $(el).attr('action')!).get(),
      ...$('[data-pagefind]').map((_, el) => $(el).attr('data-pagefind')!).get(),
      ...$('[data-sorts]').map((_, el) => $(el).attr('data-sorts')!).get(),
    ];
    for (const raw of raws) links.push({ page: page.url, raw });
  }

  let checked = 0;
  for (const { page, raw } of links) {
    let url: URL;
    try {
      url = new URL(raw, SITE + page);
    } catch {
      problems.push(`${page} links to ${JSON.stringify(raw)}, which is not a URL`);
      continue;
    }
    if (url.origin !== SITE) {
      if (!EXTERNAL_SCHEMES.has(url.protocol)) problems.push(`${page} links to ${JSON.stringify(raw)}: a link off the site must be http(s) or mailto`);
      continue;
    }
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      problems.push(`${page} links to ${raw}, outside the site's base ${base}`);
      continue;
    }
    const inBuild = path.slice(base.length);
    const file = inBuild === '' || inBuild.endsWith('/') ? `${inBuild}index.html` : inBuild;
    if (!files.has(file)) {
      problems.push(files.has(`${inBuild}/index.html`) ? `${page} links to ${raw}, a folder without its trailing slash` : `${page} links to ${raw}, which is not in the build`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && file.endsWith('.html') && !anchors.get(file)?.has(fragment)) {
      problems.push(`${page} links to ${raw}, but ${path} has no id or anchor "${fragment}"`);
      continue;
    }
    checked++;
  }

  problems.push(...(await checkOverHttp(dist, base)));
  return { problems: [...new Set(problems)].sort(), checked };
}

/** linkinator's pass over the representative pages of each kind; one line per broken link. */
async function checkOverHttp(dist: string, base: string): Promise<string[]> {
  const server = await serveStatic(dist, base);
  try {
    const local = (url?: string) => (url?.startsWith(server.origin) ? url.slice(server.origin.length) : url);
    const entries = [...pageKinds(dist).values()].flatMap((pages) => representatives(pages)).map((page) => server.url(page.url));
    const result = await new LinkChecker().check({
      path: entries,
      recurse: false,
      checkCss: true,
      concurrency: 8,
      timeout: 60_000,
      linksToSkip: async (link) => new URL(link).origin !== server.origin,
    });
    return result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => {
        const why = (link.failureDetails ?? []).map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`)).join('; ');
        return `${local(link.parent) ?? '(a page)'} links to ${local(link.url)}, which is broken over HTTP (${link.status ?? 'no status'}${why ? `: ${why}` : ''})`;
      });
  } finally {
    await server.close();
  }
}
