import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateBuilds } from '../support/locations.ts';
import { builtFiles } from '../support/site-files.ts';

describe.each(gateBuilds)('the build of the fixture $name', ({ dist }) => {
  it('ends by printing the number of files it wrote and their size, as they are on disk', () => {
    const log = readFileSync(`${dist}.log`, 'utf8');
    const [, files, bytes] = /\[daily-papers:output\] ([\d,]+) files, [\d.]+ MB \(([\d,]+) bytes\)/.exec(log) ?? [];
    const written = builtFiles(dist);
    expect(Number(files?.replace(/,/g, ''))).toBe(written.length);
    expect(Number(bytes?.replace(/,/g, ''))).toBe(written.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0));
    expect(log).not.toContain('Cloudflare Pages');
  });
});
