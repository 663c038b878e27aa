import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grownFixture, sites } from '../support/locations.ts';
import { buildDifferences, builtFiles } from '../support/site-files.ts';

/** Each day's first page in an Astro build log, and whether Astro copied it from the last build (`(restored)`) or rendered it (`(+8ms)`). */
function dayPages(log: string): { day: string; restored: boolean }[] {
  return [...log.matchAll(/[├└]─ \/papers\/date\/([\d-]+)\/index\.html \((restored|\+)/g)].map(([, day, how]) => ({ day, restored: how === 'restored' }));
}
const daysWhere = (log: string, restored: boolean) => dayPages(log).filter((page) => page.restored === restored).map((page) => page.day);

/** The Pagefind integration's count of shards it took from the cache. */
const reusedShards = (log: string) => Number(/\((\d+) unchanged, from the cache\)/.exec(log)?.[1]);

describe('a site grown by a day and built again from the last build', () => {
  const first = readFileSync(`${grownFixture.dist}.first.log`, 'utf8');
  const second = readFileSync(`${grownFixture.dist}.log`, 'utf8');

  it('is byte for byte the site built whole from scratch, search index included', () => {
    expect(builtFiles(grownFixture.dist).length).toBeGreaterThan(100);
    expect(buildDifferences(sites.fixture.dist, grownFixture.dist)).toEqual({ onlyInFirst: [], onlyInSecond: [], differing: [] });
  });

  it('copies the pages of untouched days from the last build, and renders the new days and the day before them', () => {
    const oldDays = daysWhere(first, false);
    const restoredDays = daysWhere(second, true);
    const renderedDays = daysWhere(second, false);
    expect(daysWhere(first, true)).toEqual([]);
    expect(oldDays.length).toBeGreaterThan(2);
    const newDays = renderedDays.filter((day) => !oldDays.includes(day));
    expect(newDays.length).toBeGreaterThan(0);
    // The day before the new ones now links to the next day: rendered again.
    const before = oldDays.filter((day) => day < newDays[0]).at(-1)!;
    expect(renderedDays).toContain(before);
    // Most other days are untouched (a day whose papers the new records correct is not).
    const untouched = oldDays.filter((day) => day !== before && !newDays.includes(day));
    expect(restoredDays.filter((day) => untouched.includes(day)).length).toBeGreaterThan(untouched.length / 2);
  });

  it('indexes again only the search shards whose pages changed', () => {
    expect(reusedShards(first)).toBe(0);
    const shards = builtFiles(grownFixture.dist).filter((file) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(file)).length;
    expect(shards).toBeGreaterThan(1);
    expect(reusedShards(second)).toBeGreaterThan(0);
    expect(reusedShards(second)).toBeLessThan(shards);
  });
});
