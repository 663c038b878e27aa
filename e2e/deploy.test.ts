import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, type HeaderRule } from '../src/headers/headers-file.ts';
import { plainText } from '../src/lib/math-text.ts';
import { formatSearchState } from '../src/lib/search-keys.ts';
import { launchChromium, routeOtherOrigins } from '../test/support/browser.ts';
import { gateBuilds, mathPapers, sites } from '../test/support/locations.ts';
import { searchablePapers, uniqueTitleWord } from '../test/support/search-targets.ts';
import { serveStatic } from '../test/support/static-server.ts';

const SEARCH_WAIT = { timeout: 15_000 };
const subPath = gateBuilds[1];
const rules = parseHeadersFile(readFileSync(join(subPath.dist, '_headers'), 'utf8'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The build under /daily/ served as Netlify or Cloudflare Pages serve it, with its `_headers`,
 * and a browser context that records every CSP violation a page reports and every request to
 * another origin.
 */
function servedWithHeaders(headers: readonly HeaderRule[]) {
  const served = { offSite: [] } as unknown as { server: Awaited<ReturnType<typeof serveStatic>>; context: BrowserContext; offSite: string[] };
  beforeAll(async () => {
    served.server = await serveStatic(subPath.dist, subPath.base, { headers });
    served.context = await browser.newContext();
    await routeOtherOrigins(served.context, served.server.origin, { noted: served.offSite });
    await served.context.addInitScript(() => {
      const found: string[] = [];
      Object.assign(window, { cspViolations: found });
      document.addEventListener('securitypolicyviolation', (event) => found.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
    });
  });
  afterAll(async () => {
    await served.context?.close();
    await served.server?.close();
  });
  return served;
}

/**
 * Opens `url`, noting every console error or warning, uncaught error, failed request and error
 * response of the page, but the page itself and the /favicon.ico a browser asks the domain root
 * for when a page (a digest) names no icon.
 */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // A response's own error is noted below, with its URL.
    if ((message.type() === 'error' || message.type() === 'warning') && !message.text().startsWith('Failed to load resource')) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== url && new URL(response.url()).pathname !== '/favicon.ico') problems.push(`${response.status()}: ${response.url()}`);
  });
  await page.goto(url);
  return { page, problems };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('the build under /daily/, served with the _headers it wrote', () => {
  const served = servedWithHeaders(rules);

  it('sends the CSP and security headers with every file, and long caching with hashed files only', async () => {
    const page = await served.context.newPage();
    const search = (await page.goto(served.server.url('search/')))!;
    const csp = search.headers()['content-security-policy'];
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(csp).not.toContain("'unsafe-inline' ");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(search.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
    expect(search.headers()['cache-control']).toBeUndefined();
    const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
    const asset = (await page.request.get(served.server.origin + stylesheet))!;
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['content-security-policy']).toBe(csp);
    const bundle = JSON.parse((await page.locator('paper-search').getAttribute('data-shards'))!)[0][0] as string;
    expect((await page.request.get(served.server.origin + bundle + 'pagefind-entry.json')).headers()['cache-control']).toBeUndefined();
    await page.close();
  });

  it('loads from other origins only the images the records give, each sized before it loads: no layout shift', async () => {
    // The newest day whose papers have thumbnails (an arXiv listing's have none).
    const days = readdirSync(join(subPath.dist, 'papers', 'date')).sort().reverse();
    const day = days.find((name) => readFileSync(join(subPath.dist, 'papers', 'date', name, 'index.html'), 'utf8').includes('paper-card-thumbnail'))!;
    served.offSite.length = 0;
    const { page, problems } = await open(served.context, served.server.url(`papers/date/${day}/`));
    const images = await page.locator('main img').evaluateAll((found) => found.map((image) => ({ src: (image as HTMLImageElement).src, alt: image.getAttribute('alt'), width: image.getAttribute('width'), height: image.getAttribute('height'), loading: image.getAttribute('loading') })));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image, image.src).toMatchObject({ src: expect.stringMatching(/^https:\/\//), alt: expect.any(String), width: expect.stringMatching(/^\d+$/), height: expect.stringMatching(/^\d+$/), loading: 'lazy' });
    // Scrolled to the foot, every lazy image loads; the cards never move as they do.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    // Each shift, with what moved, so a failure says where to look.
    const shifts = await page.evaluate(() => new Promise<string[]>((resolve) => {
      const found: string[] = [];
      type Shift = { value: number; sources?: { node?: Element; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Shift[]) found.push(`${entry.value.toFixed(4)}: ${(entry.sources ?? []).map(({ node, previousRect: was, currentRect: now }) => `${node?.nodeName}.${node?.className} (${was.x},${was.y} ${was.width}x${was.height} -> ${now.x},${now.y} ${now.width}x${now.height})`).join('; ')}`);
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(found), 300);
    }));
    expect(shifts).toEqual([]);
    expect(served.offSite.filter((request) => !request.startsWith('image '))).toEqual([]);
    // Lazy images load as they near the view: some, not all, each one the page names.
    const loaded = served.offSite.map((request) => request.slice('image '.length));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((src) => !images.some((image) => image.src === src))).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('runs search (WebAssembly in a worker), the theme switch, the copy button and the "/" shortcut with no violation', async () => {
    const { paper, word } = uniqueTitleWord(searchablePapers(sites.fixture.papers));
    const { page, problems } = await open(served.context, served.server.url(`search/${formatSearchState({ query: word, filters: {} })}`));
    await page.locator('.search-result a', { hasText: plainText(paper.title) }).first().waitFor(SEARCH_WAIT);
    expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toContainEqual(expect.stringMatching(/^\/daily\/pagefind\/[\d-]+\/pagefind-worker\.js$/));
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // It now names the theme it switches back to.
    expect(await page.getByRole('button', { name: 'Light theme' }).isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);

    // The theme chosen applies before first paint on the next page: the inline script ran.
    const paperPage = await open(served.context, served.server.url(`papers/${mathPapers.title}/`));
    expect(await paperPage.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await paperPage.page.locator('.katex').count()).toBeGreaterThan(0);
    expect(await paperPage.page.getByRole('button', { name: 'Copy BibTeX' }).isVisible()).toBe(true);
    await paperPage.page.keyboard.press('/');
    expect(await paperPage.page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(await violations(paperPage.page)).toEqual([]);
    expect(paperPage.problems).toEqual([]);
  });

  it('shows the home page, the archive and a digest with no violation', async () => {
    const digest = (JSON.parse(readFileSync(join(subPath.dist, 'data', 'index.json'), 'utf8')) as { days: { day: string }[] }).days[0].day;
    for (const path of ['', 'archive/', `digest/${digest}.html`]) {
      const { page, problems } = await open(served.context, served.server.url(path));
      expect(await violations(page), path).toEqual([]);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });

  it('serves the not-found page at any depth under the sub-path, styled from absolute base-prefixed URLs', async () => {
    const { page, problems } = await open(served.context, served.server.url('no/such/deep/page/'));
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    for (const href of await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) expect(href).toMatch(/^\/daily\/_astro\//);
    // global.css moves the skip link off screen: the stylesheet applied.
    expect(await page.locator('.skip-link').evaluate((link) => getComputedStyle(link).position)).toBe('absolute');
    expect(problems).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });
});

describe('the same build, served with a CSP that lacks the hashes of its inline scripts', () => {
  const withoutHashes = rules.map((rule) => ({ ...rule, headers: rule.headers.map(([name, value]): [string, string] => [name, value.replace(/ 'sha256-[^']+'/g, '')]) }));
  const served = servedWithHeaders(withoutHashes);

  it('has its inline scripts blocked and reported, so the check above can fail', async () => {
    const { page } = await open(served.context, served.server.url(''));
    await expect.poll(() => violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem blocked inline/)]));
  });
});
