import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { sites } from '../support/locations.ts';

describe('a collection moved to another folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'daily-papers-moved-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A collection of the fixture's first `count` papers in `name`. */
  const fixturePapers = (name: string, count: number) => {
    const folder = join(work, name);
    mkdirSync(folder);
    for (const file of readdirSync(sites.fixture.papers).filter((file) => file.endsWith('.md')).slice(0, count)) cpSync(join(sites.fixture.papers, file), join(folder, file));
    return folder;
  };

  // Astro's content cache keeps an unchanged entry's old file path: the pages that read
  // abstracts from the papers' files (feeds, digests, open data) must not follow it.
  it('builds, from its new folder, the feeds and open data it built from the old one', () => {
    const before = fixturePapers('before', 20);
    buildSite({ papersDir: before, outDir: join(work, 'dist-before') });
    const after = join(work, 'after');
    renameSync(before, after);
    buildSite({ papersDir: after, outDir: join(work, 'dist-after') });
    for (const file of ['rss.xml', 'feed.json', 'data/index.json']) {
      expect(readFileSync(join(work, 'dist-after', file), 'utf8'), file).toBe(readFileSync(join(work, 'dist-before', file), 'utf8'));
    }
  }, 600_000);

  it('is not taken for duplicates of another collection of the same papers built before, while that one stays', () => {
    const first = fixturePapers('first', 5);
    buildSite({ papersDir: first, outDir: join(work, 'dist-first') });
    // The same papers, their abstracts corrected, in another folder (another site's collection).
    const copy = join(work, 'copy');
    cpSync(first, copy, { recursive: true });
    for (const file of readdirSync(copy)) appendFileSync(join(copy, file), '\nCorrected.\n');
    expect(buildSite({ papersDir: copy, outDir: join(work, 'dist-copy') })).not.toMatch(/same slug/);
  }, 600_000);
});
