import { paths } from '../lib/paths.ts';

/** The formats of the site's feeds: where each is served, its media type, and its name for readers. */
export const feedFormats = {
  rss: { path: paths.rss, type: 'application/rss+xml', name: 'RSS' },
  atom: { path: paths.atom, type: 'application/atom+xml', name: 'Atom' },
  json: { path: paths.jsonFeed, type: 'application/feed+json', name: 'JSON Feed' },
};

export type FeedFormat = keyof typeof feedFormats;
