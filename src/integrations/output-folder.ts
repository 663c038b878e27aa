import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual as isEqual } from 'node:util';
import { modifiedAt, readTextIfExists, removeFilesNotWrittenSince, writeFileAtomic } from '../fs/files.ts';
import { buildCacheFolder } from './build-cache.ts';
import { astroKeptPages } from './internals.ts';

/** This integration's note, in the build's cache folder, of the output folder the last build wrote, and whether it finished. */
const LAST_OUTPUT = 'output-folder.json';

/**
 * Keeps the output folder between builds. Astro empties it before a build, then copies every
 * page its incremental build finds unchanged back from the cache: at 54,000 papers deleting
 * and copying back some 200,000 files cost minutes of a daily update. Kept, an unchanged page
 * stays where it is, and Astro says `(cached)`.
 *
 * Only the folder the last build with this cache finished is kept (anything else might hold
 * files from elsewhere: Astro empties it as always). When it was kept, what this build neither
 * wrote nor kept from the last one is removed once the pages are made: the pages of routes that
 * are gone, assets of older code. The folders named in `leave`, directly in the output folder,
 * are left to the integrations that write them, which keep them in step themselves: the search
 * index's 56,000 files at 54,000 papers, older than the build, were removed and linked back by
 * every build. The integrations in `keptBy` say which files they kept in it, unchanged (the feeds
 * written apart from Astro's routes, src/integrations/feed-files.ts). It comes before every
 * integration that writes into the output folder.
 */
export function outputFolder({ leave = [], keptBy = [] }: { leave?: readonly string[]; keptBy?: readonly { files(): ReadonlySet<string> }[] } = {}): AstroIntegration {
  let started = 0;
  let kept = false;
  let note = '';
  let cacheDir = '';
  return {
    name: 'daily-papers:output-folder',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        cacheDir = fileURLToPath(config.cacheDir);
        note = join(buildCacheFolder(cacheDir), LAST_OUTPUT);
        const outDir = resolve(fileURLToPath(config.outDir));
        const last = readTextIfExists(note);
        kept = last !== undefined && isEqual(JSON.parse(last), { outDir, finished: true });
        if (kept) updateConfig({ vite: { build: { emptyOutDir: false } } });
        // Until this build finishes, its folder is half old, half new: never keep it as it is.
        // The note's time is the build's start by the file system's clock, which dates what it writes.
        started = writeNote(note, { outDir, finished: false });
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = resolve(fileURLToPath(dir));
        if (kept) {
          const { removed, left } = removeFilesNotWrittenSince(outDir, started, new Set([...astroKeptPages(cacheDir), ...keptBy.flatMap((integration) => [...integration.files()])]), new Set(leave));
          logger.info(`kept the output folder of the last build: ${left} files written or kept, ${removed} no longer built removed`);
        }
        writeNote(note, { outDir, finished: true });
      },
    },
  };
}

/** Writes the note; returns when, by the file system's clock. */
function writeNote(note: string, last: { outDir: string; finished: boolean }): number {
  writeFileAtomic(note, JSON.stringify(last));
  return modifiedAt(note);
}
