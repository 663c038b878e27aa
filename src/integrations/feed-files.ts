import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFile, readTextIfExists, removeFile, writeFileAtomic } from '../fs/files.ts';
import { buildState, type FeedFile, type FeedFileSink } from '../lib/build-state.ts';
import { openCache } from './build-cache.ts';

/** This integration's record, in its cache folder, of the key of each feed file the last build left in the output folder, by path. */
const RECORD = 'keys.json';

/** How long writing feeds may hold the thread before the pages being rendered get a turn. */
const SLICE_MS = 20;

/** The integration, and what it wrote or kept. */
export interface FeedFiles extends AstroIntegration {
  /** The feed files (paths in the output folder) this build wrote or kept: all there once `astro:build:generated` has run. */
  files(): ReadonlySet<string>;
}

/**
 * Writes the feeds that routes hand over instead of rendering them (src/feeds/endpoints.ts), while
 * Astro renders the pages: a feed whose key is the one it had in the last build, and which is
 * still in the output folder, is left as it is, the way Astro keeps an unchanged page. So a new
 * day writes the feeds of its topics and organizations, and a cold build writes them all. The
 * output folder's pruning is told which files are feeds (src/integrations/output-folder.ts).
 *
 * A feed's key is its route's cache key; the record is kept in the feeds' cache (build-cache.ts),
 * emptied when the feeds' code changed.
 */
export function feedFiles(): FeedFiles {
  let record = '';
  let outDir = '';
  let writer: FeedFileWriter | undefined;
  let done: ReadonlySet<string> = new Set();
  return {
    name: 'daily-papers:feed-files',
    files: () => done,
    hooks: {
      'astro:config:done': ({ config }) => {
        record = join(openCache(fileURLToPath(config.cacheDir), fileURLToPath(config.root), 'feeds').folder, RECORD);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const last = readTextIfExists(record);
        // Until this build has written every feed, the record would not say what the folder holds:
        // a build that fails leaves none, and the next writes every feed.
        removeFile(record);
        writer = new FeedFileWriter(outDir, new Map(Object.entries(readRecord(last))));
        buildState().feeds = writer;
      },
      'astro:build:generated': async ({ logger }) => {
        buildState().feeds = undefined;
        if (!writer) return;
        const { keys, written } = await writer.finish();
        writeFileAtomic(record, JSON.stringify(Object.fromEntries(keys)));
        done = new Set(keys.keys());
        if (keys.size > 0) logger.info(written === keys.size ? `wrote all ${written} feeds` : `wrote ${written} of ${keys.size} feeds (the others are unchanged since the last build)`);
      },
    },
  };
}

/** Each feed's key in the record the last build left, if it is one: anything else means every feed is written again. */
function readRecord(text: string | undefined): Record<string, string> {
  try {
    const keys: unknown = text === undefined ? {} : JSON.parse(text);
    return typeof keys === 'object' && keys !== null && !Array.isArray(keys) ? (keys as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Writes feed files into `outDir` as they are added, in slices of the thread between the pages'
 * rendering, skipping each whose key is the one `last` gives and whose file is there.
 */
export class FeedFileWriter implements FeedFileSink {
  readonly #outDir: string;
  readonly #last: ReadonlyMap<string, string>;
  readonly #keys = new Map<string, string>();
  #written = 0;
  #writing: Promise<void> = Promise.resolve();
  #failure: unknown;

  constructor(outDir: string, last: ReadonlyMap<string, string>) {
    this.#outDir = outDir;
    this.#last = last;
  }

  add(files: readonly FeedFile[]): void {
    for (const file of files) this.#keys.set(file.path, file.key);
    // A failure is kept for finish(): a rejection nobody awaits yet would end the process.
    this.#writing = this.#writing.then(() => this.#write(files)).catch((error: unknown) => void (this.#failure ??= error));
  }

  /** Waits until every feed added is written; gives each feed's key and how many were written. Throws what writing one threw. */
  async finish(): Promise<{ keys: ReadonlyMap<string, string>; written: number }> {
    await this.#writing;
    if (this.#failure !== undefined) throw this.#failure;
    return { keys: this.#keys, written: this.#written };
  }

  async #write(files: readonly FeedFile[]): Promise<void> {
    let sliceStart = performance.now();
    for (const file of files) {
      const target = join(this.#outDir, file.path);
      if (this.#last.get(file.path) === file.key && isFile(target)) continue;
      writeFileAtomic(target, file.render());
      this.#written++;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }
}
