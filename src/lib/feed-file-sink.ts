import { buildSink } from './build-sink.ts';

/** A feed a build writes apart from Astro's routes (src/integrations/feed-files.ts). */
export interface FeedFile {
  /** Its file in the output folder: `topics/<slug>/rss.xml`. */
  path: string;
  /** Changes whenever the data `render` shows does: the route's cache key (src/lib/cache-keys.ts). */
  key: string;
  render(): string;
}

/**
 * Where the routes of one feed per listing (a topic's, an organization's) hand their feeds in a
 * build, instead of rendering them as routes (src/feeds/endpoints.ts says why).
 */
export interface FeedFileSink {
  add(files: readonly FeedFile[]): void;
}

const sink = buildSink<FeedFileSink>('feed-file-sink');

export const setFeedFileSink = sink.set;
export const feedFileSink = sink.get;
