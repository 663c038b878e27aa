import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeManifest, encodeManifest, MANIFEST_PATH } from '../src/deploy/manifest.ts';
import { objectHeaders } from '../src/deploy/object-headers.ts';
import { planDeploy } from '../src/deploy/plan.ts';
import type { SiteFile } from '../src/deploy/site-files.ts';
import { hashedPaths, headerRules } from '../src/headers/header-rules.ts';
import { headersFor } from '../src/headers/headers-file.ts';
import { SMALL_SITE } from './support/small-site.ts';

/** A file of the build whose content's hash is `digit` 64 times. */
const file = (path: string, digit: string): SiteFile => ({ path, size: 100, sha256: digit.repeat(64) });
/** Its entry in the manifest, and its object in the listing, as a deploy left them. */
const entry = (site: SiteFile) => ({ ...site, etag: `etag-of-${site.sha256.slice(0, 4)}` });
const listed = (site: SiteFile, etag = entry(site).etag) => [site.path, { size: site.size, etag }] as const;

describe('the deploy plan', () => {
  const page = file('index.html', '1');
  const css = file('_astro/Base.abc123.css', '2');
  const chunk = file('pagefind/2026-01-05/fragment/en_1234567.pf_fragment', '3');
  const entryFile = file('pagefind/2026-01-05/pagefind-entry.json', '4');
  const feed = file('rss.xml', '5');
  const all = [page, css, chunk, entryFile, feed];

  it('uploads the files pages name first (content-hashed ones, then the rest but pages), then the pages, and deletes last what the build no longer has', () => {
    const plan = planDeploy(all, new Map([['papers/gone/index.html', { size: 1, etag: 'x' }], [MANIFEST_PATH, { size: 1, etag: 'm' }]]), new Map());
    expect(plan.waves.map((wave) => [wave.name, wave.files.map((site) => site.path)])).toEqual([
      ['content-hashed files', [css.path, chunk.path]],
      ['other files', [entryFile.path, feed.path]],
      ['pages', [page.path]],
    ]);
    expect(plan.deletions).toEqual(['papers/gone/index.html']);
    expect(plan.unchanged).toEqual([]);
  });

  it('leaves a file alone only when the manifest has its hash and the listing shows the object the manifest describes', () => {
    const changed = file(feed.path, 'f');
    const plan = planDeploy(
      [page, css, chunk, entryFile, changed],
      // The entry file's object was written since the manifest was (by a deploy killed half-way): another ETag.
      new Map([listed(page), listed(css), listed(entryFile, 'written-since'), listed(feed)]),
      new Map([page, css, chunk, entryFile, feed].map((site) => [site.path, entry(site)])),
    );
    expect(plan.unchanged.map((site) => site.path)).toEqual([page.path, css.path]);
    // The chunk is in the manifest but not in the bucket; the feed changed.
    expect(plan.waves.flatMap((wave) => wave.files.map((site) => site.path))).toEqual([chunk.path, entryFile.path, feed.path]);
    expect(plan.deletions).toEqual([]);
  });
});

describe('the deploy manifest read back from the bucket', () => {
  const entries = [entry(file('index.html', '1'))];

  it('reads back what a deploy wrote: gzipped JSON, or the same decompressed on the way', () => {
    const encoded = encodeManifest(entries);
    expect(encoded.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(decodeManifest(encoded)).toEqual({ manifest: new Map([['index.html', entries[0]]]) });
    expect(decodeManifest(Buffer.from(JSON.stringify({ version: 1, files: entries })))).toEqual({ manifest: new Map([['index.html', entries[0]]]) });
  });

  it.each([
    ['text that is not JSON', Buffer.from('<html>not a manifest</html>'), 'not JSON'],
    ['gzip that breaks off', gzipSync(JSON.stringify({ version: 1, files: entries })).subarray(0, 20), 'not JSON'],
    ['JSON of another shape', Buffer.from(JSON.stringify({ files: { 'index.html': 'abc' } })), 'not a deploy manifest (version:'],
    ['a hash that is none', Buffer.from(JSON.stringify({ version: 1, files: [{ ...entries[0], sha256: 'abc' }] })), 'not a deploy manifest (files.0.sha256: expected 64 hexadecimal digits)'],
    ['a manifest of a later version', Buffer.from(JSON.stringify({ version: 2, files: entries })), 'not a deploy manifest (version:'],
  ])('says why it cannot use %s', (_, bytes, problem) => {
    const decoded = decodeManifest(bytes);
    expect('problem' in decoded && decoded.problem).toContain(problem);
  });
});

describe('the headers each object is stored with', () => {
  const paths = Object.keys(SMALL_SITE).filter((path) => path !== '_headers');

  it('give every file the Cache-Control the build writes for it into _headers', () => {
    const rules = headerRules({ base: '/', scriptHashes: [], styleHashes: [], hashedPaths: hashedPaths(paths) });
    for (const path of paths) expect(objectHeaders(path).cacheControl, path).toBe(headersFor(rules, `/${path}`).get('cache-control') ?? 'public, max-age=0, must-revalidate');
    expect(objectHeaders('_astro/Base.Dp9nRoXI.css').cacheControl).toBe('public, max-age=31536000, immutable');
    expect(objectHeaders('papers/2606.09821/index.html').cacheControl).toBe('public, max-age=0, must-revalidate');
  });

  it('type pages, styles, feeds and data by what they are, and store Pagefind files as binary without Content-Encoding', () => {
    const types = Object.fromEntries(paths.map((path) => [path, objectHeaders(path).contentType]));
    expect(types).toMatchObject({
      'index.html': 'text/html; charset=utf-8',
      '_astro/Base.Dp9nRoXI.css': 'text/css; charset=utf-8',
      '_astro/KaTeX_Main-Regular.B22Nviop.woff2': 'font/woff2',
      'pagefind/2026-06-10/pagefind.js': 'text/javascript; charset=utf-8',
      'pagefind/2026-06-10/pagefind-entry.json': 'application/json; charset=utf-8',
      'pagefind/2026-06-10/pagefind.en_bc636cfffb.pf_meta': 'application/octet-stream',
      'pagefind/2026-06-10/fragment/en_1a2b3c4.pf_fragment': 'application/octet-stream',
      'pagefind/2026-06-10/wasm.en.pagefind': 'application/octet-stream',
      'rss.xml': 'application/rss+xml; charset=utf-8',
      'atom.xml': 'application/atom+xml; charset=utf-8',
      'feed.json': 'application/feed+json; charset=utf-8',
      'topics/agents/rss.xml': 'application/rss+xml; charset=utf-8',
      'sitemap-index.xml': 'application/xml; charset=utf-8',
      'robots.txt': 'text/plain; charset=utf-8',
      'favicon.svg': 'image/svg+xml; charset=utf-8',
      'og-default.png': 'image/png',
    });
    for (const path of paths) expect(objectHeaders(path).contentEncoding, path).toBeUndefined();
    expect(objectHeaders('papers/constructor').contentType).toBe('application/octet-stream');
  });

  it("store the open data's month files as the gzip downloads they are, not as JSON a browser would decompress", () => {
    expect(objectHeaders('data/months/2026-06.json.gz')).toEqual({ contentType: 'application/gzip', cacheControl: 'public, max-age=0, must-revalidate' });
  });
});
