import type { APIRoute } from 'astro';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { cacheKey } from './cache-keys.ts';

/**
 * A page that sends its reader on to `to` (a path on this site) at once, as static hosts without
 * redirect rules need: a refresh, a link for readers whose browser does not follow it, the
 * canonical address of where it leads, and nothing for search engines to list. The text goes
 * in as text (hastscript escapes it).
 */
export function redirectPage({ title, to, site }: { title: string; to: string; site?: URL }): string {
  const page = h('html', { lang: 'en' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', title),
      h('meta', { name: 'robots', content: 'noindex' }),
      h('meta', { httpEquiv: 'refresh', content: `0; url=${to}` }),
      site ? h('link', { rel: 'canonical', href: new URL(to, site).href }) : undefined,
    ]),
    h('body', [h('main', [h('h1', title), h('p', ['This page is now at ', h('a', { href: to }, title), '.'])])]),
  ]);
  return `<!DOCTYPE html>${toHtml(page)}\n`;
}

/** One page that leads on: where it is (its route's parameter) and where it leads, with the title it shows. */
export interface Redirect {
  from: string;
  title: string;
  to: string;
}

/**
 * A route of pages that lead on, one per redirect `redirects` gives, under the parameter `param`:
 * an endpoint, not a page, so no sitemap lists them; each keyed on what it shows, so an
 * incremental build keeps it while that holds.
 */
export function redirectRoute(param: string, redirects: () => Promise<Redirect[]>) {
  const getStaticPaths = async () => (await redirects()).map(({ from, title, to }) => ({ params: { [param]: from }, props: { title, to }, cacheKey: cacheKey('redirect', from, title, to) }));
  const GET: APIRoute = ({ props, site }) => {
    const { title, to } = props as Omit<Redirect, 'from'>;
    return new Response(redirectPage({ title, to, site }), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  };
  return { getStaticPaths, GET };
}
