import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { indexedPart } from '../../src/integrations/shard-bundles.ts';

/** Every file of a build, as a `/`-separated path relative to it, sorted. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split(sep).join('/'))
    .sort();
}

/** Every HTML page of a build: its file, and the URL path a host serves it at under `base`. */
export function builtPages(dir: string, base = '/'): { file: string; url: string }[] {
  return builtFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, url: base + file.replace(/(^|\/)index\.html$/, '$1') }));
}

/**
 * The kinds of page a build has, told from its paths alone so that a kind added later is covered
 * without a list to update: a page's pattern is its URL with every variable segment written `*`.
 * A folder segment is variable when it holds a digit (days, weeks, paper ids, page numbers) or
 * when, below the first level, it is a page itself (`/papers/<id>/`, `/orgs/<slug>/`,
 * `/topics/<slug>/` and the pages that paginate it); a file name in a folder is variable when it
 * holds a digit (`/digest/2026-06-24.html`). First-level folders (`/papers/`, `/search/`), folders
 * that only hold pages (`/papers/date/`) and other file names (`/404.html`) are literal. Each kind lists its
 * pages in path order.
 */
export function pageKinds(dir: string): Map<string, { file: string; url: string; size: number }[]> {
  const pages = builtPages(dir);
  const pageFolders = new Set(pages.map(({ file }) => file.replace(/\/?index\.html$/, '')));
  const kinds = new Map<string, { file: string; url: string; size: number }[]>();
  for (const page of pages) {
    const parts = page.file.split('/');
    const name = parts.pop()!;
    const pattern = parts.map((part, i) => (/\d/.test(part) || (i > 0 && pageFolders.has(parts.slice(0, i + 1).join('/'))) ? '*' : part));
    const leaf = name === 'index.html' ? '' : parts.length > 0 && /\d/.test(name) ? name.replace(/^[^.]*/, '*') : name;
    const key = `/${[...pattern, leaf].join('/')}`.replace(/^\/\//, '/');
    const list = kinds.get(key) ?? [];
    list.push({ ...page, size: statSync(join(dir, page.file)).size });
    kinds.set(key, list);
  }
  return kinds;
}

/** The pages that stand for a kind: its first page and its largest (one page if they are the same). */
export function representatives<T extends { file: string; size: number }>(pages: T[]): T[] {
  const largest = pages.reduce((big, page) => (page.size > big.size ? page : big));
  return largest === pages[0] ? [pages[0]] : [pages[0], largest];
}

/**
 * How two builds differ: the files only one has, and for each file both have with other bytes,
 * where it first differs, with a little of each around it. Files named after a hash of their
 * content (Pagefind's fragments and index chunks) show up as files only one has.
 */
export function buildDifferences(first: string, second: string): { onlyInFirst: string[]; onlyInSecond: string[]; differing: string[] } {
  const a = builtFiles(first);
  const b = builtFiles(second);
  const inB = new Set(b);
  const inA = new Set(a);
  return {
    onlyInFirst: a.filter((file) => !inB.has(file)),
    onlyInSecond: b.filter((file) => !inA.has(file)),
    differing: a
      .filter((file) => inB.has(file))
      .map((file) => ({ file, x: readFileSync(join(first, file)), y: readFileSync(join(second, file)) }))
      .filter(({ x, y }) => !x.equals(y))
      .map(({ file, x, y }) => firstDifference(file, x, y)),
  };
}

function firstDifference(file: string, a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const text = !/\.(pf_\w+|pagefind|wasm)$/.test(file);
  const around = (bytes: Buffer) => {
    const slice = bytes.subarray(Math.max(0, at - 40), at + 40);
    return text ? JSON.stringify(slice.toString('utf8')) : slice.toString('hex');
  };
  return `${file}: ${a.length} and ${b.length} bytes, first differing at byte ${at}:\n    ${around(a)}\n    ${around(b)}`;
}

/** Whether a built page only leads on to another: the old page of a merged topic's spelling or of an organization's other handle. */
export function leadsElsewhere(dir: string, file: string): boolean {
  return readFileSync(join(dir, file), 'utf8').includes('http-equiv="refresh"');
}

/** The slugs of the listing pages under `folder` (`topics`, `orgs`), without the pages that lead on to another. */
export function listingSlugs(dir: string, folder: string): string[] {
  return readdirSync(join(dir, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !leadsElsewhere(dir, join(folder, entry.name, 'index.html')))
    .map((entry) => entry.name);
}

/** What the search index reads of a built paper page (its article, its search record written out as Pagefind's elements). */
export function indexedPaperPage(dir: string, id: string): CheerioAPI {
  const indexed = indexedPart(readFileSync(join(dir, 'papers', id, 'index.html'), 'utf8'));
  if (!indexed) throw new Error(`papers/${id}/ is not indexed`);
  return load(indexed.article);
}
