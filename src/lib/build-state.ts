/**
 * What a build's steps (src/integrations/) and the pages Astro renders hand each other while the
 * pages render: the step sets its part when the build starts and clears it when it is done, and
 * page code gives it what it makes. The two live in different module graphs (the integration in
 * Astro's process, the pages in the bundle it renders with), so the one state object is kept
 * under a global symbol. Outside a build every part is unset.
 */
export interface BuildState {
  /** Where the routes of one feed per listing hand their feeds (src/integrations/feed-files.ts). */
  feeds?: FeedFileSink;
  /** Where paper pages go as they are rendered, to be indexed for search at the same time (src/integrations/live-search-index.ts). */
  paperPages?: PaperPageSink;
}

/** A feed a build writes apart from Astro's routes (src/integrations/feed-files.ts). */
export interface FeedFile {
  /** Its file in the output folder: `topics/<slug>/rss.xml`. */
  path: string;
  /** Changes whenever the data `render` shows does: the route's cache key (src/lib/cache-keys.ts). */
  key: string;
  render(): string;
}

/**
 * Takes the feeds of a topic or an organization in a build, instead of their routes rendering
 * them (src/feeds/endpoints.ts says why).
 */
export interface FeedFileSink {
  add(files: readonly FeedFile[]): void;
}

/** Takes each paper page as it is rendered (from src/integrations/paper-pages-middleware.ts). */
export interface PaperPageSink {
  /**
   * Takes a rendered paper page: its path relative to the output folder and its HTML, with the
   * number of paper pages of each search shard, by shard id, to know when a shard is complete.
   */
  add(path: string, html: string, shardSizes: ReadonlyMap<string, number>): void;
}

const KEY = Symbol.for('daily-papers:build-state');

/** The build's one state object, made on first use. */
export function buildState(): BuildState {
  const slots = globalThis as typeof globalThis & { [KEY]?: BuildState };
  return (slots[KEY] ??= {});
}
