import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../src/lib/math-text.ts';
import type { Paper } from '../src/schema/paper.ts';
import { formatSearchState } from '../src/lib/search-keys.ts';
import { topicKeys } from '../src/lib/topics.ts';
import { launchChromium } from '../test/support/browser.ts';
import { gateBuilds, sites } from '../test/support/locations.ts';
import { contradictoryPeriod, distinctiveOrganization, organizationWithClearTop, searchablePapers, soleAuthor, titleWordAlsoInAbstracts, uniqueTitleWord, type SearchablePapers } from '../test/support/search-targets.ts';
import { serveStatic } from '../test/support/static-server.ts';

/** Long enough for the first query to load Pagefind's script, WebAssembly and index on a busy CI machine. */
const SEARCH_WAIT = { timeout: 15_000 };
const SEARCH_LABEL = 'Search titles, authors, organizations and abstracts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The titles of the results on show, once the status says the search has run. */
async function resultTitles(page: Page): Promise<string[]> {
  await expect.poll(() => page.getByRole('status').textContent(), SEARCH_WAIT).toMatch(/papers?\b|No papers/);
  return page.locator('.search-result h3 a').allTextContents();
}

/** Clicks "Show more results" until every result is on the page. */
async function allResultTitles(page: Page): Promise<string[]> {
  await resultTitles(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    const shown = await page.locator('.search-result').count();
    await more.click();
    await expect.poll(() => page.locator('.search-result').count(), SEARCH_WAIT).toBeGreaterThan(shown);
  }
  return page.locator('.search-result h3 a').allTextContents();
}

const [root, subPath] = gateBuilds;

/** A title as results show it: TeX as plain text. */
const titleOf = (paper: Paper) => plainText(paper.title);

/** The paper count an option's label ends with: `NVIDIA (12)`. */
const count = (label: string) => Number(/\(([\d,]+)\)$/.exec(label)![1].replace(/,/g, ''));

/** The number of results the status announces. */
async function announcedCount(page: Page): Promise<number> {
  await expect.poll(() => page.getByRole('status').textContent(), SEARCH_WAIT).toMatch(/^[\d,]+ papers?\b/);
  return Number((await page.getByRole('status').textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ''));
}

/**
 * A build served on 127.0.0.1 for one describe block, with a browser context of its own and the
 * searchable papers of the fixture; its fields are set once the block's tests start.
 */
function servedBuild(dist: string, base = '/') {
  const served = {} as { server: Awaited<ReturnType<typeof serveStatic>>; context: BrowserContext; searchable: SearchablePapers };
  beforeAll(async () => {
    served.searchable = searchablePapers(sites.fixture.papers);
    served.server = await serveStatic(dist, base);
    served.context = await browser.newContext();
  });
  afterAll(async () => {
    await served.context?.close();
    await served.server?.close();
  });
  return served;
}

describe('search in Chromium, over the fixture build', () => {
  const served = servedBuild(root.dist);

  async function searchPage(state = ''): Promise<Page> {
    const page = await served.context.newPage();
    await page.goto(served.server.url(`search/${state}`));
    return page;
  }

  it('searches an index in several shards, in two phases, newest first', async () => {
    const page = await searchPage();
    const phases = JSON.parse((await page.locator('paper-search').getAttribute('data-shards'))!) as string[][];
    expect(phases[0].length).toBeGreaterThan(0);
    expect(phases[1].length).toBeGreaterThan(1);
    const shards = phases.flat();
    expect(shards).toEqual(shards.toSorted().reverse());
  });

  it('readies only the newest shard while nothing is asked: no index chunk, fragment or older shard is fetched', async () => {
    const page = await served.context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(served.server.url('search/'), { waitUntil: 'networkidle' });
    const [[newest], archive] = JSON.parse((await page.locator('paper-search').getAttribute('data-shards'))!) as string[][];
    const older = archive.filter((bundle) => bundle !== newest);
    expect(older.length).toBeGreaterThan(0);
    const shardFiles = (bundle: string) => requested.filter((path) => path.startsWith(bundle));
    await expect.poll(() => shardFiles(newest).some((path) => path.endsWith('.pf_meta')), SEARCH_WAIT).toBe(true);
    await page.waitForTimeout(500); // what the page does once its index is ready, it does at once
    expect(shardFiles(newest).filter((path) => /\/(index|fragment)\//.test(path))).toEqual([]);
    expect(older.flatMap(shardFiles)).toEqual([]);

    const { paper, word } = uniqueTitleWord(served.searchable);
    await page.getByLabel(SEARCH_LABEL).fill(word);
    expect(await resultTitles(page)).toContain(titleOf(paper));
    expect(older.flatMap(shardFiles).length).toBeGreaterThan(0);
  });

  it('keeps and searches the words typed before the search script has loaded', async () => {
    const { paper, word } = uniqueTitleWord(served.searchable);
    const page = await served.context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/PaperSearch[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // A module script runs before DOMContentLoaded: the page is only parsed while it is held.
    await page.goto(served.server.url('search/'), { waitUntil: 'commit' });
    await page.getByLabel(SEARCH_LABEL).fill(word);
    expect(await page.evaluate(() => customElements.get('paper-search'))).toBeUndefined();
    release();
    expect(await resultTitles(page)).toContain(titleOf(paper));
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
  });

  it('finds a paper by a word of its title and opens it', async () => {
    const { paper, word } = uniqueTitleWord(served.searchable);
    const page = await searchPage();
    await page.getByLabel(SEARCH_LABEL).fill(word);
    await page.locator('.search-result a', { hasText: titleOf(paper) }).first().click();
    await page.waitForURL(served.server.url(`papers/${paper.id}/`));
    expect(new URL(page.url()).pathname).toBe(`/papers/${paper.id}/`);
  });

  it('finds by a word of its own only the paper that has it, though other shards hold shorter words it begins with', async () => {
    const { paper, word } = uniqueTitleWord(served.searchable);
    const page = await searchPage();
    await page.getByLabel(SEARCH_LABEL).fill(word);
    expect(await resultTitles(page)).toEqual([titleOf(paper)]);
  });

  it('finds a paper by the full name of one of its authors', async () => {
    const { paper, name } = soleAuthor(served.searchable);
    const page = await searchPage();
    await page.getByLabel(SEARCH_LABEL).fill(name);
    expect(await resultTitles(page)).toEqual([titleOf(paper)]);
  });

  it('finds the same one paper when the full name is typed key by key', async () => {
    const { paper, name } = soleAuthor(served.searchable);
    const page = await searchPage();
    await page.getByLabel(SEARCH_LABEL).pressSequentially(name, { delay: 40 });
    expect(await resultTitles(page)).toEqual([titleOf(paper)]);
  });

  it('finds every paper of an organization by its name, and no other', async () => {
    const organization = distinctiveOrganization(served.searchable);
    const page = await searchPage();
    await page.getByLabel(SEARCH_LABEL).fill(organization.name);
    expect((await allResultTitles(page)).toSorted()).toEqual(organization.papers.map(titleOf).toSorted());
  });

  it('ranks the paper with the query word in its title above papers with it only in their abstracts', async () => {
    const { paper, word, others } = titleWordAlsoInAbstracts(served.searchable);
    const page = await searchPage(formatSearchState({ query: word, filters: {} }));
    const titles = await resultTitles(page);
    expect(titles[0]).toBe(titleOf(paper));
    expect(titles).toEqual(expect.arrayContaining(others.map(titleOf)));
  });

  it('puts the most upvoted paper of an organization first when filtered by it and sorted by upvotes', async () => {
    const { name, top, count } = organizationWithClearTop(served.searchable);
    const page = await searchPage();
    await page.getByLabel('Organization', { exact: true }).selectOption(name);
    await page.getByLabel('Sort by', { exact: true }).selectOption('upvotes');
    await expect.poll(() => page.getByRole('status').textContent(), SEARCH_WAIT).toContain(`from ${name}`);
    expect((await resultTitles(page))[0]).toBe(titleOf(top));
    expect(await announcedCount(page)).toBe(count);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ org: name, sort: 'upvotes' });
  });

  it('narrows to exactly the papers filed under a value of each filter the form offers', async () => {
    const page = await searchPage();
    // A topic holds every spelling of its keyword (src/lib/topics.ts).
    const topicOf = topicKeys(served.searchable.papers.map((paper) => paper.keywords ?? []));
    const filed: Partial<Record<string, (paper: Paper, value: string) => boolean>> = {
      org: (paper, value) => paper.organization?.fullname === value,
      topic: (paper, value) => (paper.keywords ?? []).some((keyword) => topicOf(keyword) === value),
      category: (paper, value) => (paper.categories ?? []).includes(value),
      year: (paper, value) => paper.days.some((day) => day.startsWith(`${value}-`)),
      month: (paper, value) => paper.days.some((day) => day.startsWith(`${value}-`)),
    };
    const selects = await page.locator('select[data-filter]').all();
    expect(selects.length).toBeGreaterThanOrEqual(4);
    for (const select of selects) {
      const key = (await select.getAttribute('name'))!;
      // The value with the fewest papers: a filter that did nothing would show more.
      const options = await select.locator('option').evaluateAll((all) => all.map((option) => ({ value: (option as HTMLOptionElement).value, label: option.textContent! })));
      const choice = options.filter((option) => option.value).sort((a, b) => count(a.label) - count(b.label))[0];
      await select.selectOption(choice.value);
      const expected = filed[key] ? served.searchable.papers.filter((paper) => filed[key]!(paper, choice.value)).length : count(choice.label);
      expect(count(choice.label), `${key}=${choice.value}`).toBe(expected);
      expect(await announcedCount(page), `${key}=${choice.value}`).toBe(expected);
      // A topic is filed by its slug and named by its label.
      if (key === 'topic') expect(await page.getByRole('status').textContent()).toContain(` on ${choice.label.replace(/ \([\d,]+\)$/, '')}`);
      await select.selectOption('');
    }
    await page.getByLabel(/Only papers with code/).check();
    expect(await announcedCount(page)).toBe(served.searchable.papers.filter((paper) => paper.githubRepo).length);
    expect(new URL(page.url()).search).toBe('?has_code=true');
  });

  it('reopens a shared URL with the same query, filters, sort and results', async () => {
    const { name } = organizationWithClearTop(served.searchable);
    const word = 'model';
    const page = await searchPage();
    await page.getByLabel(SEARCH_LABEL).fill(word);
    await page.getByLabel('Organization', { exact: true }).selectOption(name);
    await page.getByLabel('Sort by', { exact: true }).selectOption('date');
    await expect.poll(() => page.getByRole('status').textContent(), SEARCH_WAIT).toMatch(/newest first|No papers/);
    const typed = await resultTitles(page);
    const shared = page.url();

    const reopened = await served.context.newPage();
    await reopened.goto(shared);
    expect(await resultTitles(reopened)).toEqual(typed);
    expect(await reopened.getByLabel(SEARCH_LABEL).inputValue()).toBe(word);
    expect(await reopened.getByLabel('Organization', { exact: true }).inputValue()).toBe(name);
    expect(await reopened.getByLabel('Sort by', { exact: true }).inputValue()).toBe('date');
    expect(reopened.url()).toBe(shared);
  });

  it('opens a URL that names a topic by its label, as older links do, on that topic, and rewrites it to the topic\'s key', async () => {
    const options = await (await searchPage()).locator('select[name="topic"] option').evaluateAll((all) => all.map((option) => ({ value: (option as HTMLOptionElement).value, label: option.textContent! })));
    const topic = options.find((option) => option.value && /[A-Z ]/.test(option.label))!;
    const label = topic.label.replace(/ \([\d,]+\)$/, '');
    expect(label, 'a topic whose label is not its slug').not.toBe(topic.value);
    const page = await searchPage(`?topic=${encodeURIComponent(label)}`);
    expect(await announcedCount(page)).toBe(count(topic.label));
    expect(await page.getByLabel('Topic', { exact: true }).inputValue()).toBe(topic.value);
    expect(new URL(page.url()).search).toBe(`?topic=${topic.value}`);
  });

  it('keeps every paper in a sorted search: each carries every sort key', async () => {
    for (const sort of ['upvotes', 'date', 'stars'] as const) {
      const page = await searchPage(formatSearchState({ query: '', filters: {}, sort }));
      expect(await announcedCount(page)).toBe(served.searchable.papers.length);
      await page.close();
    }
  });

  it('says so clearly when nothing matches, and when nothing has been asked', async () => {
    const page = await searchPage();
    expect(await page.locator('.search-hint').isVisible()).toBe(true);
    expect(await page.getByRole('status').textContent()).toBe('');
    await page.getByLabel(SEARCH_LABEL).fill('ꙮꙮꙮ');
    await expect.poll(() => page.getByRole('status').textContent(), SEARCH_WAIT).toBe('No papers match “ꙮꙮꙮ”. Try fewer or different words.');
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(await page.locator('.search-hint').isVisible()).toBe(false);
    await page.getByLabel(SEARCH_LABEL).fill('');
    await expect.poll(() => page.locator('.search-hint').isVisible(), SEARCH_WAIT).toBe(true);
    expect(new URL(page.url()).search).toBe('');

    // Filters that rule each other out: the status says to drop one.
    const contradictory = await searchPage(formatSearchState({ query: '', filters: contradictoryPeriod(served.searchable) }));
    await expect.poll(() => contradictory.getByRole('status').textContent(), SEARCH_WAIT).toMatch(/^No papers listed in \w+ \d{4}\. Try removing a filter\.$/);
  });

  it('shows each result with its day, upvotes, organization and an excerpt of its summary or abstract', async () => {
    const { name, papers } = distinctiveOrganization(served.searchable);
    const page = await searchPage(formatSearchState({ query: name, filters: {} }));
    await resultTitles(page);
    const first = page.locator('.search-result').first();
    const title = await first.locator('h3 a').textContent();
    const paper = papers.find((candidate) => titleOf(candidate) === title)!;
    expect(paper).toBeDefined();
    expect(await first.locator('time').getAttribute('datetime')).toBe(paper.days.at(-1));
    const facts = await first.locator('.search-result-facts').textContent();
    expect(facts).toContain(`${paper.upvotes ?? 0} upvote`);
    expect(facts).toContain(name);
    expect(facts).toContain(paper.authors[0]);
    // The organization's name is in the facts, not the paper's own words: the excerpt is their start.
    expect((await first.locator('.search-result-excerpt').textContent())!.length).toBeGreaterThan(40);
  });

  it('takes no excerpt of the top ten results of five common queries from the author list, and marks the query in them', async () => {
    for (const query of ['language model', 'diffusion', 'reinforcement learning agents', 'video generation', 'benchmark']) {
      const page = await searchPage(formatSearchState({ query, filters: {} }));
      await resultTitles(page);
      const results = await page.locator('.search-result').evaluateAll((items) => items.slice(0, 10).map((item) => ({ title: item.querySelector('h3 a')!.textContent!, excerpt: item.querySelector('.search-result-excerpt')!.textContent!, marks: item.querySelectorAll('.search-result-excerpt mark').length })));
      expect(results.length, query).toBeGreaterThan(0);
      for (const { title, excerpt } of results) {
        const paper = served.searchable.papers.find((candidate) => titleOf(candidate) === title)!;
        const named = paper.authors.filter((author) => author.includes(' ') && excerpt.includes(author));
        expect(named, `${query}: ${title}: ${excerpt}`).toEqual([]);
      }
      expect(results.filter(({ marks }) => marks > 0).length, query).toBeGreaterThan(results.length / 2);
      await page.close();
    }
  });

  it('focuses the search box on "/" from any page, and leaves "/" alone in a text field', async () => {
    const page = await served.context.newPage();
    await page.goto(served.server.url('papers/'));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('/x');
    expect(await page.locator('#site-search').inputValue()).toBe('/x');

    const search = await searchPage();
    await search.keyboard.press('/');
    expect(await search.evaluate(() => document.activeElement?.id)).toBe('paper-search-input');
  });

  it('sends the header search box of any page to the search page with its query', async () => {
    const { paper, word } = uniqueTitleWord(served.searchable);
    const page = await served.context.newPage();
    await page.goto(served.server.url(''));
    await page.getByRole('search', { name: 'Site' }).getByRole('searchbox').fill(word);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    expect(await resultTitles(page)).toContain(titleOf(paper));
  });

  it('can be used with the keyboard alone: type, move to the filters, reach the results', async () => {
    const { name } = organizationWithClearTop(served.searchable);
    const page = await searchPage();
    await page.keyboard.press('/');
    await page.keyboard.type('model');
    await page.keyboard.press('Tab'); // the Search button
    await page.keyboard.press('Tab'); // the first filter
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('org');
    await page.getByLabel('Organization', { exact: true }).selectOption(name); // a select keeps keyboard choice native
    await expect.poll(() => page.getByRole('status').textContent(), SEARCH_WAIT).toContain(`from ${name}`);
    expect(await page.getByRole('region', { name: 'Results' }).getByRole('listitem').count()).toBeGreaterThan(0);
  });
});

describe('search in Chromium, over the fixture build under the sub-path /daily/', () => {
  const served = servedBuild(subPath.dist, subPath.base);

  it('loads the index from under the sub-path and links results there', async () => {
    const { paper, word } = uniqueTitleWord(served.searchable);
    const page = await served.context.newPage();
    await page.goto(served.server.url(''));
    await page.getByRole('search', { name: 'Site' }).getByRole('searchbox').fill(word);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/daily/search/');
    const result = page.locator('.search-result a', { hasText: titleOf(paper) }).first();
    await result.waitFor(SEARCH_WAIT);
    expect(await result.getAttribute('href')).toBe(`/daily/papers/${paper.id}/`);
    await result.click();
    await page.waitForURL(served.server.url(`papers/${paper.id}/`));
  });

  it('round-trips a filtered, sorted search in the URL', async () => {
    const { name, top } = organizationWithClearTop(served.searchable);
    const page = await served.context.newPage();
    await page.goto(served.server.url(`search/${formatSearchState({ query: '', filters: { org: name }, sort: 'upvotes' })}`));
    expect((await resultTitles(page))[0]).toBe(titleOf(top));
    expect(await page.getByLabel('Organization', { exact: true }).inputValue()).toBe(name);
  });
});

describe('search in Chromium, over the bundled sample as the README builds it', () => {
  it('finds a paper by a word of its title', async () => {
    const { paper, word } = uniqueTitleWord(searchablePapers(sites.sample.papers));
    const server = await serveStatic(sites.sample.dist);
    const page = await browser.newPage();
    try {
      await page.goto(server.url(`search/${formatSearchState({ query: word, filters: {} })}`));
      expect(await resultTitles(page)).toContain(titleOf(paper));
    } finally {
      await page.close();
      await server.close();
    }
  });
});
