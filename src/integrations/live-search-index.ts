import { join } from 'node:path';
import { byCodeUnits, readSerialized, removeFile, writeSerialized } from '../fs/files.ts';
import type { PaperPageSink } from '../lib/build-state.ts';
import { articleHash, indexedPart, shardDigest, writeShardBundle } from './shard-bundles.ts';

/** The ending of a complete shard's file of pages, waiting for Pagefind. */
export const WAITING_PAGES = '.pages';

/** A shard indexed while the pages rendered: where its bundle is, and the digest of the pages it holds. */
export interface LiveBundle {
  bundle: string;
  digest: string;
}

/**
 * Indexes the search shards while Astro renders the rest of the site. Astro renders on one
 * thread and Pagefind indexes in a process of its own, so on two cores the index comes almost
 * for free, where after the build it took a third of a cold build (docs/performance.md).
 *
 * Paper pages come in as they are rendered (src/integrations/paper-pages-middleware.ts), their shard's pages in a row
 * (the paper route lists them by shard). Only the indexed part of each is kept. When a shard has
 * all its pages, they wait in a file under `folder` for Pagefind to index them into a bundle of
 * the shard's own there, one shard at a time, while rendering goes on. A shard that never gets
 * all its pages (an incremental build renders only the pages that changed) is left to the build
 * hook, which indexes it from the output as before. What is written here is used only if its
 * digest is the one the hook finds in the output.
 */
export class LiveSearchIndex implements PaperPageSink {
  readonly #folder: string;
  readonly #pending = new Map<string, Map<string, string>>();
  readonly #written = new Map<string, LiveBundle>();
  readonly #failures: string[] = [];
  #writing: Promise<void> = Promise.resolve();

  constructor(folder: string) {
    this.#folder = folder;
  }

  add(path: string, html: string, shardSizes: ReadonlyMap<string, number>): void {
    const part = indexedPart(html);
    if (!part) return;
    let pages = this.#pending.get(part.shard);
    if (!pages) this.#pending.set(part.shard, (pages = new Map()));
    pages.set(path, part.article);
    if (pages.size !== shardSizes.get(part.shard)) return;
    this.#pending.delete(part.shard);
    // Pagefind may fall behind the render by several shards: their pages wait on disk, not in the build's heap.
    const inOrder = [...pages].sort(([a], [b]) => byCodeUnits(a, b));
    const waiting = join(this.#folder, `${part.shard}${WAITING_PAGES}`);
    writeSerialized(waiting, inOrder);
    const digest = shardDigest(inOrder.map(([path, article]) => [path, articleHash(article)]));
    this.#writing = this.#writing.then(() => this.#write(part.shard, waiting, digest));
  }

  /** Waits for the shards being written, and gives every one written. Pages of incomplete shards are dropped. */
  async finish(): Promise<{ bundles: ReadonlyMap<string, LiveBundle>; failures: readonly string[] }> {
    await this.#writing;
    this.#pending.clear();
    return { bundles: this.#written, failures: this.#failures };
  }

  async #write(shard: string, waiting: string, digest: string): Promise<void> {
    const bundle = join(this.#folder, shard);
    try {
      const pages = (readSerialized(waiting) as [string, string][]).map(([path, article]) => ({ path, article }));
      removeFile(waiting);
      await writeShardBundle(pages, bundle);
      this.#written.set(shard, { bundle, digest });
    } catch (error) {
      // Never fails the render: the hook indexes this shard again after the build, and reports there.
      this.#failures.push(`${shard}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
