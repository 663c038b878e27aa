import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileBytes, isFile, modifiedAt, readBytes, readTextIfExists, removeTree, writeFileAtomic } from '../fs/files.ts';

/**
 * The caches the build keeps besides Astro's own, all in one folder of Astro's cache folder with
 * one manifest: `<cacheDir>/daily-papers/manifest.json` says under which version each cache's
 * folder was filled. Within its folder a cache keys what it keeps on its data (a feed's route
 * key, a shard's pages, a page's size and time); the manifest keys the whole folder on the code.
 */

/**
 * The code version of each cache, declared in one place. Raise a cache's number when its code
 * comes to make something else from the same data. `entries` are the modules that code starts
 * from; test/build-cache.test.ts keeps a fingerprint of everything they import and fails when
 * that changed while the number did not. So editing other code (the bench, a page) keeps every
 * cache.
 */
export const CACHE_CODE = {
  /** The topics' and organizations' feed files (feed-files.ts). */
  feeds: { version: 3, entries: ['src/feeds/endpoints.ts'] },
  /** The search index's shards and what the page scan finds for them (pagefind.ts). */
  search: { version: 3, entries: ['src/integrations/pagefind.ts'] },
  /** Each page's inline script and style hashes, for the CSP (headers.ts). */
  inlineHashes: { version: 1, entries: ['src/headers/inline-hashes.ts'] },
} as const satisfies Record<string, { version: number; entries: readonly string[] }>;

export type CacheName = keyof typeof CACHE_CODE;

/** The folder of the build's own caches and notes, in Astro's cache folder. */
export function buildCacheFolder(cacheDir: string): string {
  return join(cacheDir, 'daily-papers');
}

/** Where the caches were before they had one folder and manifest: removed once, when the manifest is first written. */
const LEGACY = ['daily-papers-search', 'daily-papers-page-scans', 'daily-papers-feed-files.json', 'daily-papers-output.json'];

/** What the manifest holds: the version each cache's folder was filled under, by cache. */
interface Manifest {
  format: 1;
  caches: Partial<Record<CacheName, string>>;
}

/**
 * A cache's version as the build keys it: its declared number, and the lockfile's hash, since
 * what a cache holds is also made by the libraries the project runs (Pagefind, the XML writer).
 */
export function cacheVersion(name: CacheName, root: string): string {
  return `${CACHE_CODE[name].version} ${lockfileHash(root)}`;
}

/** The lockfile's hash, by its path, size and time: read and hashed once, not once per cache a build opens. */
const lockfileHashes = new Map<string, string>();

function lockfileHash(root: string): string {
  const lockfile = join(root, 'package-lock.json');
  if (!isFile(lockfile)) return 'no lockfile';
  const stamp = `${lockfile}\0${fileBytes(lockfile)}\0${modifiedAt(lockfile)}`;
  let hash = lockfileHashes.get(stamp);
  if (hash === undefined) lockfileHashes.set(stamp, (hash = createHash('sha256').update(readBytes(lockfile)).digest('base64url')));
  return hash;
}

/**
 * Opens one cache for this build and gives its folder. When the manifest says the folder was
 * filled under another version (or says nothing of it, or is not a manifest), the folder is
 * emptied before the manifest records the version it is filled under from now on: what a cache
 * finds in its folder was always made by the code and libraries that read it.
 */
export function openCache(cacheDir: string, root: string, name: CacheName): { folder: string; emptied: boolean } {
  const folder = join(buildCacheFolder(cacheDir), name);
  const manifestFile = join(buildCacheFolder(cacheDir), 'manifest.json');
  const text = readTextIfExists(manifestFile);
  if (text === undefined) for (const old of LEGACY) removeTree(join(cacheDir, old));
  const manifest = readManifest(text);
  const version = cacheVersion(name, root);
  if (manifest.caches[name] === version) return { folder, emptied: false };
  // Emptied first: a build stopped in between finds the old version recorded, and empties it again.
  removeTree(folder);
  manifest.caches[name] = version;
  writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, emptied: true };
}

/** The manifest a file holds; an empty one for anything else (every cache is then emptied). */
function readManifest(text: string | undefined): Manifest {
  try {
    const parsed = text === undefined ? undefined : (JSON.parse(text) as Partial<Manifest>);
    if (parsed?.format === 1 && typeof parsed.caches === 'object' && parsed.caches !== null) return { format: 1, caches: parsed.caches };
  } catch {
    // Not JSON: not a manifest this code wrote.
  }
  return { format: 1, caches: {} };
}
