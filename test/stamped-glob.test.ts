import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../src/lib/front-matter.ts';
import { stampedGlob } from '../src/loaders/stamped-glob.ts';
import { sites } from './support/locations.ts';
import { scratchFolder } from './support/scratch.ts';

// The bundled sample's paper files, as ingest wrote them from the real records.
const samplePapers = sites.sample.papers;
const sampleFiles = readdirSync(samplePapers).filter((name) => name.endsWith('.md')).sort().slice(0, 5);

interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
}

/**
 * What a sync gives a loader, kept between syncs as Astro keeps its data store: a store that,
 * like Astro's, skips an entry set again with the same digest, a meta store, and Markdown files
 * read as the glob loader reads them. `reads` counts the files the glob loader read.
 */
function syncer(root: string) {
  const entries = new Map<string, Entry>();
  const meta = new Map<string, string>();
  const reads: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    entries: () => [...entries],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    has: (id: string) => entries.has(id),
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    set: (entry: Entry) => (entries.get(entry.id)?.digest === entry.digest ? false : (entries.set(entry.id, entry), true)),
    addModuleImport: () => {},
    addAssetImports: () => {},
  };
  const markdown = {
    getEntryInfo: ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
      reads.push(decodeURIComponent(fileUrl.pathname.split('/').at(-1)!));
      return readFrontMatter(contents);
    },
  };
  const context = {
    collection: 'papers',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    logger: { warn: () => {}, error: () => {}, info: () => {} },
    store,
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => void meta.set(key, value), has: (key: string) => meta.has(key), delete: (key: string) => void meta.delete(key) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      if (data.upvotes === -1) throw new Error('upvotes: must be at least 0');
      return data;
    },
    generateDigest: (text: string) => String(text.length) + text.slice(-40),
    entryTypes: new Map([['.md', markdown]]),
  };
  const loader = stampedGlob({ pattern: '**/*.md', base: 'papers', generateId: ({ entry }) => entry.replace(/\.md$/, '') });
  return {
    entries,
    /** Syncs once; returns the files read. */
    async sync(): Promise<string[]> {
      reads.length = 0;
      await loader.load(context as never);
      return [...reads].sort();
    },
  };
}

/** A site root with the sample's first papers in `papers/`. */
function siteWithPapers(): { root: string; folder: string } {
  const root = scratchFolder('stamped-glob');
  const folder = join(root, 'papers');
  mkdirSync(folder);
  for (const name of sampleFiles) copyFileSync(join(samplePapers, name), join(folder, name));
  return { root, folder };
}

describe('the stamped glob loader', () => {
  it('reads every file on the first sync, as the glob loader does', async () => {
    const { root } = siteWithPapers();
    const site = syncer(root);
    expect(await site.sync()).toEqual(sampleFiles);
    expect([...site.entries.keys()].sort()).toEqual(sampleFiles.map((name) => name.replace(/\.md$/, '')));
    expect(site.entries.get(sampleFiles[0].replace(/\.md$/, ''))?.filePath).toBe(`papers/${sampleFiles[0]}`);
  });

  it('reads no file again when none was written since the last sync', async () => {
    const { root } = siteWithPapers();
    const site = syncer(root);
    await site.sync();
    expect(await site.sync()).toEqual([]);
    expect(site.entries.size).toBe(sampleFiles.length);
  });

  it('reads a rewritten file again, and only that one', async () => {
    const { root, folder } = siteWithPapers();
    const site = syncer(root);
    await site.sync();
    const file = join(folder, sampleFiles[1]);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^upvotes: \d+$/m, 'upvotes: 987654'));
    expect(await site.sync()).toEqual([sampleFiles[1]]);
    expect(site.entries.get(sampleFiles[1].replace(/\.md$/, ''))?.data.upvotes).toBe(987654);
  });

  it('trusts an unchanged size and modification time: a file changed under them is not read', async () => {
    const { root, folder } = siteWithPapers();
    const file = join(folder, sampleFiles[2]);
    // Whole seconds, which every file system keeps exactly.
    const lastWritten = 1_700_000_000;
    utimesSync(file, lastWritten, lastWritten);
    const site = syncer(root);
    await site.sync();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^upvotes: (\d)/m, 'upvotes: 9'));
    utimesSync(file, lastWritten, lastWritten);
    expect(await site.sync()).toEqual([]);
  });

  it("removes a gone file's entry and adds a new file's, reading only the new one", async () => {
    const { root, folder } = siteWithPapers();
    const site = syncer(root);
    await site.sync();
    rmSync(join(folder, sampleFiles[0]));
    copyFileSync(join(folder, sampleFiles[3]), join(folder, 'copy [1].md'));
    expect(await site.sync()).toEqual(['copy [1].md']);
    expect([...site.entries.keys()].sort()).toEqual(['copy [1]', ...sampleFiles.slice(1).map((name) => name.replace(/\.md$/, ''))].sort());
  });

  it('reads a file whose entry is missing from the store, though its stamp is unchanged', async () => {
    const { root } = siteWithPapers();
    const site = syncer(root);
    await site.sync();
    const id = sampleFiles[4].replace(/\.md$/, '');
    site.entries.delete(id);
    expect(await site.sync()).toEqual([sampleFiles[4]]);
    expect(site.entries.has(id)).toBe(true);
  });

  it('reads every file again after a sync that failed on the way', async () => {
    const { root, folder } = siteWithPapers();
    const site = syncer(root);
    await site.sync();
    const file = join(folder, sampleFiles[0]);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^upvotes: \d+$/m, 'upvotes: -1'));
    await expect(site.sync()).rejects.toThrow('upvotes');
    writeFileSync(file, text);
    expect(await site.sync()).toEqual(sampleFiles);
  });

  it('finds the files the glob loader finds: a linked file is read and kept, a dot file left out', async () => {
    const { root, folder } = siteWithPapers();
    const elsewhere = join(root, 'elsewhere.md');
    copyFileSync(join(samplePapers, sampleFiles[0]), elsewhere);
    symlinkSync(elsewhere, join(folder, 'linked.md'));
    copyFileSync(join(samplePapers, sampleFiles[1]), join(folder, '.draft.md'));
    const site = syncer(root);
    expect(await site.sync()).toEqual(['linked.md', ...sampleFiles].sort());
    expect(await site.sync()).toEqual([]);
    expect(site.entries.has('linked')).toBe(true);
    expect(site.entries.has('.draft')).toBe(false);
  });
});
