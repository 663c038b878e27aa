import { getRssString } from '@astrojs/rss';
import { XMLBuilder } from 'fast-xml-parser';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { dayStart, type Feed } from './feed.ts';

// The same XML library @astrojs/rss builds with: it escapes what goes into customData.
const xml = new XMLBuilder({ ignoreAttributes: false });

/**
 * RSS 2.0 through @astrojs/rss. What it has no option for goes in customData, built escaped:
 * each item's guid (the arXiv id, not a permalink, in place of the link @astrojs/rss would use,
 * which changes with the site's address) and authors as dc:creator (RSS's own <author> must be
 * an e-mail address); the channel's language, date and self link.
 */
export function rssXml(feed: Feed, selfUrl: string): Promise<string> {
  return getRssString({
    title: feed.title,
    description: feed.description,
    site: feed.pageUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: xml.build({
      language: 'en',
      lastBuildDate: dayStart(feed.updated).toUTCString(),
      'atom:link': { '@_href': selfUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
    }),
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: dayStart(item.day),
      // RSS readers read a description as HTML: the text goes in escaped, so `<think>` stays text.
      description: toHtml(item.abstract.map((paragraph) => h('p', paragraph))),
      categories: item.keywords,
      customData: xml.build({ guid: { '#text': item.id, '@_isPermaLink': 'false' }, 'dc:creator': item.authors }),
    })),
  });
}
