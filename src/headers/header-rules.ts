import type { HeaderRule } from './headers-file.ts';

/** For files whose name changes with their content: a browser never needs to ask again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * For every other file: pages, feeds, data and Pagefind's entry files change with each day, so a
 * browser asks again each time (and gets `304 Not Modified` while a file is the same). Netlify
 * and Cloudflare Pages do this unless told otherwise; object storage has to be told.
 */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** In a Pagefind bundle (one per search shard, `pagefind/<shard>/`): its index chunks, filters and fragments, and its `pf_meta` file. */
const HASHED_CHUNK = /^(pagefind\/(?:[^/]+\/)?(?:index|fragment|filter))\/[^/]+$/;
const HASHED_META = /^pagefind\/(?:[^/]+\/)?pagefind\.[\w-]+\.pf_meta$/;

/**
 * Whether a file of a built site (its path relative to it) is named by a hash of its content:
 * Astro's bundles, and in each Pagefind bundle its chunks and its `pf_meta` file, which is
 * content-hashed too but sits among unhashed files.
 */
export function isContentHashed(file: string): boolean {
  return file.startsWith('_astro/') || HASHED_CHUNK.test(file) || HASHED_META.test(file);
}

/** The `Cache-Control` of a built file, for a host told file by file (object storage): what `_headers` says of it. */
export function cacheControl(file: string): string {
  return isContentHashed(file) ? IMMUTABLE : REVALIDATE;
}

/**
 * The files `isContentHashed` finds, as `_headers` paths: `_astro/*`, each Pagefind bundle's
 * chunk folders, and its `pf_meta` file. Shards are listed one by one, so no host has to support
 * a wildcard inside a path.
 */
export function hashedPaths(files: readonly string[]): string[] {
  const folders = new Set<string>();
  const metas: string[] = [];
  for (const file of files) {
    const chunk = HASHED_CHUNK.exec(file);
    if (chunk) folders.add(`${chunk[1]}/*`);
    else if (HASHED_META.test(file)) metas.push(file);
  }
  return ['_astro/*', ...[...folders].sort(), ...metas.sort()];
}

export interface SiteHeaders {
  /** The base path, `/` or `/daily/`. */
  base: string;
  /** `sha256-...` sources of the inline scripts and style elements the pages carry. */
  scriptHashes: readonly string[];
  styleHashes: readonly string[];
  /** What `hashedPaths` finds in the built site: `_astro/*`, `pagefind/2026-01-05/index/*`... */
  hashedPaths: readonly string[];
}

/**
 * The Content-Security-Policy of every page. Scripts: the site's own files, Pagefind's
 * WebAssembly ('wasm-unsafe-eval'), and the inline scripts by hash (the theme script runs inline
 * so a chosen theme never flashes the other one), never 'unsafe-inline'. Styles: the site's files
 * and the digest's style element by hash; style attributes are allowed alone (KaTeX sizes and the
 * digest's mail layout use them, and an attribute cannot run code). Fonts: the site's, and data:
 * URLs, as the bundler inlines KaTeX's smallest fonts into its stylesheet. Images and media:
 * the site's, and any https origin, since papers' thumbnails, organizations' avatars and media
 * load from where their records point (never bundled).
 */
export function contentSecurityPolicy({ scriptHashes, styleHashes }: Pick<SiteHeaders, 'scriptHashes' | 'styleHashes'>): string {
  const quoted = (sources: readonly string[]) => sources.map((source) => ` '${source}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${quoted(scriptHashes)}`,
    `style-src 'self'${quoted(styleHashes)}`,
    "style-src-attr 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' https:",
    "media-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The rules of the site's `_headers`: security headers on every path, long caching on hashed
 * files, and open data readable from any origin. HTML, feeds and the unhashed Pagefind files
 * (its entry file names the current chunks) keep the host's default, which on Netlify and
 * Cloudflare Pages is to revalidate every time: pages change daily. No two rules set one header
 * for one path, as hosts would join the values.
 */
export function headerRules(site: SiteHeaders): HeaderRule[] {
  const cache = (path: string): HeaderRule => ({ path: site.base + path, headers: [['Cache-Control', IMMUTABLE]] });
  return [
    {
      path: `${site.base}*`,
      headers: [
        ['Content-Security-Policy', contentSecurityPolicy(site)],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
        ['X-Frame-Options', 'DENY'],
        ['Cross-Origin-Opener-Policy', 'same-origin'],
      ],
    },
    ...site.hashedPaths.map(cache),
    { path: `${site.base}data/*`, headers: [['Access-Control-Allow-Origin', '*']] },
  ];
}
