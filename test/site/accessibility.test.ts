import type { AxeResults, Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { readCollection } from '../support/collection.ts';
import { gateBuilds, projectRoot, sites } from '../support/locations.ts';
import { pageKinds, representatives } from '../support/site-files.ts';
import { serveStatic } from '../support/static-server.ts';

/** The WCAG 2.1 A and AA rules of axe-core; best practices and AAA are not part of the gate. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SCRIPT = `${projectRoot}node_modules/axe-core/axe.min.js`;
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
  await page.addScriptTag({ path: AXE_SCRIPT });
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
  const kinds = [...pageKinds(dist)].map(([pattern, pages]) => ({ pattern, pages: representatives(pages) }));
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(dist, base);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('finds the page kinds it checks in the build', () => {
    expect(kinds.map((kind) => kind.pattern)).toEqual(expect.arrayContaining(['/', '/papers/', '/papers/*/', '/papers/date/*/', '/search/']));
  });

  it.each(kinds)('has no violations on the first and the largest page of $pattern, in light and dark', async ({ pages }) => {
    const page = await browser.newPage();
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
    const page = await browser.newPage();
    try {
      await page.goto(server.url('search/'));
      const word = searchWord();
      await page.getByLabel('Search titles, authors and abstracts').fill(word);
      await expect.poll(() => page.locator('.search-result').count(), SEARCH_WAIT).toBeGreaterThan(0);
      expect(await violationsInBothSchemes(page, `/search/?q=${word}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
