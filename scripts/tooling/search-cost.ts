import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

/** What one reader's first search costs. */
export interface SearchCost {
  query: string;
  results: number;
  /**
   * Index data the first query, pasted, transferred (metadata, index chunks, fragments, filters),
   * gzipped as a host sends it, until its first results showed: those of the newest papers' shards.
   */
  firstQueryDataBytes: number;
  /** The same, until the whole archive's results showed. */
  completeQueryDataBytes: number;
  /** The same as the first, for the query typed key by key (see firstResultsMs): each key's search fetches its own. */
  typedQueryDataBytes: number;
  /** Pagefind's own code it loaded: script, worker and WebAssembly, the same on every site and cached after. */
  firstQueryCodeBytes: number;
  firstQueryRequests: number;
  /**
   * From the last key of the query to its first results on screen, the query typed key by key at
   * a fast typist's pace from the moment the page has loaded: the budget's "after typing".
   */
  firstResultsMs: number;
  /** The same for the query pasted the moment the page has loaded, before a reader could type: the worst case. */
  pastedResultsMs: number;
  /** From the query entered to the whole archive's results on screen. */
  completeResultsMs: number;
  /** The same for a second query in that page, once the index is warm. */
  nextResultsMs: number;
}

/** Pagefind's own files (.pf_*, .pagefind) are compressed already; its script and JSON are not. */
const COMPRESSIBLE = /\.(js|json|css)$/;
/** Pagefind's program rather than this site's data. */
const CODE = /(^|\/)(pagefind(-worker)?\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * Measures search as a reader meets it, in headless Chromium against the build served on
 * 127.0.0.1: each query in a fresh browser (a cold cache), opening /search/, waiting until the
 * page is idle (it fetches Pagefind's script, WebAssembly and metadata on load), then pasting
 * the query and timing until the results show; and again in another fresh browser, the query
 * typed key by key. Every file of the index (under /pagefind/, and the sort table) the pasted
 * query requested counts, at its gzipped size; Pagefind's code is counted apart from the site's
 * index data.
 */
export async function measureSearch(dist: string, queries: { query: string; next: string }[], basePath = '/'): Promise<SearchCost[]> {
  const server = await serveStatic(dist, basePath);
  const browser = await launchChromium();
  const costs: SearchCost[] = [];
  try {
    for (const query of queries) {
      // On a busy machine a page now and then never shows its results (the query typed is lost):
      // that query is measured again in a fresh browser context, once, rather than wait forever.
      try {
        costs.push(await measureQuery(browser, server.url('search/'), dist, basePath, query));
      } catch (error) {
        console.error(`search "${query.query}" measured again: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        costs.push(await measureQuery(browser, server.url('search/'), dist, basePath, query));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return costs;
}

/** How long a step may take before the measurement of a query is given up: seconds, where milliseconds are usual. */
const STEP_TIMEOUT_MS = 60_000;
/** A fast typist's pace: about 100 words a minute. */
const KEY_INTERVAL_MS = 120;

async function measureQuery(browser: import('playwright-core').Browser, searchPage: string, dist: string, basePath: string, { query, next }: { query: string; next: string }): Promise<SearchCost> {
  const indexData = (files: string[]) => gzippedBytes(dist, files.filter((file) => !CODE.test(file)));
  const typed = await measureTyped(browser, searchPage, basePath, query);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requested = await openSearchPage(page, searchPage, basePath);
    const pastedResultsMs = await withinTimeout(page, `“${query}”`, timeSearch(page, query));
    const firstFiles = [...requested];
    const completeResultsMs = await withinTimeout(page, `the archive's results for “${query}”`, timeCompletion(page));
    const results = Number(((await page.locator('.search-status').textContent()) ?? '').match(/^[\d,]+/)?.[0].replace(/,/g, '') ?? 0);
    const files = [...requested];
    const nextResultsMs = await withinTimeout(page, `“${next}”`, timeSearch(page, next));
    await withinTimeout(page, `the archive's results for “${next}”`, timeCompletion(page));
    return {
      query,
      results,
      firstQueryDataBytes: indexData(firstFiles),
      typedQueryDataBytes: indexData(typed.files),
      completeQueryDataBytes: indexData(files),
      firstQueryCodeBytes: gzippedBytes(dist, files.filter((file) => CODE.test(file))),
      firstQueryRequests: files.length,
      firstResultsMs: typed.ms,
      pastedResultsMs,
      completeResultsMs,
      nextResultsMs,
    };
  } finally {
    await context.close();
  }
}

/** The bytes a host sends for these files of the site in `dist`. */
function gzippedBytes(dist: string, files: string[]): number {
  return files.reduce((total, file) => {
    const bytes = readFileSync(join(dist, file));
    return total + (COMPRESSIBLE.test(file) ? gzipSync(bytes).length : bytes.length);
  }, 0);
}

/**
 * Opens the search page in `page` and waits until it is loaded and its search element defined;
 * the files of the index it requests, then and later, are added to the set returned.
 */
async function openSearchPage(page: import('playwright-core').Page, searchPage: string, basePath: string): Promise<Set<string>> {
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const requested = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname.slice(basePath.length);
    if (path.startsWith('pagefind/') || path === 'search/sorts.json') requested.add(path);
  });
  await page.goto(searchPage, { waitUntil: 'networkidle' });
  // The search element reads the URL when it is defined; a query typed before that is lost.
  await page.waitForFunction(() => customElements.get('paper-search') !== undefined && document.querySelector('.search-status') !== null);
  return requested;
}

/**
 * Types `query` into the search page of a fresh context key by key from the moment it has loaded,
 * each key starting a search as it does for a reader; times the last key's first results, and
 * lists the files of the index fetched until then.
 */
async function measureTyped(browser: import('playwright-core').Browser, searchPage: string, basePath: string, query: string): Promise<{ ms: number; files: string[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requested = await openSearchPage(page, searchPage, basePath);
    await page.locator('#paper-search-input').pressSequentially(query.slice(0, -1), { delay: KEY_INTERVAL_MS });
    await page.waitForTimeout(KEY_INTERVAL_MS);
    const ms = await withinTimeout(page, `“${query}” typed`, timeSearch(page, query));
    return { ms, files: [...requested] };
  } finally {
    await context.close();
  }
}

/** A step of the measurement, or an error that says what the page showed when it took too long. */
async function withinTimeout<T>(page: import('playwright-core').Page, what: string, step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      const shown = await page
        .evaluate(() => `the status says “${document.querySelector('.search-status')?.textContent}”, the box “${document.querySelector<HTMLInputElement>('#paper-search-input')?.value}”`)
        .catch(() => 'the page did not answer');
      reject(new Error(`${what}: nothing after ${STEP_TIMEOUT_MS / 1000} s; ${shown}`));
    }, STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([step, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Enters a query in the search page's box all at once, as a paste or the last key does, and waits
 * for the status to announce its first results (the newest papers', on a site whose index has
 * several shards).
 */
function timeSearch(page: import('playwright-core').Page, query: string): Promise<number> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('#paper-search-input')!;
    const status = document.querySelector('.search-status')!;
    const announced = () => status.textContent?.includes(`“${text}”`);
    const started = performance.now();
    (window as unknown as { searchStarted: number }).searchStarted = started;
    const done = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!announced()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    // Results and status are written in the same task: measure to the next frame, when they show.
    await new Promise(requestAnimationFrame);
    return Math.round(performance.now() - started);
  }, query);
}

/** Waits until the search last entered has its whole archive's results on screen; the time since it was entered. */
function timeCompletion(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(async () => {
    const results = document.querySelector('.search-results')!.parentElement!;
    while (results.ariaBusy === 'true') await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise(requestAnimationFrame);
    return Math.round(performance.now() - (window as unknown as { searchStarted: number }).searchStarted);
  });
}
