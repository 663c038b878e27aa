import { spawn } from 'node:child_process';
import { listInputFiles, readText } from '../fs/files.ts';
import { dayRange } from '../lib/dates.ts';
import { readFrontMatter } from '../lib/front-matter.ts';
import { savedHfDays } from './save.ts';

/**
 * The days `npm run update` fetches: from the newest day already saved in `rawDir` (fetched
 * again: it may have been saved while Hugging Face was still filling it), else from the newest
 * list day of the collection, else just `today`, through `today`. Weekends are included:
 * Hugging Face lists some.
 */
export function daysToUpdate({ rawDir, collection, today, from }: { rawDir: string; collection: string; today: string; from?: string }): string[] {
  const start = from ?? savedHfDays(rawDir).at(-1) ?? newestListDay(collection) ?? today;
  return dayRange(start, today);
}

/**
 * The newest day any paper of the collection was listed on; undefined for an empty or missing
 * folder. Only front matter is read (the build validates the rest).
 */
export function newestListDay(collection: string): string | undefined {
  let newest: string | undefined;
  for (const file of listInputFiles([collection], ['.md']).files) {
    let days: unknown;
    try {
      days = readFrontMatter(readText(file)).data.days;
    } catch {
      // Not a paper file ingest could have written: the build names it; it gives no day here.
      continue;
    }
    for (const day of Array.isArray(days) ? days : []) {
      if (typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) && (!newest || day > newest)) newest = day;
    }
  }
  return newest;
}

/**
 * Runs `npm run build` over `collection` (as PAPERS_DIR), its output passed through, so an
 * owner's own build script is the one that runs; resolves to its exit code.
 */
export function buildSite(collection: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, PAPERS_DIR: collection } });
    child.on('error', (error) => {
      console.error(`could not start the build: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
