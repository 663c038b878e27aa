/**
 * Where paper pages go as they are rendered, while a build indexes them for search at the same
 * time (src/integrations/live-search-index.ts): the build hook that indexes registers a sink,
 * and the middleware (src/middleware.ts) hands it each paper page. The two live in different
 * module graphs (the integration in Astro's process, the middleware in the bundle it renders
 * with), so the sink is kept under a global symbol. Outside a build there is none.
 */
export interface PaperPageSink {
  /**
   * Takes a rendered paper page: its path relative to the output folder and its HTML, with the
   * number of paper pages of each search shard, by shard id, to know when a shard is complete.
   */
  add(path: string, html: string, shardSizes: ReadonlyMap<string, number>): void;
}

const SINK = Symbol.for('daily-papers:paper-page-sink');

type WithSink = typeof globalThis & { [SINK]?: PaperPageSink };

export function setPaperPageSink(sink: PaperPageSink | undefined): void {
  (globalThis as WithSink)[SINK] = sink;
}

export function paperPageSink(): PaperPageSink | undefined {
  return (globalThis as WithSink)[SINK];
}
