import { describe, expect, it } from 'vitest';
import { gateBuilds } from '../support/locations.ts';
import { buildDifferences, builtFiles } from '../support/site-files.ts';

describe.each(gateBuilds)('two builds of the fixture $name', ({ dist, again }) => {
  it('are byte for byte the same, Pagefind index included', () => {
    const first = builtFiles(dist);
    expect(first.length).toBeGreaterThan(100);
    expect(first.filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(10);
    expect(buildDifferences(dist, again)).toEqual({ onlyInFirst: [], onlyInSecond: [], differing: [] });
  });
});
