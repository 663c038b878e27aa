import { dayStart, type Feed } from './feed.ts';
import { xmlDocument } from './xml.ts';

const text = (value: string) => ({ '#text': value, '@_type': 'text' });

/**
 * Atom 1.0 (RFC 4287). Text constructs are type="text", so a title or abstract is never read as
 * HTML. Entries carry their own authors, as a feed without a feed-level author must.
 */
export function atomXml(feed: Feed, selfUrl: string): string {
  return xmlDocument({
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'en',
      id: selfUrl,
      title: text(feed.title),
      subtitle: text(feed.description),
      updated: dayStart(feed.updated).toISOString(),
      link: [
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': feed.pageUrl },
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': selfUrl },
      ],
      entry: feed.items.map((item) => ({
        id: item.id,
        title: text(item.title),
        updated: dayStart(item.day).toISOString(),
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.url },
        author: item.authors.map((name) => ({ name })),
        category: item.keywords.map((term) => ({ '@_term': term })),
        summary: text(item.abstract.join('\n\n')),
      })),
    },
  });
}
