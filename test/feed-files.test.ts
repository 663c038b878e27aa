import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { feedFiles } from '../src/integrations/feed-files.ts';
import { buildState, type FeedFile } from '../src/lib/build-state.ts';
import { scratchFolder } from './support/scratch.ts';

interface Site {
  root: string;
  cacheDir: string;
  outDir: string;
}

/** A project (its code in `src/`) with its cache and output folders. */
function scratchSite(): Site {
  const root = scratchFolder('feed-files');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'feed.ts'), 'export const version = 1;');
  return { root, cacheDir: join(root, 'cache'), outDir: join(root, 'dist') };
}

/** A build started as Astro starts it; `finish` runs the hook that ends the pages' generation and gives what it logged. */
async function startBuild(site: Site) {
  const integration = feedFiles();
  const config = { root: pathToFileURL(`${site.root}/`), cacheDir: pathToFileURL(`${site.cacheDir}/`), outDir: pathToFileURL(`${site.outDir}/`) };
  await integration.hooks['astro:config:done']!({ config } as never);
  await integration.hooks['astro:build:start']!({} as never);
  const finish = async () => {
    const logged: string[] = [];
    await integration.hooks['astro:build:generated']!({ dir: config.outDir, logger: { info: (line: string) => logged.push(line) } } as never);
    return logged.join('\n');
  };
  return { files: () => [...integration.files()].sort(), finish };
}

/**
 * A build in which the routes hand over `feeds` (paths and keys; each renders as `<path> <key>`).
 * Gives the paths rendered, what was logged, and the files the integration says it wrote or kept.
 */
async function build(site: Site, feeds: Record<string, string>, { finish = true } = {}) {
  const started = await startBuild(site);
  const rendered: string[] = [];
  buildState().feeds!.add(Object.entries(feeds).map(([path, key]) => ({ path, key, render: () => (rendered.push(path), `${path} ${key}`) })));
  const logged = finish ? await started.finish() : '';
  return { rendered: rendered.sort(), logged, files: started.files() };
}

const TWO_FEEDS = { 'topics/agents/rss.xml': 'a1', 'orgs/meta/rss.xml': 'm1' };

describe('feeds written apart from the routes', () => {
  it('are all written by a first build, and only those whose key changed by the next', async () => {
    const site = scratchSite();
    const first = await build(site, TWO_FEEDS);
    expect(first.rendered).toEqual(['orgs/meta/rss.xml', 'topics/agents/rss.xml']);
    expect(first.logged).toBe('wrote all 2 feeds');
    expect(readFileSync(join(site.outDir, 'topics/agents/rss.xml'), 'utf8')).toBe('topics/agents/rss.xml a1');

    const next = await build(site, { ...TWO_FEEDS, 'topics/agents/rss.xml': 'a2', 'topics/robots/rss.xml': 'r1' });
    expect(next.rendered).toEqual(['topics/agents/rss.xml', 'topics/robots/rss.xml']);
    expect(next.logged).toBe('wrote 2 of 3 feeds (the others are unchanged since the last build)');
    expect(readFileSync(join(site.outDir, 'topics/agents/rss.xml'), 'utf8')).toBe('topics/agents/rss.xml a2');
    // The output folder's pruning keeps what the integration says it kept.
    expect(next.files).toEqual(['orgs/meta/rss.xml', 'topics/agents/rss.xml', 'topics/robots/rss.xml']);

    expect((await build(site, TWO_FEEDS)).rendered).toEqual(['topics/agents/rss.xml']);
  });

  it('are written again when their file is gone, as from an output folder Astro emptied', async () => {
    const site = scratchSite();
    await build(site, TWO_FEEDS);
    rmSync(site.outDir, { recursive: true });
    expect((await build(site, TWO_FEEDS)).rendered).toEqual(['orgs/meta/rss.xml', 'topics/agents/rss.xml']);
  });

  it('are all written again when the libraries the project locks changed, and kept when other code did', async () => {
    const site = scratchSite();
    await build(site, TWO_FEEDS);
    mkdirSync(join(site.root, 'src'), { recursive: true });
    writeFileSync(join(site.root, 'src', 'page.ts'), 'export const version = 2;');
    expect((await build(site, TWO_FEEDS)).rendered).toEqual([]);
    writeFileSync(join(site.root, 'package-lock.json'), '{"lockfileVersion": 3}');
    expect((await build(site, TWO_FEEDS)).rendered).toEqual(['orgs/meta/rss.xml', 'topics/agents/rss.xml']);
    expect((await build(site, TWO_FEEDS)).rendered).toEqual([]);
  });

  it('are all written again when the record of the last build is not one', async () => {
    const site = scratchSite();
    await build(site, TWO_FEEDS);
    writeFileSync(join(site.cacheDir, 'daily-papers', 'feeds', 'keys.json'), '{"topics/agents/rss.xml": ');
    expect((await build(site, TWO_FEEDS)).rendered).toEqual(['orgs/meta/rss.xml', 'topics/agents/rss.xml']);
    expect((await build(site, TWO_FEEDS)).rendered).toEqual([]);
  });

  it('are all written again after a build that failed, whatever it had written', async () => {
    const site = scratchSite();
    await build(site, TWO_FEEDS);
    await build(site, { ...TWO_FEEDS, 'topics/agents/rss.xml': 'a2' }, { finish: false });
    expect((await build(site, TWO_FEEDS)).rendered).toEqual(['orgs/meta/rss.xml', 'topics/agents/rss.xml']);
    expect(readFileSync(join(site.outDir, 'topics/agents/rss.xml'), 'utf8')).toBe('topics/agents/rss.xml a1');
  });

  it('fail the build with what a feed threw', async () => {
    const site = scratchSite();
    const started = await startBuild(site);
    buildState().feeds!.add([{ path: 'topics/broken/rss.xml', key: 'b', render: () => { throw new Error('no feed for you'); } }]);
    await expect(started.finish()).rejects.toThrow('no feed for you');
    expect(existsSync(join(site.outDir, 'topics/broken/rss.xml'))).toBe(false);
    expect(buildState().feeds).toBeUndefined();
  });

  it('give the thread back to the pages being rendered while they are written', async () => {
    const site = scratchSite();
    const started = await startBuild(site);
    // Ten feeds of 5 ms each: more than the writer holds the thread at once.
    const slow = (path: string): FeedFile => ({ path, key: 'k', render: () => { const end = performance.now() + 5; while (performance.now() < end); return path; } });
    const paths = Array.from({ length: 10 }, (_, i) => `topics/t${i}/rss.xml`);
    buildState().feeds!.add(paths.map(slow));
    const writtenWhenOthersRan = await new Promise<number>((resolve) => setImmediate(() => resolve(paths.filter((path) => existsSync(join(site.outDir, path))).length)));
    await started.finish();
    expect(writtenWhenOthersRan).toBeGreaterThan(0);
    expect(writtenWhenOthersRan).toBeLessThan(10);
    expect(paths.every((path) => statSync(join(site.outDir, path)).isFile())).toBe(true);
  });
});
