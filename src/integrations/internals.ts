import type { DataStore } from 'astro/loaders';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readBytes, readTextIfExists } from '../fs/files.ts';
import { BuildError } from './build-error.ts';

/**
 * Every use the build makes of what Astro and Pagefind do not promise: the names of files and
 * modules they keep to themselves, and the shapes of those files. Each reader checks what it
 * reads, and says what changed with a named error and a hint, instead of a build that quietly
 * keeps stale pages or a search index short of pages. test/internals.test.ts reads the installed
 * Astro and Pagefind, so that an upgrade that changes one fails there first.
 */
export class InternalsChangedError extends BuildError {
  constructor(what: string, where: string, hint: string) {
    super(what, where, hint);
    this.name = 'InternalsChangedError';
  }
}

const UPGRADE_HINT = 'Astro or Pagefind was upgraded past what src/integrations/internals.ts knows: pin the earlier version, or teach that module the new one';

// --- Astro -----------------------------------------------------------------------------------

/** The module Astro gives its content data store in the build (`astro/dist/content/consts.js`). */
export const ASTRO_DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The file Astro's build keeps its content data store in, in the cache folder (`DATA_STORE_FILE`). */
export function astroDataStoreFile(cacheDir: URL): URL {
  return new URL('data-store.json', cacheDir);
}

/** Astro's record of the last incremental build (Astro 7, experimental), in the cache folder. */
const ASTRO_INCREMENTAL_MANIFEST = 'incremental-build.json';

/**
 * The output files (relative to the output folder) of the pages Astro's last incremental build
 * recorded, which it keeps in place when unchanged; none before a first build.
 */
export function astroKeptPages(cacheDir: string): Set<string> {
  const file = join(cacheDir, ASTRO_INCREMENTAL_MANIFEST);
  const text = readTextIfExists(file);
  if (text === undefined) return new Set();
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new BuildError('it is not JSON (a build killed while Astro wrote it?)', file, 'delete the cache folder (cacheDir) and build again; the next build is a cold one');
  }
  const routes = isRecord(manifest) ? manifest.routes : undefined;
  if (!isRecord(routes)) throw new InternalsChangedError('it has no "routes" object', file, UPGRADE_HINT);
  const kept = new Set<string>();
  for (const [route, entry] of Object.entries(routes)) {
    const paths = isRecord(entry) ? entry.paths : undefined;
    if (!isRecord(paths)) throw new InternalsChangedError(`route ${route} has no "paths" object`, file, UPGRADE_HINT);
    for (const path of Object.values(paths)) {
      const outputFile = isRecord(path) ? path.outputFile : undefined;
      if (outputFile === undefined) continue; // a path Astro did not write, such as a redirect
      if (typeof outputFile !== 'string') throw new InternalsChangedError(`a path of route ${route} has an "outputFile" that is not a string`, file, UPGRADE_HINT);
      kept.add(outputFile);
    }
  }
  return kept;
}

/** The data store's method the glob loader keeps an entry's assets with, which its type leaves out. */
export function addAssetImports(store: DataStore, assets: string[], filePath: string): void {
  const withAssets = store as DataStore & { addAssetImports?: unknown };
  if (typeof withAssets.addAssetImports !== 'function') throw new InternalsChangedError("Astro's data store has no addAssetImports method", filePath, UPGRADE_HINT);
  (withAssets.addAssetImports as (assets: string[], filePath: string) => void).call(store, assets, filePath);
}

// --- Pagefind --------------------------------------------------------------------------------

/** What a Pagefind fragment file says of its page. */
export interface PagefindFragment {
  /** The page's Pagefind id, the fragment's file name. */
  id: string;
  url: string;
  meta: Record<string, string>;
}

/** The signature Pagefind writes before a fragment's JSON, inside the gzip stream. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A fragment file of a written bundle (`fragment/<id>.pf_fragment`: gzipped, a signature, then JSON). */
export function readPagefindFragment(file: string): PagefindFragment {
  let text: string;
  try {
    text = gunzipSync(readBytes(file)).toString('utf8');
  } catch {
    throw new InternalsChangedError('the fragment is not gzipped', file, UPGRADE_HINT);
  }
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new InternalsChangedError(`the fragment does not start with "${FRAGMENT_SIGNATURE}"`, file, UPGRADE_HINT);
  let fragment: unknown;
  try {
    fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length));
  } catch {
    throw new InternalsChangedError('the fragment holds no JSON after its signature', file, UPGRADE_HINT);
  }
  if (!isRecord(fragment) || typeof fragment.url !== 'string' || !isRecord(fragment.meta)) throw new InternalsChangedError('the fragment has no "url" string and "meta" object', file, UPGRADE_HINT);
  return { id: basename(file, '.pf_fragment'), url: fragment.url, meta: fragment.meta as Record<string, string> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
