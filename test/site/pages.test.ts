import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasMath, plainText } from '../../src/lib/math-text.ts';
import { readCollection } from '../support/collection.ts';
import { fixtureNote, sites } from '../support/locations.ts';

const { papers: papersDir, dist } = sites.fixture;

/** Every page of the build, as the URL path a host serves it at. */
function builtPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${relative(dir, join(dir, file)).replace(/index\.html$/, '')}`)
    .sort();
}

function page(path: string): CheerioAPI {
  return load(readFileSync(join(dist, path, 'index.html'), 'utf8'));
}

interface FixturePaper { id: string; title: string; authors: string[]; days: string[]; upvotes?: number; organization?: { fullname: string } }

describe('a build of a small real collection', () => {
  let papers: FixturePaper[];
  let days: string[];

  beforeAll(() => {
    papers = [...readCollection(papersDir).values()].map((file) => file.data as FixturePaper);
    days = [...new Set(papers.flatMap((paper) => paper.days))].sort();
  });

  /** The hrefs of a listing's paper cards, in page order. */
  const cardLinks = ($: CheerioAPI) => $('.paper-card-title a').map((_, a) => $(a).attr('href')).get();
  const expectedOrder = (day: string) =>
    papers.filter((paper) => paper.days.includes(day)).sort((a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0) || a.id.localeCompare(b.id)).map((paper) => `/papers/${paper.id}/`);

  it('has exactly the home page, the latest list, the search page, one page per day and one per paper', () => {
    const expected = ['/', '/papers/', '/search/', ...days.map((day) => `/papers/date/${day}/`), ...papers.map((paper) => `/papers/${paper.id}/`)];
    expect(builtPages(dist)).toEqual(expected.sort());
  });

  it('lists every paper of a day on that day, by upvotes, highest first', () => {
    for (const day of days) expect(cardLinks(page(`papers/date/${day}`)), day).toEqual(expectedOrder(day));
  });

  it('shows the latest day at / and /papers/', () => {
    const latest = days.at(-1)!;
    expect(cardLinks(page(''))).toEqual(expectedOrder(latest));
    expect(cardLinks(page('papers'))).toEqual(expectedOrder(latest));
  });

  it('links each day to the previous and the next day that have papers', () => {
    days.forEach((day, index) => {
      const $ = page(`papers/date/${day}`);
      const previous = $('a[rel="prev"]').attr('href');
      const next = $('a[rel="next"]').attr('href');
      expect(previous, day).toBe(index > 0 ? `/papers/date/${days[index - 1]}/` : undefined);
      expect(next, day).toBe(index < days.length - 1 ? `/papers/date/${days[index + 1]}/` : undefined);
    });
  });

  it('puts a paper listed on two days on both day pages, with one paper page', () => {
    const twice = papers.filter((paper) => paper.days.length > 1);
    expect(twice.length).toBeGreaterThan(0);
    for (const paper of twice) {
      for (const day of paper.days) expect(cardLinks(page(`papers/date/${day}`))).toContain(`/papers/${paper.id}/`);
      const $ = page(`papers/${paper.id}`);
      expect($('.paper-facts a').map((_, a) => $(a).attr('href')).get()).toEqual(paper.days.map((day) => `/papers/date/${day}/`));
    }
  });

  it('shows on each paper page the title, every author, the abstract, its days, upvotes, organization and arXiv link', () => {
    for (const paper of papers) {
      const $ = page(`papers/${paper.id}`);
      expect($('h1').attr('data-title')).toBe(plainText(paper.title));
      if (!hasMath(paper.title)) expect($('h1').text()).toBe(paper.title);
      expect($('.author-list li').map((_, li) => $(li).text()).get()).toEqual(paper.authors);
      expect($('.abstract p').first().text().length).toBeGreaterThan(100);
      expect($('[data-pagefind-meta="upvotes"]').text()).toBe(String(paper.upvotes ?? 0));
      expect($('[data-pagefind-meta="organization"]').text()).toBe(paper.organization?.fullname ?? '');
      expect($(`a[href="https://arxiv.org/abs/${paper.id}"]`)).toHaveLength(1);
    }
  });

  it('renders tags written in an abstract as text, never as elements', () => {
    const withTags = papers.filter((paper) => readFileSync(join(papersDir, `${paper.id}.md`), 'utf8').includes('<think>'));
    expect(withTags.length).toBeGreaterThan(0);
    for (const paper of withTags) {
      const html = readFileSync(join(dist, 'papers', paper.id, 'index.html'), 'utf8');
      expect(html).toContain('&lt;think&gt;');
      expect(load(html)('think')).toHaveLength(0);
    }
  });

  it("shows an owner's note on its paper's page only, rendered from its own file", () => {
    const $ = page(`papers/${fixtureNote.slug}`);
    expect($('.owner-note h2').text()).toBe('Reading group verdict');
    expect($('.owner-note em').text()).toBe('careful');
    const others = papers.filter((paper) => paper.id !== fixtureNote.slug);
    for (const paper of others) expect(page(`papers/${paper.id}`)('.owner-note')).toHaveLength(0);
  });

  it('builds a Pagefind index of the paper pages only', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(papers.length);
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
  });
});
