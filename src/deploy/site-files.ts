import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { byCodeUnits, readBytes, sizedFiles } from '../fs/files.ts';

/** A file of the build, by its path relative to the build's folder (with `/`), which is its key under the prefix. */
export interface SiteFile {
  path: string;
  size: number;
  sha256: string;
}

/**
 * Files of a build that are not part of the site: `_headers` tells Netlify and Cloudflare Pages
 * the headers (object storage is told them object by object), and served it would be a page.
 */
const NOT_DEPLOYED = new Set(['_headers']);

/** The local manifest: the files of the build in `dist` that a deploy uploads, in code-unit order, each with the SHA-256 of its content. */
export function siteFiles(dist: string): SiteFile[] {
  return sizedFiles(dist)
    .filter((file) => !NOT_DEPLOYED.has(file.path))
    .sort((a, b) => byCodeUnits(a.path, b.path))
    .map(({ path, bytes }) => ({ path, size: bytes, sha256: createHash('sha256').update(readBytes(join(dist, path))).digest('hex') }));
}
