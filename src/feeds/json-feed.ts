import { dayStart, type Feed } from './feed.ts';

/** The members of JSON Feed 1.1 (https://jsonfeed.org/version/1.1) the site writes. */
interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: {
    id: string;
    url: string;
    title: string;
    content_text: string;
    date_published: string;
    authors: { name: string }[];
    tags?: string[];
  }[];
}

/** JSON Feed 1.1: JSON, so JSON.stringify does all the escaping there is. */
export function jsonFeed(feed: Feed, selfUrl: string): string {
  const json: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.pageUrl,
    feed_url: selfUrl,
    language: 'en',
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_text: item.abstract.join('\n\n'),
      date_published: dayStart(item.day).toISOString(),
      authors: item.authors.map((name) => ({ name })),
      ...(item.keywords.length > 0 && { tags: item.keywords }),
    })),
  };
  return `${JSON.stringify(json)}\n`;
}
