import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/fs/files.ts';
import { grownFixture, grownFixtureStrays, projectRoot, sites } from '../support/locations.ts';
import { buildDifferences, builtFiles } from '../support/site-files.ts';

/**
 * Each day's first page in an Astro build log, and whether Astro kept it from the last build
 * (`(cached)` when left in the output folder, `(restored)` when copied from the cache) or rendered it (`(+8ms)`).
 */
function dayPages(log: string): { day: string; kept: boolean; how: string }[] {
  return [...log.matchAll(/[├└]─ \/papers\/date\/([\d-]+)\/index\.html \((cached|restored|\+)/g)].map(([, day, how]) => ({ day, kept: how !== '+', how }));
}
const daysWhere = (log: string, kept: boolean) => dayPages(log).filter((page) => page.kept === kept).map((page) => page.day);

/** The Pagefind integration's counts of shards it took from the cache, and of shards it indexed while the pages rendered. */
const SHARD_COUNTS = /\((\d+) unchanged, from the cache; (\d+) while rendering\)/;
const reusedShards = (log: string) => Number(SHARD_COUNTS.exec(log)?.[1]);
const shardsIndexedWhileRendering = (log: string) => Number(SHARD_COUNTS.exec(log)?.[2]);

/** A count the build logs as `<verb> 21 of 61 <things>` or `<verb> all 61 <things>`: how many were done, of how many. */
function counted(log: string, verb: string, things: string): { done: number; of: number } {
  const match = new RegExp(`${verb} (?:(\\d+) of (\\d+)|all (\\d+)) ${things}`).exec(log);
  if (!match) throw new Error(`the build log has no "${verb} ... ${things}"`);
  const [, done, of, all] = match;
  return all === undefined ? { done: Number(done), of: Number(of) } : { done: Number(all), of: Number(all) };
}

/** What the papers collection's loader read in a build: `papers: reading 21 of 61 files`, or all of them. */
const papersRead = (log: string) => counted(log, 'papers: reading', 'files');

/** What the build's feed writer wrote: `wrote 12 of 140 feeds`, or all of them. */
const feedsWritten = (log: string) => counted(log, 'wrote', 'feeds');

/** The pages of the routes in src/pages without parameters, by output path: `/archive/index.html`, `/rss.xml`. */
function pagesWithoutParameters(): string[] {
  return filesUnder(join(projectRoot, 'src', 'pages'))
    .filter((file) => !file.includes('['))
    .map((file) => {
      if (!file.endsWith('.astro')) return `/${file.replace(/\.ts$/, '')}`;
      const page = file.replace(/\.astro$/, '');
      return page === '404' ? '/404.html' : `/${page === 'index' ? '' : `${page.replace(/\/?index$/, '')}/`}index.html`;
    })
    .sort();
}

/** The paths a build's log lists, and those of them Astro kept from the last build. */
function routesIn(log: string): { built: string[]; kept: Set<string> } {
  // A page rendered among others gets its time on a later line, and the next line's time glued on.
  const built = [...log.matchAll(/[├└]─ (\/\S*?)(?=\d\d:\d\d:\d\d|\s|$)/g)].map(([, path]) => path);
  return { built, kept: new Set([...log.matchAll(/[├└]─ (\S+) \(cached\)/g)].map(([, path]) => path)) };
}

/** How many search shards a built site has. */
const searchShards = (dist = grownFixture.dist) => builtFiles(dist).filter((file) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(file)).length;

describe('a site grown by a day and built again from the last build', () => {
  const first = readFileSync(`${grownFixture.dist}.first.log`, 'utf8');
  const second = readFileSync(`${grownFixture.dist}.log`, 'utf8');

  it('is byte for byte the site built whole from scratch, search index included, with nothing an older build left', () => {
    expect(builtFiles(grownFixture.dist).length).toBeGreaterThan(100);
    expect(buildDifferences(sites.fixture.dist, grownFixture.dist)).toEqual({ onlyInFirst: [], onlyInSecond: [], differing: [] });
    for (const stray of grownFixtureStrays) expect(existsSync(join(grownFixture.dist, stray))).toBe(false);
  });

  it('leaves the pages of untouched days in place, and renders the new days and the day before them', () => {
    const oldDays = daysWhere(first, false);
    const keptDays = daysWhere(second, true);
    const renderedDays = daysWhere(second, false);
    expect(daysWhere(first, true)).toEqual([]);
    expect(oldDays.length).toBeGreaterThan(2);
    const newDays = renderedDays.filter((day) => !oldDays.includes(day));
    expect(newDays.length).toBeGreaterThan(0);
    // The day before the new ones now links to the next day: rendered again.
    const before = oldDays.filter((day) => day < newDays[0]).at(-1)!;
    expect(renderedDays).toContain(before);
    // Most other days are untouched (a day whose papers the new records correct is not), and
    // stay in the output folder rather than being deleted and copied back from the cache.
    const untouched = oldDays.filter((day) => day !== before && !newDays.includes(day));
    expect(keptDays.filter((day) => untouched.includes(day)).length).toBeGreaterThan(untouched.length / 2);
    expect(new Set(dayPages(second).filter((page) => page.kept).map((page) => page.how))).toEqual(new Set(['cached']));
  });

  it('is kept whole by a build of the same collection started from another shell, with other environment variables', () => {
    const unchanged = readFileSync(`${grownFixture.dist}.unchanged.log`, 'utf8');
    const { built, kept } = routesIn(unchanged);
    expect(kept.size).toBeGreaterThan(100);
    // A page of a route without parameters has no cacheKey: Astro renders it every time.
    expect(built.filter((path) => !kept.has(path)).sort()).toEqual(pagesWithoutParameters());
    expect(reusedShards(unchanged)).toBe(searchShards());
  });

  it("reads again only the paper files the new day's ingest wrote, and none when nothing changed", () => {
    const unchanged = readFileSync(`${grownFixture.dist}.unchanged.log`, 'utf8');
    const written = Number(readFileSync(`${grownFixture.dist}.written`, 'utf8'));
    const files = filesUnder(grownFixture.papers).filter((file) => file.endsWith('.md')).length;
    expect(papersRead(first).done).toBe(papersRead(first).of);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(files);
    expect(papersRead(second)).toEqual({ done: written, of: files });
    expect(papersRead(unchanged)).toEqual({ done: 0, of: files });
  });

  it("writes again the feeds of just the topics and organizations whose pages the new day changed, and none when nothing changed", () => {
    const unchanged = readFileSync(`${grownFixture.dist}.unchanged.log`, 'utf8');
    const feeds = builtFiles(grownFixture.dist).filter((file) => /^(topics|orgs)\/[^/]+\/rss\.xml$/.test(file)).length;
    // A listing's feed is made from its papers, as its pages are: a feed is written again when a
    // page of its listing is (one whose papers changed), and only then. Pages that lead to a
    // merged topic have no feed.
    const { built, kept } = routesIn(second);
    const withFeed = new Set(builtFiles(grownFixture.dist).filter((file) => /^(topics|orgs)\/[^/]+\/rss\.xml$/.test(file)).map((file) => file.split('/').slice(0, 2).join('/')));
    const listingsRendered = new Set(built.filter((path) => !kept.has(path)).map((path) => /^\/((?:topics|orgs)\/[^/]+)\/(?:\d+\/)?index\.html$/.exec(path)?.[1]).filter((listing) => listing !== undefined && withFeed.has(listing))).size;
    expect(feeds).toBeGreaterThan(10);
    expect(feedsWritten(first).done).toBe(feedsWritten(first).of);
    expect(feedsWritten(second)).toEqual({ done: listingsRendered, of: feeds });
    expect(feedsWritten(unchanged)).toEqual({ done: 0, of: feeds });
  });

  it('indexes again only the search shards whose pages changed', () => {
    expect(reusedShards(first)).toBe(0);
    const shards = searchShards();
    expect(shards).toBeGreaterThan(1);
    expect(reusedShards(second)).toBeGreaterThan(0);
    expect(reusedShards(second)).toBeLessThan(shards);
  });

  it('indexes every shard of a build from scratch while its pages render', () => {
    const shards = Number(/indexed \d+ paper pages in (\d+) shards? in/.exec(first)?.[1]);
    expect(shards).toBeGreaterThan(1);
    expect(shardsIndexedWhileRendering(first)).toBe(shards);
  });
});
