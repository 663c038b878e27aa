import { createIndex, type HTMLFile } from 'pagefind';
import { createHash } from 'node:crypto';
import { removeFilesMatching } from '../fs/files.ts';
import { expandSearchRecord } from '../lib/search-record.ts';
import { BuildError } from './build-error.ts';

/**
 * What every way of indexing a shard shares (after the build, pagefind.ts; while pages render,
 * live-search-index.ts): the part of a page the index reads, the digest that says whether a
 * shard's index would change, and the writing of one shard's Pagefind bundle.
 */

/** The paper pages say which shard of the index they go to (src/lib/search-shards.ts). */
const SHARD_ATTRIBUTE = /<article\b[^>]*\bdata-pagefind-body\b[^>]*\bdata-search-shard="([\w-]+)"/;
/** A link's tags: Pagefind indexes a link's text, never where it goes. */
const LINK_TAG = /<\/?a\b[^>]*>/g;
/** Pagefind's ready-made interfaces, which this site does not use (it has its own, over the JS API). */
const UNUSED_FILE = /^(pagefind-(component-|modular-)?ui\.(js|css)|pagefind-highlight\.js|wasm\.unknown\.pagefind)$/;

/** A page of a shard: its path relative to the site, and the part of it the index reads. */
export interface ShardPage {
  path: string;
  article: string;
}

/**
 * The part of a paper page the index reads, and the page's shard: its article (data-pagefind-body,
 * with its search record written out as filters and metadata), without the navigation, related
 * papers and BibTeX around it, and its links reduced to their text. So what is indexed depends on the paper alone: a page
 * whose related papers changed, or whose keyword gained a topic page to link to, indexes the
 * same, and Pagefind parses a third of the HTML.
 */
export function indexedPart(html: string): { shard: string; article: string } | undefined {
  const found = SHARD_ATTRIBUTE.exec(html);
  if (!found) return undefined;
  const article = html.slice(found.index, html.indexOf('</article>', found.index) + '</article>'.length);
  return { shard: found[1], article: expandSearchRecord(article).replace(LINK_TAG, '') };
}

export function articleHash(article: string): string {
  return createHash('sha256').update(article).digest('base64url');
}

/** The digest of a shard's pages, given in path order (byCodeUnits, files.ts) with the hash of their articles: equal digests, equal indexes. */
export function shardDigest(pages: Iterable<readonly [path: string, articleHash: string]>): string {
  const hash = createHash('sha256');
  for (const [path, article] of pages) hash.update(`${path}\0${article}\0`);
  return hash.digest('base64url');
}

/** What to do when Pagefind fails on a shard. */
const PAGEFIND_HINT = "Pagefind's own words are above; check the disk has room, and reinstall with npm ci if its binary is missing";

/** Indexes one shard's pages into a Pagefind bundle of its own at `bundle`, then frees Pagefind's memory of it. */
export async function writeShardBundle(pages: readonly ShardPage[], bundle: string): Promise<void> {
  const files: HTMLFile[] = pages.map(({ path, article }) => ({ sourcePath: path, content: `<!doctype html><html lang="en"><body>${article}</body></html>` }));
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new BuildError(`Pagefind could not start: ${errors.join('; ')}`, bundle, PAGEFIND_HINT);
  try {
    const added = await Promise.all(files.map((file) => index.addHTMLFile(file)));
    const failed = added.flatMap((result, i) => result.errors.map((error) => `${files[i].sourcePath}: ${error}`));
    if (failed.length > 0) throw new BuildError(`Pagefind could not index ${failed.length === 1 ? 'a page' : `${failed.length} pages`} (${failed.join('; ')})`, bundle, PAGEFIND_HINT);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new BuildError(`Pagefind could not write its index: ${written.errors.join('; ')}`, bundle, PAGEFIND_HINT);
  } finally {
    await index.deleteIndex();
  }
  removeFilesMatching(bundle, UNUSED_FILE);
}
