import type { HostName } from '../lib/hosts.ts';
import { REVALIDATE } from './header-rules.ts';
import type { HeaderRule } from './headers-file.ts';
import { nginxHeaders, siteWideRule, vercelHeaders } from './host-formats.ts';

/**
 * The files a host reads besides the pages, written into the output for the host the owner
 * names (src/lib/hosts.ts), made from the rules of `_headers` (header-rules.ts), which every
 * build writes for Netlify and Cloudflare Pages. Each host finds the not-found page at `404.html`
 * by itself but nginx, which is told here; object storage gets its headers from `npm run deploy`.
 */
export function hostFiles(host: HostName | undefined, rules: readonly HeaderRule[], base: string): Record<string, string> {
  switch (host) {
    case 'github-pages':
      // A site deployed from a branch goes through Jekyll, which drops folders starting with `_` (_astro/).
      return { '.nojekyll': '' };
    case 'vercel':
      return { 'vercel.json': `${JSON.stringify(vercelConfig(rules), null, 2)}\n` };
    case 'nginx':
      return { 'nginx.conf': nginxConfig(rules, base) };
    default:
      return {};
  }
}

/** A `_headers` path (`/daily/_astro/*`) as a Vercel source pattern (`/daily/_astro/(.*)`). */
function vercelSource(path: string): string {
  return path.endsWith('*') ? `${path.slice(0, -1)}(.*)` : path;
}

/** vercel.json for a static deploy of the output: every header rule, and the URLs with their slash. */
function vercelConfig(rules: readonly HeaderRule[]) {
  const siteWide = vercelHeaders(siteWideRule(rules));
  const others = rules.filter((rule) => vercelSource(rule.path) !== siteWide.source).map((rule) => ({ source: vercelSource(rule.path), headers: rule.headers.map(([key, value]) => ({ key, value })) }));
  return { trailingSlash: true, headers: [siteWide, ...others] };
}

/**
 * An nginx snippet to include in the site's `server` block: the not-found page, and the headers
 * of `_headers`. A `location` with an add_header of its own inherits none, so each one repeats
 * the security headers; hashed files get their long caching by their folders' prefixes.
 */
function nginxConfig(rules: readonly HeaderRule[], base: string): string {
  const lines = (headers: HeaderRule['headers']) => nginxHeaders({ base, headers }).trimEnd().split('\n');
  const security = lines(siteWideRule(rules).headers);
  const location = (match: string, own: string[]) => [`location ${match} {`, ...[...security, ...own].map((line) => `    ${line}`), '}'].join('\n');
  // The longest matching prefix wins, and ^~ stops nginx from looking further; `=` is one file.
  const ownRules = rules.filter((rule) => rule.path !== `${base}*`);
  const blocks = [
    '# Written by the build for nginx (docs/deploy.md): include it in the server block whose root is this folder.',
    `error_page 404 ${base}404.html;`,
    // Pages, feeds and data change every day: asked again each time, as Netlify and Cloudflare do by default.
    location(base, [...lines([['Cache-Control', REVALIDATE]]), 'try_files $uri $uri/ =404;']),
    // A location without caching of its own (the open data's) revalidates too: it inherits nothing.
    ...ownRules.map((rule) => {
      const headers = rule.headers.some(([name]) => name.toLowerCase() === 'cache-control') ? rule.headers : [...rule.headers, ['Cache-Control', REVALIDATE] as [string, string]];
      return location(rule.path.endsWith('*') ? `^~ ${rule.path.slice(0, -1)}` : `= ${rule.path}`, lines(headers));
    }),
  ];
  return `${blocks.join('\n\n')}\n`;
}
