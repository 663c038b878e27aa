import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCacheFolder, CACHE_CODE, cacheVersion, openCache, type CacheName } from '../src/integrations/build-cache.ts';
import { projectRoot } from './support/locations.ts';
import { scratchFolder } from './support/scratch.ts';

/** The fingerprint of each cache's code, and the version it was taken at, kept with the tests. */
const FINGERPRINTS = join(projectRoot, 'test', 'fixtures', 'build-cache-fingerprints.json');

/** Every module of the project an entry imports, itself included, by path from the project folder: relative imports, followed. */
function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(projectRoot, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) visit(relative(projectRoot, resolve(projectRoot, dirname(file), specifier)));
  };
  entries.forEach(visit);
  return [...seen].sort();
}

/** The table of versions itself, which every cache's code imports: raising one cache's number is no change to the others' code. */
const VERSION_TABLE = 'src/integrations/build-cache.ts';

function fingerprint(name: CacheName): string {
  const hash = createHash('sha256');
  for (const file of moduleGraph(CACHE_CODE[name].entries).filter((file) => file !== VERSION_TABLE)) hash.update(`${file}\0`).update(readFileSync(join(projectRoot, file)));
  return hash.digest('base64url');
}

const names = Object.keys(CACHE_CODE) as CacheName[];
const current = Object.fromEntries(names.map((name) => [name, { version: CACHE_CODE[name].version, fingerprint: fingerprint(name) }]));
if (process.env.UPDATE_FIXTURES) writeFileSync(FINGERPRINTS, `${JSON.stringify(current, null, 2)}\n`);
const kept = JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as typeof current;

describe("the build's caches", () => {
  it.each(names)('%s: its code is the code its declared version was last raised for, or the version was raised', (name) => {
    const was = kept[name];
    const hint = `the code of the ${name} cache changed: raise CACHE_CODE.${name}.version in src/integrations/build-cache.ts if it now makes something else from the same data, then run UPDATE_FIXTURES=1 npx vitest run --project unit test/build-cache.test.ts`;
    if (current[name].version === was?.version) expect(current[name].fingerprint, hint).toBe(was.fingerprint);
    else expect(current[name].version, 'a version is only ever raised').toBeGreaterThan(was?.version ?? 0);
  });

  it('follows the imports of a cache\'s code, so that a change to a module it uses counts', () => {
    expect(moduleGraph(CACHE_CODE.feeds.entries)).toEqual(expect.arrayContaining(['src/feeds/endpoints.ts', 'src/feeds/rss.ts', 'src/feeds/xml.ts', 'src/lib/collection.ts']));
    expect(moduleGraph(CACHE_CODE.search.entries)).toContain('src/integrations/shard-bundles.ts');
    expect(moduleGraph(CACHE_CODE.feeds.entries)).not.toContain('scripts/bench.ts');
  });

  it('keys each cache on its declared version and on the locked library versions', () => {
    expect(cacheVersion('feeds', projectRoot)).toMatch(new RegExp(`^${CACHE_CODE.feeds.version} [\\w-]{43}$`));
    expect(cacheVersion('feeds', join(projectRoot, 'no-such-folder'))).toBe(`${CACHE_CODE.feeds.version} no lockfile`);
  });
});

describe("the build's cache manifest", () => {
  /** A project with a lockfile, its cache folder, and a file kept in each cache named. */
  function project(...caches: CacheName[]) {
    const root = scratchFolder('build-cache');
    const cacheDir = join(root, 'cache');
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3, "packages": {}}');
    for (const name of caches) {
      const { folder } = openCache(cacheDir, root, name);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'kept.json'), '{}');
    }
    const manifest = join(buildCacheFolder(cacheDir), 'manifest.json');
    return { root, cacheDir, manifest, kept: (name: CacheName) => existsSync(join(buildCacheFolder(cacheDir), name, 'kept.json')) };
  }

  it('keeps what a cache holds while its version is the one it was filled under', () => {
    const site = project('feeds', 'search');
    expect(openCache(site.cacheDir, site.root, 'feeds')).toEqual({ folder: join(buildCacheFolder(site.cacheDir), 'feeds'), emptied: false });
    expect(site.kept('feeds')).toBe(true);
    expect(JSON.parse(readFileSync(site.manifest, 'utf8'))).toEqual({ format: 1, caches: { feeds: cacheVersion('feeds', site.root), search: cacheVersion('search', site.root) } });
  });

  it('empties a cache filled under another version, and records the new one, leaving the other caches alone', () => {
    const site = project('feeds', 'search');
    // Other libraries (a new lockfile) make other feeds from the same data.
    writeFileSync(join(site.root, 'package-lock.json'), '{"lockfileVersion": 3, "packages": {"node_modules/pagefind": {}}}');
    expect(openCache(site.cacheDir, site.root, 'feeds').emptied).toBe(true);
    expect([site.kept('feeds'), site.kept('search')]).toEqual([false, true]);
    expect(JSON.parse(readFileSync(site.manifest, 'utf8')).caches.feeds).toBe(cacheVersion('feeds', site.root));
    expect(openCache(site.cacheDir, site.root, 'feeds').emptied).toBe(false);
  });

  it('removes the caches of older releases, kept beside Astro\'s own, when it first writes the manifest', () => {
    const root = scratchFolder('build-cache-legacy');
    const cacheDir = join(root, 'cache');
    mkdirSync(join(cacheDir, 'daily-papers-search', '2025-01-13'), { recursive: true });
    writeFileSync(join(cacheDir, 'daily-papers-feed-files.json'), '{}');
    writeFileSync(join(cacheDir, 'data-store.json'), '{}');
    openCache(cacheDir, root, 'search');
    expect(['daily-papers-search', 'daily-papers-feed-files.json', 'data-store.json'].map((name) => existsSync(join(cacheDir, name)))).toEqual([false, false, true]);
  });

  it('empties every cache when the manifest is not one', () => {
    const site = project('feeds', 'inlineHashes');
    writeFileSync(site.manifest, '{"format": 1, "caches": ');
    expect(openCache(site.cacheDir, site.root, 'feeds').emptied).toBe(true);
    expect(openCache(site.cacheDir, site.root, 'inlineHashes').emptied).toBe(true);
    expect([site.kept('feeds'), site.kept('inlineHashes')]).toEqual([false, false]);
    expect(JSON.parse(readFileSync(site.manifest, 'utf8')).caches).toEqual({ feeds: cacheVersion('feeds', site.root), inlineHashes: cacheVersion('inlineHashes', site.root) });
  });
});
