import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateBuilds } from '../support/locations.ts';
import { builtFiles } from '../support/site-files.ts';

describe.each(gateBuilds)('the build of the fixture $name', ({ dist, again }) => {
  it('ends by printing the number of files it wrote and their size, as they are on disk', () => {
    const log = readFileSync(`${dist}.log`, 'utf8');
    const [, files, bytes] = /\[daily-papers:output\] ([\d,]+) files, [\d.]+ MB \(([\d,]+) bytes\)/.exec(log) ?? [];
    const written = builtFiles(dist);
    expect(Number(files?.replace(/,/g, ''))).toBe(written.length);
    expect(Number(bytes?.replace(/,/g, ''))).toBe(written.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0));
    expect(log).not.toContain('Cloudflare Pages');
  });

  it('indexes every search shard while the pages render, when built without a cache', () => {
    // The second build went to another folder from an emptied cache (test/support/build-sites.ts).
    const log = readFileSync(`${again}.log`, 'utf8');
    const [, shards, cached, live] = /indexed \d+ paper pages in (\d+) shards? in [\d.]+ s \((\d+) unchanged, from the cache; (\d+) while rendering\)/.exec(log) ?? [];
    expect(Number(shards)).toBeGreaterThan(0);
    expect(Number(cached)).toBe(0);
    expect(Number(live)).toBe(Number(shards));
  });
});
