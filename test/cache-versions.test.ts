import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_CODE, cacheVersion, type CacheName } from '../src/integrations/cache-versions.ts';
import { projectRoot } from './support/locations.ts';

/** The fingerprint of each cache's code, and the version it was taken at, kept with the tests. */
const FINGERPRINTS = join(projectRoot, 'test', 'fixtures', 'cache-versions.json');

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

function fingerprint(name: CacheName): string {
  const hash = createHash('sha256');
  for (const file of moduleGraph(CACHE_CODE[name].entries)) hash.update(`${file}\0`).update(readFileSync(join(projectRoot, file)));
  return hash.digest('base64url');
}

const names = Object.keys(CACHE_CODE) as CacheName[];
const current = Object.fromEntries(names.map((name) => [name, { version: CACHE_CODE[name].version, fingerprint: fingerprint(name) }]));
if (process.env.UPDATE_FIXTURES) writeFileSync(FINGERPRINTS, `${JSON.stringify(current, null, 2)}\n`);
const kept = JSON.parse(readFileSync(FINGERPRINTS, 'utf8')) as typeof current;

describe("the build's caches", () => {
  it.each(names)('%s: its code is the code its declared version was last raised for, or the version was raised', (name) => {
    const was = kept[name];
    const hint = `the code of the ${name} cache changed: raise CACHE_CODE.${name}.version in src/integrations/cache-versions.ts if it now makes something else from the same data, then run UPDATE_FIXTURES=1 npx vitest run --project unit test/cache-versions.test.ts`;
    if (current[name].version === was?.version) expect(current[name].fingerprint, hint).toBe(was.fingerprint);
    else expect(current[name].version, 'a version is only ever raised').toBeGreaterThan(was?.version ?? 0);
  });

  it('follows the imports of a cache\'s code, so that a change to a module it uses counts', () => {
    expect(moduleGraph(CACHE_CODE.feeds.entries)).toEqual(expect.arrayContaining(['src/feeds/endpoints.ts', 'src/feeds/rss.ts', 'src/feeds/xml.ts', 'src/lib/collection.ts']));
    expect(moduleGraph(CACHE_CODE.search.entries)).toContain('src/integrations/shard-bundles.ts');
    expect(moduleGraph(CACHE_CODE.feeds.entries)).not.toContain('scripts/bench.ts');
  });

  it('keys each cache on its declared version and on the locked library versions', () => {
    expect(cacheVersion('feeds', projectRoot)).toMatch(new RegExp(`^feeds ${CACHE_CODE.feeds.version} [\\w-]{43}$`));
    expect(cacheVersion('feeds', join(projectRoot, 'no-such-folder'))).toBe(`feeds ${CACHE_CODE.feeds.version} no lockfile`);
  });
});
