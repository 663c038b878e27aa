import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScript } from './support/run-script.ts';
import { scratchFolder } from './support/scratch.ts';

/** `npm run build` as an owner runs it, with a setting mistyped. */
describe('npm run build', () => {
  it('exits 2 on a site address without its scheme, naming the variable, before Astro starts and with no stack trace', async () => {
    const project = scratchFolder('build-cli');
    const result = await runScript('build.ts', [], { SITE_URL: 'papers.example.org' }, project);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('invalid site settings:\n  SITE_URL: expected an http(s) address, like https://papers.example.org\n');
    expect(readdirSync(project)).toEqual([]);
  });
});
