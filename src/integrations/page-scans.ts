import { join } from 'node:path';
import { readText, readTextIfExists, stampedFiles, writeFileAtomic } from '../ingest/files.ts';

/**
 * What a build hook finds in each HTML page of the output (`scan` over the page's text), by path
 * relative to the output folder, in path order. Findings are kept in `cacheFile` and a page is
 * read again only when it was written since the last build (its size or modification time
 * changed): with the output folder kept (output-folder.ts), a day's rebuild writes a few
 * thousand of 100,000 pages, and reading them all took most of a hook's time. `version` names
 * what `scan` finds: findings kept under another version are not used.
 */
export function scanPages<T>(site: string, cacheFile: string, version: string, scan: (html: string) => T): Map<string, T> {
  const kept = readFindings<T>(cacheFile, version);
  const pages: Record<string, [string, T]> = {};
  const found = new Map<string, T>();
  for (const { path, stamp } of stampedFiles(site, '.html')) {
    const known = kept[path];
    const finding = known && known[0] === stamp ? known[1] : scan(readText(join(site, path)));
    pages[path] = [stamp, finding];
    found.set(path, finding);
  }
  writeFileAtomic(cacheFile, JSON.stringify({ version, pages }));
  return found;
}

function readFindings<T>(cacheFile: string, version: string): Record<string, [string, T]> {
  const text = readTextIfExists(cacheFile);
  if (!text) return {};
  const kept = JSON.parse(text) as { version?: string; pages?: Record<string, [string, T]> };
  return kept.version === version && kept.pages ? kept.pages : {};
}
