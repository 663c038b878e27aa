import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanPages } from '../src/integrations/page-scans.ts';
import { scratchFolder } from './support/scratch.ts';

describe('scanning the pages of the output after a build', () => {
  it('reads again only the pages written since the last build, and finds the same', () => {
    const work = scratchFolder('page-scans');
    const site = join(work, 'dist');
    const cacheFile = join(work, 'cache', 'scans.json');
    mkdirSync(join(site, 'papers', 'a'), { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const page = (path: string, text: string) => {
      writeFileSync(join(site, path), text);
      utimesSync(join(site, path), hourAgo, hourAgo);
    };
    page('index.html', '<h1>Home</h1>');
    page('papers/a/index.html', '<h1>A</h1>');
    writeFileSync(join(site, 'robots.txt'), 'not a page');
    const read: string[] = [];
    const heading = (html: string) => {
      read.push(html);
      return /<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? null;
    };

    expect([...scanPages(site, cacheFile, 'v1', heading)]).toEqual([['index.html', 'Home'], ['papers/a/index.html', 'A']]);
    expect(read).toHaveLength(2);

    // Rewritten (a new time), added, and one left alone.
    writeFileSync(join(site, 'papers', 'a', 'index.html'), '<h1>A, corrected</h1>');
    writeFileSync(join(site, 'new.html'), '<p>no heading</p>');
    read.length = 0;
    expect([...scanPages(site, cacheFile, 'v1', heading)]).toEqual([['index.html', 'Home'], ['new.html', null], ['papers/a/index.html', 'A, corrected']]);
    expect(read).toEqual(['<p>no heading</p>', '<h1>A, corrected</h1>']);

    // Other code finds other things: nothing kept is used.
    read.length = 0;
    scanPages(site, cacheFile, 'v2', heading);
    expect(read).toHaveLength(3);
  });
});
