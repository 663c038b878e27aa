import { close } from 'pagefind';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../src/fs/files.ts';
import { LiveSearchIndex, WAITING_PAGES } from '../src/integrations/live-search-index.ts';
import { articleHash, indexedPart, shardDigest } from '../src/integrations/shard-bundles.ts';
import { scratchFolder } from './support/scratch.ts';

/** A paper page as the paper route renders it, in shard `shard`. */
function paperPage(id: string, shard: string): { path: string; html: string } {
  const html = `<!doctype html><html lang="en"><body><nav><a href="/">Home</a></nav><article class="paper" data-pagefind-body data-search-shard="${shard}"><h1>Paper ${id} on diffusion</h1><p>Its abstract, with <a href="https://example.org/">a link</a>.</p></article><aside>Related papers</aside></body></html>`;
  return { path: `papers/${id}/index.html`, html };
}

/** Every file of a bundle with its bytes, by path. */
const bundleFiles = (bundle: string) => Object.fromEntries(filesUnder(bundle).map((file) => [file, readFileSync(join(bundle, file)).toString('base64')]));

afterAll(() => close());

describe('the search index built while the pages render', () => {
  const sizes = new Map([['2025-01-13', 2], ['2025-02-18', 2]]);

  it('writes a shard once all its pages have come, and leaves a shard with pages missing to the build hook', async () => {
    const folder = scratchFolder('live');
    const live = new LiveSearchIndex(folder);
    const [first, second, later] = [paperPage('2501.00002', '2025-01-13'), paperPage('2501.00001', '2025-01-13'), paperPage('2502.00001', '2025-02-18')];
    live.add(first.path, first.html, sizes);
    live.add(later.path, later.html, sizes);
    live.add(second.path, second.html, sizes);
    const { bundles, failures } = await live.finish();
    expect(failures).toEqual([]);
    expect([...bundles.keys()]).toEqual(['2025-01-13']);
    // The digest the build hook finds for the same pages in the output, listed by path.
    const inOutput = [second, first].map(({ path, html }) => [path, articleHash(indexedPart(html)!.article)] as const);
    expect(bundles.get('2025-01-13')!.digest).toBe(shardDigest(inOutput));
    expect(filesUnder(bundles.get('2025-01-13')!.bundle).filter((file) => file.startsWith('fragment/'))).toHaveLength(2);
    // The pages that waited for Pagefind on disk are gone once it has them.
    expect(filesUnder(folder).filter((file) => file.endsWith(WAITING_PAGES))).toEqual([]);
  });

  it('writes the same bundle whatever order the pages come in', async () => {
    const pages = ['2501.00003', '2501.00001', '2501.00002'].map((id) => paperPage(id, '2025-01-13'));
    const three = new Map([['2025-01-13', 3]]);
    const written = [];
    for (const order of [pages, pages.toReversed()]) {
      const live = new LiveSearchIndex(scratchFolder('live'));
      for (const { path, html } of order) live.add(path, html, three);
      written.push((await live.finish()).bundles.get('2025-01-13')!);
    }
    expect(written[1].digest).toBe(written[0].digest);
    expect(bundleFiles(written[1].bundle)).toEqual(bundleFiles(written[0].bundle));
  });

  it('takes no page that is not a paper page', async () => {
    const live = new LiveSearchIndex(scratchFolder('live'));
    live.add('papers/date/2025-01-13/index.html', '<!doctype html><html lang="en"><body><article><h1>A day</h1></article></body></html>', new Map([['2025-01-13', 1]]));
    expect((await live.finish()).bundles.size).toBe(0);
  });
});
