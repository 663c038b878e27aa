import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { site as siteInfo } from '../lib/site.ts';
import type { DigestModel, DigestPaper } from './model.ts';

/**
 * The digest as an e-mail: a table layout with inline styles (what every mail client renders),
 * built as a hast tree and serialized by hast-util-to-html, which escapes every text and
 * attribute. The site's light palette is inline; a dark one overrides it where the client
 * honours prefers-color-scheme, and colour-scheme meta tags tell the others the mail handles
 * both, so they do not invert it into low contrast.
 */
const light = { page: '#f6f8fa', card: '#ffffff', text: '#1b1f24', muted: '#555d66', link: '#0550ae', border: '#d0d7de' };
const dark = { page: '#0d1117', card: '#161b22', text: '#e6edf3', muted: '#a3adb8', link: '#79c0ff', border: '#3d444d' };
const FONT = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';

const DARK_CSS = `:root{color-scheme:light dark;supported-color-schemes:light dark}
@media (prefers-color-scheme: dark){
.dp-page{background-color:${dark.page}!important;color:${dark.text}!important}
.dp-card{background-color:${dark.card}!important;border-color:${dark.border}!important;color:${dark.text}!important}
.dp-muted{color:${dark.muted}!important}
.dp-page a{color:${dark.link}!important}
}`;

const link = (href: string, text: string) => h('a', { href, style: `color:${light.link};text-decoration:underline` }, text);
/** A row of the layout table: one cell. */
const row = (style: string, ...children: ElementContent[]) => h('tr', h('td', { style }, children));
const muted = (style: string, ...children: (ElementContent | string)[]) => h('p', { className: 'dp-muted', style: `color:${light.muted};${style}` }, children);

function card(paper: DigestPaper) {
  return row(
    'padding:0 0 12px',
    h('div', { className: 'dp-card', style: `padding:16px;background-color:${light.card};border:1px solid ${light.border};border-radius:8px;color:${light.text}` }, [
      h('h2', { style: 'margin:0 0 6px;font-size:18px;line-height:1.35' }, link(paper.url, paper.title)),
      muted('margin:0 0 8px;font-size:14px;line-height:1.4', paper.byline),
      h('p', { style: 'margin:0 0 8px;font-size:15px;line-height:1.5' }, paper.excerpt),
      h('p', { style: 'margin:0;font-size:14px' }, link(paper.arxivUrl, 'arXiv')),
    ]),
  );
}

/** The bytes one paper adds to the digest's HTML. */
export function cardBytes(paper: DigestPaper): number {
  return Buffer.byteLength(toHtml(card(paper)));
}

export function digestHtml(model: DigestModel): string {
  const feeds = model.feeds.flatMap((feed, i) => [...(i > 0 ? [' · '] : []), link(feed.url, feed.name)]);
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charSet: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('meta', { name: 'color-scheme', content: 'light dark' }),
        h('meta', { name: 'supported-color-schemes', content: 'light dark' }),
        h('title', model.subject),
        h('style', DARK_CSS),
      ]),
      h('body', { className: 'dp-page', style: `margin:0;padding:0;background-color:${light.page};color:${light.text};${FONT}` }, [
        h('table', { role: 'presentation', className: 'dp-page', style: `width:100%;border-collapse:collapse;background-color:${light.page}` }, [
          h('tbody', row('padding:16px 12px', h('table', { role: 'presentation', style: 'width:100%;max-width:640px;margin:0 auto;border-collapse:collapse' }, [
            h('tbody', [
              row(
                'padding:0 0 16px',
                muted('margin:0;font-size:14px', siteInfo.title),
                h('h1', { style: 'margin:4px 0;font-size:24px;line-height:1.25' }, model.heading),
                muted('margin:0;font-size:14px', `${model.summary} · `, link(model.dayUrl, 'see them on the site')),
              ),
              ...model.papers.map(card),
              ...(model.more > 0 ? [row('padding:0 0 12px', h('p', { style: 'margin:0;font-size:15px' }, link(model.dayUrl, `${model.more} more ${model.more === 1 ? 'paper' : 'papers'} of the day on the site`)))] : []),
              row(
                `padding:12px 0 0;border-top:1px solid ${light.border}`,
                muted('margin:0 0 6px;font-size:13px', 'Follow the papers in a feed reader: ', ...feeds),
                muted('margin:0;font-size:13px', 'Mail shown badly? ', link(model.webUrl, 'Read this digest in a browser')),
              ),
            ]),
          ]))),
        ]),
      ]),
    ]),
  ]);
  return toHtml(tree, { upperDoctype: true });
}
