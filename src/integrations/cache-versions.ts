import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isFile, readBytes } from '../fs/files.ts';

/**
 * The code version of each cache the build keeps besides Astro's own, declared in one place. A
 * cache keeps what its code made from some data (a feed file, a shard's index, a page's inline
 * hashes) under its data's key and this version: raise a cache's number when its code comes to
 * make something else from the same data. `entries` are the modules that code starts from;
 * test/cache-versions.test.ts keeps a fingerprint of everything they import and fails when that
 * changed while the number did not. So editing other code (the bench, a page) keeps every cache.
 */
export const CACHE_CODE = {
  /** The topics' and organizations' feed files (feed-files.ts). */
  feeds: { version: 1, entries: ['src/feeds/endpoints.ts'] },
  /** The search index's shards and what the page scan finds for them (pagefind.ts). */
  search: { version: 1, entries: ['src/integrations/pagefind.ts'] },
  /** Each page's inline script and style hashes, for the CSP (headers.ts). */
  inlineHashes: { version: 1, entries: ['src/headers/inline-hashes.ts'] },
} as const satisfies Record<string, { version: number; entries: readonly string[] }>;

export type CacheName = keyof typeof CACHE_CODE;

/**
 * A cache's version as the build keys it: its declared number, and the lockfile's hash, since
 * what a cache holds is also made by the libraries the project runs (Pagefind, the XML writer).
 */
export function cacheVersion(name: CacheName, root: string): string {
  const lockfile = join(root, 'package-lock.json');
  const libraries = isFile(lockfile) ? createHash('sha256').update(readBytes(lockfile)).digest('base64url') : 'no lockfile';
  return `${name} ${CACHE_CODE[name].version} ${libraries}`;
}
