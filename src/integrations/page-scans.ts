import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readText, readTextIfExists, stampedMatches, writeFileAtomic } from '../fs/files.ts';
import { BuildError } from './build-error.ts';

/** What a build hook looks for in each HTML page of the output: `scan` over the page's text. */
export interface PageScan<T> {
  /** Where the findings are kept for the next build: in the cache of the step that reads them (build-cache.ts), emptied when its code changed. */
  cacheFile: string;
  scan: (html: string) => T;
}

type Findings<S> = { [K in keyof S]: Map<string, S[K] extends PageScan<infer T> ? T : never> };

/**
 * What each scan finds in each HTML page of the output, by path relative to the output folder, in
 * path order; and how many pages there are, and how many were read. A page is read once for all
 * scans, and not at all when it was not written since the last build (its size and modification
 * time are those the scan's findings were kept with): with the output folder kept
 * (output-folder.ts), a day's rebuild writes a few thousand of 100,000 pages, and reading them
 * all took most of a hook's time.
 */
export function scanPages<const S extends readonly PageScan<unknown>[]>(site: string, scans: S): { findings: Findings<S>; pages: number; read: number } {
  const kept = scans.map((scan) => readFindings(scan));
  const stamped = scans.map((): Record<string, [string, unknown]> => ({}));
  const found = scans.map(() => new Map<string, unknown>());
  // Every page, a dot folder's (`.well-known/`) too: the CSP must cover its inline scripts.
  const pages = stampedMatches(site, '**/*.html', { dot: true });
  let read = 0;
  for (const { path, stamp } of pages) {
    let html: string | undefined;
    const page = () => {
      if (html === undefined) {
        html = readText(join(site, path));
        read++;
      }
      return html;
    };
    scans.forEach((scan, i) => {
      const known = kept[i][path];
      const finding = known && known[0] === stamp ? known[1] : scan.scan(page());
      stamped[i][path] = [stamp, finding];
      found[i].set(path, finding);
    });
  }
  scans.forEach((scan, i) => writeFindings(scan, stamped[i]));
  return { findings: found as Findings<S>, pages: pages.length, read };
}

/**
 * What a scan's cache file holds: each distinct finding once, and each page's stamp with the
 * index of its finding. Most pages find the same (the inline hashes of one layout): written out
 * for each of 110,000 pages they made 30 MB to read and write again after every build.
 */
interface KeptFindings {
  findings: unknown[];
  pages: Record<string, [stamp: string, finding: number]>;
}

function writeFindings({ cacheFile }: PageScan<unknown>, stamped: Record<string, [string, unknown]>): void {
  const indexes = new Map<string, number>();
  const kept: KeptFindings = { findings: [], pages: {} };
  for (const [path, [stamp, finding]] of Object.entries(stamped)) {
    const key = JSON.stringify(finding) ?? 'null';
    let index = indexes.get(key);
    if (index === undefined) indexes.set(key, (index = kept.findings.push(finding) - 1));
    kept.pages[path] = [stamp, index];
  }
  writeFileAtomic(cacheFile, JSON.stringify(kept));
}

function readFindings({ cacheFile }: PageScan<unknown>): Record<string, [string, unknown]> {
  const text = readTextIfExists(cacheFile);
  if (!text) return {};
  const kept = JSON.parse(text) as Partial<KeptFindings>;
  if (typeof kept.pages !== 'object' || kept.pages === null || !Array.isArray(kept.findings)) return {};
  const { findings } = kept;
  return Object.fromEntries(Object.entries(kept.pages).map(([path, [stamp, index]]) => [path, [stamp, findings[index]]]));
}

/** The build hooks' scans of the pages, taken together when the build is done. */
export interface PageScans extends AstroIntegration {
  /**
   * Adds a scan named `name` (before the build is done: in `astro:config:done`), its findings
   * kept in `cacheFile`; gives what it found, once this integration's `astro:build:done` has run.
   */
  add<T>(name: string, cacheFile: string, scan: (html: string) => T): () => Map<string, T>;
}

/**
 * Scans the output's pages once for every build hook that looks into them (the search index's
 * shards, the CSP's inline hashes) instead of once per hook: at 54,000 papers, each pass read
 * 106,000 pages after a cold build. In the build's steps (index.ts) it comes after those that
 * change the pages and before those that read its findings.
 */
export function pageScans(): PageScans {
  // By name: a hook that adds its scan again (its config read again) replaces it.
  const added = new Map<string, PageScan<unknown>>();
  let found: Map<string, Map<string, unknown>> | undefined;
  return {
    name: 'daily-papers:page-scans',
    hooks: {
      'astro:build:start': () => {
        found = undefined;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const names = [...added.keys()];
        const scans = names.map((name) => added.get(name)!);
        const { findings, pages, read } = scanPages(fileURLToPath(dir), scans);
        found = new Map(names.map((name, i) => [name, findings[i]]));
        logger.info(`read ${read} of ${pages} pages for ${names.join(' and ')} (the others are as the last build found them) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
    add<T>(name: string, cacheFile: string, scan: (html: string) => T) {
      added.set(name, { cacheFile, scan });
      return () => {
        const findings = found?.get(name);
        if (!findings) throw new BuildError(`the pages were not scanned for "${name}" before it read them`, 'src/integrations/index.ts', 'put pageScans() before the step that reads its findings');
        return findings as Map<string, T>;
      };
    },
  };
}
