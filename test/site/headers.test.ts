import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/headers/headers-file.ts';
import { gateBuilds } from '../support/locations.ts';
import { builtFiles } from '../support/site-files.ts';

describe.each(gateBuilds)('the _headers of the fixture build $name', ({ base, dist }) => {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  const files = builtFiles(dist).filter((file) => file !== '_headers');
  /** The URL a host serves a file at: a folder's index.html at the folder. */
  const urlOf = (file: string) => base + file.replace(/(^|\/)index\.html$/, '$1');
  const served = (file: string) => headersFor(rules, urlOf(file));

  it('names only paths under the base path', () => {
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) expect(rule.path.startsWith(base), rule.path).toBe(true);
  });

  it('gives every file the CSP and security headers, and sets no header twice for one file (hosts would join the values)', () => {
    for (const file of files) {
      const headers = served(file);
      expect(headers.get('content-security-policy'), file).toMatch(/^default-src 'self'; /);
      expect(headers.get('x-content-type-options'), file).toBe('nosniff');
      for (const [name] of headers) expect(rules.filter((rule) => headersFor([rule], urlOf(file)).has(name)).length, `${file} ${name}`).toBeLessThanOrEqual(1);
    }
  });

  it('caches for a year exactly the files whose names are hashes of their content, and leaves pages to revalidate', () => {
    const immutable = files.filter((file) => served(file).get('cache-control') === 'public, max-age=31536000, immutable');
    const hashed = files.filter((file) => /^_astro\/|^pagefind\/[\w-]+\/(index|fragment|filter)\/|^pagefind\/[\w-]+\/pagefind\.\w+_[0-9a-f]+\.pf_meta$/.test(file));
    expect(immutable).toEqual(hashed);
    expect(hashed.some((file) => file.endsWith('.pf_meta'))).toBe(true);
    const bundle = files.find((file) => file.endsWith('/pagefind.js'))!.replace(/pagefind\.js$/, '');
    for (const file of ['index.html', 'search/index.html', 'search/sorts.json', `${bundle}pagefind.js`, `${bundle}pagefind-entry.json`, 'rss.xml']) expect(served(file).get('cache-control'), file).toBeUndefined();
  });
});
