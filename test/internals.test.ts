import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildError } from '../src/integrations/build-error.ts';
import { ASTRO_DATA_STORE_MODULE, astroKeptPages, InternalsChangedError, readPagefindFragment } from '../src/integrations/internals.ts';
import { projectRoot } from './support/locations.ts';
import { scratchFolder } from './support/scratch.ts';

afterAll(() => close());

const astroFile = (path: string) => readFileSync(join(projectRoot, 'node_modules', 'astro', 'dist', path), 'utf8');

/** The error a call throws, for its fields to be looked at. */
function thrown(call: () => unknown): InternalsChangedError {
  try {
    call();
  } catch (error) {
    if (error instanceof InternalsChangedError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe("the Astro internals the build relies on, in the installed Astro", () => {
  it('still has the data store module, store file, incremental manifest and asset method internals.ts names', () => {
    const consts = astroFile('content/consts.js');
    expect(consts).toContain(`"${ASTRO_DATA_STORE_MODULE.slice(1)}"`);
    expect(consts).toContain('"data-store.json"');
    expect(astroFile('core/build/incremental.js')).toContain('"incremental-build.json"');
    expect(astroFile('content/mutable-data-store.js')).toMatch(/addAssetImports: \(assets, fileName\) =>/);
  });

  it("reads the output file of every page Astro's incremental manifest records, and none before a first build", () => {
    const cache = scratchFolder('internals');
    expect(astroKeptPages(cache)).toEqual(new Set());
    const routes = { '/papers/[id]': { paths: { '/papers/1/': { outputFile: 'papers/1/index.html' }, '/old/': {} } }, '/': { paths: { '/': { outputFile: 'index.html' } } } };
    writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify({ version: 1, routes }));
    expect(astroKeptPages(cache)).toEqual(new Set(['papers/1/index.html', 'index.html']));
  });

  it('names the manifest and says what to do when its shape is not the one it knows', () => {
    const cache = scratchFolder('internals');
    const manifest = join(cache, 'incremental-build.json');
    for (const changed of [{ pages: {} }, { routes: { '/': { files: [] } } }, { routes: { '/': { paths: { '/': { outputFile: 3 } } } } }]) {
      writeFileSync(manifest, JSON.stringify(changed));
      const error = thrown(() => astroKeptPages(cache));
      expect(error.name).toBe('InternalsChangedError');
      expect(error.where).toBe(manifest);
      expect(error.message).toContain('src/integrations/internals.ts');
    }
  });
});

describe('a cache folder a killed build left behind', () => {
  it('names the incremental manifest that is not JSON, and says to build cold', () => {
    const cache = scratchFolder('internals');
    const manifest = join(cache, 'incremental-build.json');
    writeFileSync(manifest, '{"routes": {"/": {"pa');
    expect(() => astroKeptPages(cache)).toThrow(BuildError);
    expect(() => astroKeptPages(cache)).toThrow(/incremental-build\.json: it is not JSON.*delete the cache folder/);
  });
});

describe('the Pagefind internals the build relies on, in the installed Pagefind', () => {
  it('reads back the address and metadata of each page from the fragments Pagefind writes', async () => {
    const bundle = scratchFolder('internals');
    const { index } = await createIndex({ forceLanguage: 'en' });
    await index!.addHTMLFile({ url: '/papers/2606.24597/', content: '<html lang="en"><body><article data-pagefind-body><h1 data-pagefind-meta="title">Qwen: “quoted” & more</h1><p data-pagefind-meta="day:2026-06-24">Words.</p></article></body></html>' });
    await index!.writeFiles({ outputPath: bundle });
    const fragments = readdirSync(join(bundle, 'fragment')).map((name) => readPagefindFragment(join(bundle, 'fragment', name)));
    expect(fragments.map(({ url, meta }) => ({ url, title: meta.title, day: meta.day }))).toEqual([{ url: '/papers/2606.24597/', title: 'Qwen: “quoted” & more', day: '2026-06-24' }]);
    expect(fragments[0].id).toMatch(/^en_/);
  });

  it('names the fragment and says what to do when it is not what Pagefind wrote', () => {
    const dir = scratchFolder('internals');
    mkdirSync(join(dir, 'fragment'));
    const cases = { 'plain.pf_fragment': Buffer.from('pagefind_dcd{}'), 'unsigned.pf_fragment': gzipSync('{"url":"/","meta":{}}'), 'broken.pf_fragment': gzipSync('pagefind_dcd{"url":'), 'shapeless.pf_fragment': gzipSync('pagefind_dcd{"address":"/"}') };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = join(dir, 'fragment', name);
      writeFileSync(file, bytes);
      const error = thrown(() => readPagefindFragment(file));
      expect(error.where).toBe(file);
      expect(error.hint).toMatch(/pin the earlier version/);
    }
  });
});
