import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError } from '../src/integrations/build-error.ts';
import { pageScans, scanPages } from '../src/integrations/page-scans.ts';
import { scratchFolder } from './support/scratch.ts';

describe('scanning the pages of the output after a build', () => {
  it('scans every page, those in a dot folder (`.well-known/`) too', () => {
    const work = scratchFolder('page-scans');
    const site = join(work, 'dist');
    mkdirSync(join(site, '.well-known'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<h1>Home</h1>');
    writeFileSync(join(site, '.well-known', 'security.html'), '<h1>Contact</h1>');
    const heading = (html: string) => /<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? null;
    const scanned = scanPages(site, [{ cacheFile: join(work, 'scans.json'), scan: heading }]);
    expect([...scanned.findings[0]]).toEqual([['.well-known/security.html', 'Contact'], ['index.html', 'Home']]);
  });

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

    const headings = { cacheFile, scan: heading };

    expect([...scanPages(site, [headings]).findings[0]]).toEqual([['index.html', 'Home'], ['papers/a/index.html', 'A']]);
    expect(read).toHaveLength(2);

    // Rewritten (a new time), added, and one left alone.
    writeFileSync(join(site, 'papers', 'a', 'index.html'), '<h1>A, corrected</h1>');
    writeFileSync(join(site, 'new.html'), '<p>no heading</p>');
    read.length = 0;
    expect([...scanPages(site, [headings]).findings[0]]).toEqual([['index.html', 'Home'], ['new.html', null], ['papers/a/index.html', 'A, corrected']]);
    expect(read).toEqual(['<p>no heading</p>', '<h1>A, corrected</h1>']);

    // Its cache emptied (other code finds other things, build-cache.ts): every page is read again.
    rmSync(cacheFile);
    read.length = 0;
    scanPages(site, [headings]);
    expect(read).toHaveLength(3);
  });

  it('reads a page once for all the scans that need it, and keeps what each found apart', () => {
    const work = scratchFolder('page-scans-two');
    const site = join(work, 'dist');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<h1>Home</h1><p>One</p>');
    writeFileSync(join(site, 'about.html'), '<h1>About</h1>');
    let scans = 0;
    const counted = (find: (html: string) => string | null) => (html: string) => {
      scans++;
      return find(html);
    };
    const heading = { cacheFile: join(work, 'cache', 'headings.json'), scan: counted((html) => /<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? null) };
    const paragraph = { cacheFile: join(work, 'cache', 'paragraphs.json'), scan: counted((html) => /<p>(.*?)<\/p>/.exec(html)?.[1] ?? null) };

    const first = scanPages(site, [heading, paragraph]);
    const [headings, paragraphs] = first.findings;
    expect([...headings]).toEqual([['about.html', 'About'], ['index.html', 'Home']]);
    expect([...paragraphs]).toEqual([['about.html', null], ['index.html', 'One']]);
    expect([first.pages, first.read, scans]).toEqual([2, 2, 4]);

    // One scan's findings kept, the other's gone: only that one looks again.
    rmSync(paragraph.cacheFile);
    scans = 0;
    const again = scanPages(site, [heading, paragraph]);
    expect([...again.findings[1]]).toEqual([['about.html', null], ['index.html', 'One']]);
    expect([again.read, scans]).toEqual([2, 2]);

    // Nothing written since: nothing read.
    expect(scanPages(site, [heading, paragraph]).read).toBe(0);
  });

  it('keeps each distinct finding once, however many pages found it, and gives it back to each', () => {
    const work = scratchFolder('page-scans-shared');
    const site = join(work, 'dist');
    mkdirSync(site, { recursive: true });
    const layout = '<script>theme()</script><h1>%</h1>';
    for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(site, `${name}.html`), layout.replace('%', name));
    writeFileSync(join(site, 'e.html'), '<h1>e</h1>');
    const scripts = { cacheFile: join(work, 'cache', 'scripts.json'), scan: (html: string) => ({ scripts: [...html.matchAll(/<script>(.*?)<\/script>/g)].map((match) => match[1]) }) };

    const first = scanPages(site, [scripts]).findings[0];
    const kept = JSON.parse(readFileSync(scripts.cacheFile, 'utf8')) as { findings: unknown[] };
    expect(kept.findings).toEqual([{ scripts: ['theme()'] }, { scripts: [] }]);

    const again = scanPages(site, [scripts]);
    expect(again.read).toBe(0);
    expect([...again.findings[0]]).toEqual([...first]);
  });

  it('says, as a build error with where and a hint, that a step read the findings before the pages were scanned', () => {
    const scans = pageScans();
    const findings = scans.add('search', join(scratchFolder('page-scans-unread'), 'scan.json'), (html) => html.length);
    let error: unknown;
    try {
      findings();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(BuildError);
    expect(error).toMatchObject({ where: 'src/integrations/index.ts', hint: expect.stringContaining('pageScans()') });
  });
});
