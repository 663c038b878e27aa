import { posix } from 'node:path';
import { feedFormats } from '../feeds/formats.ts';
import { cacheControl } from '../headers/header-rules.ts';

/** The headers an object is stored with, which the storage then sends with it. */
export interface ObjectHeaders {
  contentType: string;
  cacheControl: string;
  /** Only for a file stored compressed, so that a browser decompresses it. */
  contentEncoding?: string;
}

const UTF8 = '; charset=utf-8';

/** By extension; the build writes every text in UTF-8. */
const TYPES = new Map(Object.entries({
  '.html': `text/html${UTF8}`,
  '.css': `text/css${UTF8}`,
  '.js': `text/javascript${UTF8}`,
  '.mjs': `text/javascript${UTF8}`,
  '.json': `application/json${UTF8}`,
  '.map': `application/json${UTF8}`,
  '.webmanifest': `application/manifest+json${UTF8}`,
  '.xml': `application/xml${UTF8}`,
  '.txt': `text/plain${UTF8}`,
  '.svg': `image/svg+xml${UTF8}`,
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  // Open data's month files: a download, stored gzipped as they are (no Content-Encoding).
  '.gz': 'application/gzip',
}));

/** The feeds by file name (the site's and each topic's and organization's `rss.xml`), as the pages announce them. */
const FEED_TYPES = new Map(Object.entries({
  'rss.xml': feedFormats.rss.type + UTF8,
  'atom.xml': feedFormats.atom.type + UTF8,
  'feed.json': feedFormats.json.type + UTF8,
}));

/**
 * The headers of a file of the build (its path relative to it). Pagefind's own files (`.pf_*`,
 * `wasm.*.pagefind`), and any of an unknown kind, are binary: Pagefind gzips its files itself
 * and its script decompresses them, so they are stored as they are, with no Content-Encoding (a
 * browser would decompress them first, and Pagefind would fail on what it got). Caching is the
 * policy the build writes into `_headers`.
 */
export function objectHeaders(path: string): ObjectHeaders {
  const name = posix.basename(path);
  const contentType = FEED_TYPES.get(name) ?? TYPES.get(posix.extname(name)) ?? 'application/octet-stream';
  return { contentType, cacheControl: cacheControl(path) };
}
