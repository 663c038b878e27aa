import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../test/support/browser.ts';
import { readCollection } from '../test/support/collection.ts';
import { sites } from '../test/support/locations.ts';
import { serveStatic } from '../test/support/static-server.ts';

/** Long enough for the first query to load Pagefind's script, WebAssembly and index. */
const SEARCH_WAIT = { timeout: 15_000 };

describe('search in the built sample, in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let target: { id: string; title: string; word: string };

  beforeAll(async () => {
    // A word that appears in exactly one title of the sample, so the paper it names must come up.
    const papers = [...readCollection(sites.sample.papers).values()].map((file) => file.data as { id: string; title: string });
    const words = (title: string) => title.toLowerCase().match(/[a-z]{6,}/g) ?? [];
    const counts = new Map<string, number>();
    for (const paper of papers) for (const word of new Set(words(paper.title))) counts.set(word, (counts.get(word) ?? 0) + 1);
    const paper = papers.find((p) => words(p.title).some((word) => counts.get(word) === 1))!;
    target = { ...paper, word: words(paper.title).find((word) => counts.get(word) === 1)! };

    server = await serveStatic(sites.sample.dist);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a paper by a word of its title and opens it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('search/'));
    await page.getByLabel('Search titles, authors and abstracts').fill(target.word);
    const result = page.locator('.search-result a', { hasText: target.title });
    await result.first().click();
    await page.waitForURL(server.url(`papers/${target.id}/`));
    expect(await page.locator('h1').textContent()).toBe(target.title);
    expect(new URL(page.url()).pathname).toBe(`/papers/${target.id}/`);
  });

  it('runs the search a shared ?q= link carries, and keeps typing in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(`search/?q=${encodeURIComponent(target.word)}`));
    await expect.poll(() => page.locator('.search-result a').allTextContents(), SEARCH_WAIT).toContain(target.title);
    expect(await page.getByRole('status').textContent()).toMatch(/match/);

    await page.getByLabel('Search titles, authors and abstracts').fill('qxjvwkpz');
    await expect.poll(() => page.getByRole('status').textContent(), SEARCH_WAIT).toMatch(/No papers match/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('qxjvwkpz');
  });

  it('sends the header search box of any page to the search page with its query', async () => {
    const page = await browser.newPage();
    await page.goto(server.url(''));
    await page.getByRole('search', { name: 'Site' }).getByRole('searchbox').fill(target.word);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    await expect.poll(() => page.locator('.search-result a').allTextContents(), SEARCH_WAIT).toContain(target.title);
  });
});
