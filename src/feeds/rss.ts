import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { dayStart, type Feed } from './feed.ts';
import { xmlDocument } from './xml.ts';

/**
 * RSS 2.0, built as the Atom feed is. An item's guid is the arXiv id, not a permalink (a link
 * changes with the site's address), and its authors are dc:creator (RSS's own <author> must be an
 * e-mail address). @astrojs/rss took these as customData, which it parsed back as XML: five times
 * the cost of building the feed here, at 40,000 topic feeds some 30 s of a build
 * (docs/performance.md).
 */
export function rssXml(feed: Feed, selfUrl: string): string {
  return xmlDocument({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: feed.title,
        description: feed.description,
        link: feed.pageUrl,
        language: 'en',
        lastBuildDate: dayStart(feed.updated).toUTCString(),
        'atom:link': { '@_href': selfUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: feed.items.map((item) => ({
          title: item.title,
          link: item.url,
          guid: { '#text': item.id, '@_isPermaLink': 'false' },
          // RSS readers read a description as HTML: the text goes in escaped, so `<think>` stays text.
          description: toHtml(item.abstract.map((paragraph) => h('p', paragraph))),
          pubDate: dayStart(item.day).toUTCString(),
          'dc:creator': item.authors,
          category: item.keywords,
        })),
      },
    },
  });
}
