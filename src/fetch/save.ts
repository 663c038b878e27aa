import { basename } from 'node:path';
import { fileInside, listInputFiles, readTextIfExists, writeFileAtomic } from '../fs/files.ts';
import { BadBody } from './http.ts';
import { joinHfItems, readHfItems, type HfDay, type HfItem } from './hugging-face.ts';

/**
 * Raw responses on disk, before ingest: one file per Hugging Face day, `<dir>/YYYY-MM-DD.json`,
 * and one per arXiv page, `<dir>/<name>.xml`, `<name>.p2.xml`, ... Every write is atomic
 * (through the one module that does file I/O), and a file whose bytes would not change is not
 * written, so its time stamp and git stay quiet.
 */

export interface Saved {
  file: string;
  /** `empty`: the answer had no items, and nothing was saved. */
  outcome: 'new' | 'changed' | 'unchanged' | 'empty';
  /** Papers of the earlier save that the new answer lacks, kept in the file. */
  kept: number;
}

/**
 * Saves a day. A day fetched again (it may have been fetched while still filling up) never loses
 * a paper: when the new answer holds every paper of the saved file, it replaces the file as it
 * came; when it lacks some (a paper taken off the list, a page shifted while paging), those are
 * kept after the new items, so the file is always a superset by paper id, with the newest
 * snapshot of each paper. An empty answer saves nothing and leaves a saved day alone.
 */
export function saveHfDay(dir: string, day: HfDay): Saved {
  const file = fileInside(dir, `${day.day}.json`);
  if (day.items.length === 0) return { file, outcome: 'empty', kept: 0 };
  const old = readTextIfExists(file);
  const fresh = new Set(day.items.map((item) => item.id));
  const missing = old === undefined ? [] : savedItems(old).filter((item) => !fresh.has(item.id));
  const text = missing.length > 0 ? joinHfItems([...day.items, ...missing]) : day.text;
  return { file, outcome: write(file, text, old), kept: missing.length };
}

/** Saves an arXiv request's pages: `<name>.xml`, then `<name>.p2.xml`, `<name>.p3.xml`, ... */
export function saveArxivPages(dir: string, name: string, pages: readonly string[]): Saved[] {
  return pages.map((text, index) => {
    const file = fileInside(dir, `${name}${index === 0 ? '' : `.p${index + 1}`}.xml`);
    return { file, outcome: write(file, text, readTextIfExists(file)), kept: 0 };
  });
}

/** The days saved in a folder of Hugging Face days, oldest first; none when there is no folder. */
export function savedHfDays(dir: string): string[] {
  return listInputFiles([dir], ['.json']).files.map((file) => basename(file)).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name)).map((name) => name.slice(0, 10));
}

function write(file: string, text: string, old: string | undefined): Saved['outcome'] {
  if (text === old) return 'unchanged';
  writeFileAtomic(file, text);
  return old === undefined ? 'new' : 'changed';
}

/** The items of a saved day; none if the file is not a valid day (it is then replaced). */
function savedItems(text: string): HfItem[] {
  try {
    return readHfItems(text);
  } catch (error) {
    if (error instanceof BadBody) return [];
    throw error;
  }
}
