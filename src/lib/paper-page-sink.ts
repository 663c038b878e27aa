import { buildSink } from './build-sink.ts';

/**
 * Where paper pages go as they are rendered, while a build indexes them for search at the same
 * time (src/integrations/live-search-index.ts): the build hook that indexes registers a sink,
 * and the middleware (src/integrations/paper-pages-middleware.ts) hands it each paper page.
 */
export interface PaperPageSink {
  /**
   * Takes a rendered paper page: its path relative to the output folder and its HTML, with the
   * number of paper pages of each search shard, by shard id, to know when a shard is complete.
   */
  add(path: string, html: string, shardSizes: ReadonlyMap<string, number>): void;
}

const sink = buildSink<PaperPageSink>('paper-page-sink');

export const setPaperPageSink = sink.set;
export const paperPageSink = sink.get;
