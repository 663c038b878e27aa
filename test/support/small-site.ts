import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scratchFolder } from './scratch.ts';

/** Pagefind's files are gzipped by Pagefind: binary, and compressed. */
const pagefindBytes = (text: string) => gzipSync(text);

/**
 * A small built site, one file of each kind the build writes: pages, a hashed stylesheet and
 * font, a Pagefind bundle (entry files, hashed chunks, its WebAssembly), feeds, open data, and
 * `_headers`.
 */
export const SMALL_SITE: Record<string, string | Uint8Array> = {
  'index.html': '<!doctype html><title>Daily Papers</title><link rel="stylesheet" href="/_astro/Base.Dp9nRoXI.css">',
  '404.html': '<!doctype html><title>Not found</title>',
  'papers/2606.09821/index.html': '<!doctype html><title>Rethinking the Divergence Regularization in LLM RL</title>',
  'papers/2606.17291/index.html': '<!doctype html><title>STORX: An Open-Source Framework</title>',
  'papers/date/2026-06-24/index.html': '<!doctype html><title>2026-06-24</title>',
  'search/index.html': '<!doctype html><title>Search</title>',
  '_astro/Base.Dp9nRoXI.css': 'body{margin:0}',
  '_astro/KaTeX_Main-Regular.B22Nviop.woff2': new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 1, 2, 3]),
  'pagefind/2026-06-10/pagefind.js': 'export const pagefind = 1;',
  'pagefind/2026-06-10/pagefind-entry.json': '{"version":"1.6.0","languages":{"en":{"hash":"en_bc636cfffb"}}}',
  'pagefind/2026-06-10/pagefind.en_bc636cfffb.pf_meta': pagefindBytes('meta'),
  'pagefind/2026-06-10/index/en_5d6e7f8.pf_index': pagefindBytes('index'),
  'pagefind/2026-06-10/fragment/en_1a2b3c4.pf_fragment': pagefindBytes('fragment'),
  'pagefind/2026-06-10/wasm.en.pagefind': pagefindBytes('wasm'),
  'rss.xml': '<?xml version="1.0"?><rss version="2.0"/>',
  'atom.xml': '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
  'feed.json': '{"version":"https://jsonfeed.org/version/1.1","items":[1]}',
  'topics/agents/rss.xml': '<?xml version="1.0"?><rss version="2.0"/>',
  'sitemap-index.xml': '<?xml version="1.0"?><sitemapindex/>',
  'data/index.json': '{"days":[]}',
  'robots.txt': 'User-agent: *\n',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'og-default.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  '_headers': '/*\n  X-Content-Type-Options: nosniff\n',
};

/** Writes `files` into `dir`; a file given as null is removed. */
export function writeSite(dir: string, files: Record<string, string | Uint8Array | null>): void {
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    if (content === null) rmSync(file);
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
}

/** What a day's build changes in the small site: pages and feeds rewritten, a page and a search bundle added, a stylesheet renamed, a page gone. */
export const NEXT_DAY: Record<string, string | Uint8Array | null> = {
  'index.html': '<!doctype html><title>Daily Papers</title><link rel="stylesheet" href="/_astro/Base.C7r2kQxM.css">',
  'papers/2606.25001/index.html': '<!doctype html><title>A paper of the new day</title>',
  'papers/date/2026-06-25/index.html': '<!doctype html><title>2026-06-25</title>',
  'papers/2606.17291/index.html': null,
  '_astro/Base.Dp9nRoXI.css': null,
  '_astro/Base.C7r2kQxM.css': 'body{margin:0;padding:0}',
  'pagefind/2026-06-25/pagefind-entry.json': '{"version":"1.6.0","languages":{"en":{"hash":"en_0011223344"}}}',
  'pagefind/2026-06-25/fragment/en_9f8e7d6.pf_fragment': pagefindBytes('new fragment'),
  'rss.xml': '<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
  // As long as before: only its object's ETag tells that a deploy killed half-way wrote it.
  'feed.json': '{"version":"https://jsonfeed.org/version/1.1","items":[2]}',
};

/** The small site, written into a scratch folder of the running test. */
export function smallSite(): string {
  const dist = scratchFolder('deploy-dist');
  writeSite(dist, SMALL_SITE);
  return dist;
}
