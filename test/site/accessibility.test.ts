import type { AxeResults, Result } from 'axe-core';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { readCollection } from '../support/collection.ts';
import { gateBuilds, projectRoot, sites } from '../support/locations.ts';
import { pageKinds, representatives } from '../support/site-files.ts';
import { serveStatic } from '../support/static-server.ts';

/** The WCAG 2.1 A and AA rules of axe-core; best practices and AAA are not part of the gate. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SCRIPT = readFileSync(`${projectRoot}node_modules/axe-core/axe.min.js`);
/**
 * Where pages load axe-core from: a URL the browser context answers itself, never the site's
 * server. Injected by URL rather than inline, Chromium caches the compiled script from one page to
 * the next, which takes about half off the injection time.
 */
const AXE_PATH = '/__axe-core/axe.min.js';
const SEARCH_WAIT = { timeout: 15_000 };
const schemes = ['light', 'dark'] as const;

/** One line per failing element: rule, impact, target, what to do, and axe's summary of why. */
function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) =>
      `${violation.id} (${violation.impact ?? 'no impact'}) at ${node.target.join(' ')}: ${violation.help} [${violation.helpUrl}]` +
      (node.failureSummary ? `\n    ${node.failureSummary.replace(/\n\s*/g, ' ')}` : ''),
    ),
  );
}

/** Runs the WCAG rules of axe-core, already injected, over the page as it is now. */
async function axe(page: Page): Promise<string[]> {
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  return describeViolations(results.violations);
}

/** A word found in exactly one paper title of the fixture, so a search for it has a result. */
function searchWord(): string {
  const titles = [...readCollection(sites.fixture.papers).values()].map((file) => String(file.data.title));
  const words = titles.flatMap((title) => [...new Set(title.toLowerCase().match(/[a-z]{6,}/g) ?? [])]);
  return words.find((word) => words.indexOf(word) === words.lastIndexOf(word))!;
}

/** Every violation of the page that is open, in each color scheme, labelled with both. */
async function violationsInBothSchemes(page: Page, label: string): Promise<string[]> {
  await page.addScriptTag({ url: new URL(AXE_PATH, page.url()).href });
  const found: string[] = [];
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${label} is shown in the ${colorScheme} scheme`).toBe(colorScheme === 'dark');
    found.push(...(await axe(page)).map((line) => `${label}, ${colorScheme}: ${line}`));
  }
  return found;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(gateBuilds)('WCAG 2.1 AA in Chromium, the fixture build $name', ({ base, dist }) => {
  // The page kinds are read from the build the global setup made, before the tests are collected.
  // Under the sub-path the markup is the same but for its URLs, so the first page of each kind is
  // enough to see that styles, scripts and the search index load there: that saves CI time.
  const kinds = [...pageKinds(dist)].map(([pattern, pages]) => ({ pattern, pages: base === '/' ? representatives(pages) : [pages[0]] }));
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let context: BrowserContext;
  beforeAll(async () => {
    server = await serveStatic(dist, base);
    context = await browser.newContext();
    await context.route(`**${AXE_PATH}`, (route) => route.fulfill({ body: AXE_SCRIPT, contentType: 'text/javascript', headers: { 'cache-control': 'max-age=3600' } }));
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('finds the page kinds it checks in the build', () => {
    expect(kinds.map((kind) => kind.pattern)).toEqual(expect.arrayContaining(['/', '/papers/', '/papers/*/', '/papers/date/*/', '/search/']));
  });

  it.each(kinds)('has no violations on $pattern (its first and its largest page at the root), in light and dark', async ({ pages }) => {
    const page = await context.newPage();
    try {
      const found: string[] = [];
      for (const { url } of pages) {
        await page.goto(server.url(url));
        found.push(...(await violationsInBothSchemes(page, url)));
      }
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('has no violations on the search page with results shown, in light and dark', async () => {
    const page = await context.newPage();
    try {
      await page.goto(server.url('search/'));
      const word = searchWord();
      await page.getByLabel('Search titles, authors, organizations and abstracts').fill(word);
      await expect.poll(() => page.locator('.search-result').count(), SEARCH_WAIT).toBeGreaterThan(0);
      expect(await violationsInBothSchemes(page, `/search/?q=${word}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
