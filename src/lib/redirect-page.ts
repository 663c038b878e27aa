import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';

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
