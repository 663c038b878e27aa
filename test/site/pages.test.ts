import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasMath, plainText } from '../../src/lib/math-text.ts';
import { isRenderableUrl } from '../../src/lib/links.ts';
import { slugify as slugOf } from '../../src/lib/slugify.ts';
import { topicKeys } from '../../src/lib/topics.ts';
import type { SortTable } from '../../src/lib/search-sorts.ts';
import { readCollection } from '../support/collection.ts';
import { fixtureNote, sites } from '../support/locations.ts';
import { byRank } from '../support/fixture-papers.ts';
import { indexedPaperPage, listingSlugs } from '../support/site-files.ts';

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

interface FixturePaper { id: string; title: string; authors: string[]; days: string[]; keywords?: string[]; upvotes?: number; githubStars?: number; organization?: { name: string; fullname: string; avatar?: string }; thumbnail?: string; submittedBy?: { fullname: string }; comments?: number; sources: string[] }

describe('a build of a small real collection', () => {
  let papers: FixturePaper[];
  let days: string[];

  beforeAll(() => {
    papers = [...readCollection(papersDir).values()].map((file) => file.data as FixturePaper);
    days = [...new Set(papers.flatMap((paper) => paper.days))].sort();
  });

  /** The slugs of the topic pages, without the old pages of merged spellings that lead to them. */
  const topicPages = () => listingSlugs(dist, 'topics');
  /** The hrefs of a listing's paper cards, in page order. */
  const cardLinks = ($: CheerioAPI) => $('.paper-card-title a').map((_, a) => $(a).attr('href')).get();
  /** The papers a topic's or organization's page lists, a line each. */
  const rowLinks = ($: CheerioAPI) => $('.paper-rows li > a').map((_, a) => $(a).attr('href')).get();
  /** The cards of a day, across its pages (an arXiv listing day can fill several). */
  const dayCardLinks = (day: string) => {
    const links = cardLinks(page(`papers/date/${day}`));
    for (let n = 2; existsSync(join(dist, 'papers', 'date', day, String(n), 'index.html')); n++) links.push(...cardLinks(page(`papers/date/${day}/${n}`)));
    return links;
  };
  const expectedOrder = (day: string) =>
    papers.filter((paper) => paper.days.includes(day)).sort(byRank).map((paper) => `/papers/${paper.id}/`);

  it('has the home page, the latest list, the search page, and one page per day and per paper', () => {
    const built = builtPages(dist);
    const expected = ['/', '/papers/', '/search/', '/archive/', ...days.map((day) => `/papers/date/${day}/`), ...papers.map((paper) => `/papers/${paper.id}/`)];
    expect(built).toEqual(expect.arrayContaining(expected));
    // Nothing else under /papers/ but days, weeks, months and papers.
    const others = built.filter((path) => path.startsWith('/papers/') && !expected.includes(path));
    expect(others.filter((path) => !/^\/papers\/(date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{2}|month\/\d{4}-\d{2})\/(\d+\/)?$/.test(path))).toEqual([]);
  });

  it('lists every paper of a day on that day, by upvotes, highest first, 100 a page', () => {
    for (const day of days) {
      expect(dayCardLinks(day), day).toEqual(expectedOrder(day));
      expect(cardLinks(page(`papers/date/${day}`)).length, day).toBe(Math.min(100, expectedOrder(day).length));
    }
  });

  it('shows the latest day at / and /papers/', () => {
    const latest = days.at(-1)!;
    expect(cardLinks(page(''))).toEqual(expectedOrder(latest).slice(0, 100));
    expect(cardLinks(page('papers'))).toEqual(expectedOrder(latest).slice(0, 100));
  });

  it('links each day to the previous and the next day that have papers', () => {
    days.forEach((day, index) => {
      const $ = page(`papers/date/${day}`);
      const previous = $('.period-nav a[rel="prev"]').attr('href');
      const next = $('.period-nav a[rel="next"]').attr('href');
      expect(previous, day).toBe(index > 0 ? `/papers/date/${days[index - 1]}/` : undefined);
      expect(next, day).toBe(index < days.length - 1 ? `/papers/date/${days[index + 1]}/` : undefined);
    });
  });

  it("shows each card's thumbnail and organization logo sized, lazy and decorative, its rank's list, at most three keywords, and its comments linked to Hugging Face", () => {
    const day = days.toReversed().find((listDay) => papers.some((paper) => paper.days.includes(listDay) && paper.thumbnail))!;
    const listed = papers.filter((paper) => paper.days.includes(day)).sort(byRank);
    const $ = page(`papers/date/${day}`);
    // The list's numbering is the rank the stylesheet draws (#1, #2...), from 1 on a day's first page.
    expect($('ol.paper-list').attr('start')).toBe('1');
    $('.paper-card').each((i, card) => {
      const paper = listed[i];
      const thumbnail = $(card).find('img.paper-card-thumbnail');
      if (paper.thumbnail?.startsWith('https://')) expect(thumbnail.attr(), paper.id).toMatchObject({ src: paper.thumbnail, alt: '', width: '1200', height: '630', loading: 'lazy' });
      else expect(thumbnail.length, paper.id).toBe(0);
      expect($(card).find('.upvote-box strong').text()).toBe(paper.upvotes === undefined ? '' : String(paper.upvotes));
      expect($(card).find('.keywords li:not(.keywords-more)').length).toBe(Math.min(3, paper.keywords?.length ?? 0));
      if ((paper.keywords?.length ?? 0) > 3) expect($(card).find('.keywords-more').text()).toBe(`+${paper.keywords!.length - 3} more`);
      const logo = $(card).find('.organization img');
      expect(logo.length).toBe(paper.organization?.avatar ? 1 : 0);
      if (paper.organization?.avatar) expect(logo.attr()).toMatchObject({ src: paper.organization.avatar, alt: '', loading: 'lazy' });
      if (paper.comments !== undefined && paper.sources.some((source) => source.startsWith('hf-'))) expect($(card).find('.counts a').attr('href')).toBe(`https://huggingface.co/papers/${paper.id}#community`);
    });
  });

  it('shows no upvotes for a paper that no source counts, on its card, its page and its lines, and says on each day how its papers are ordered', () => {
    const uncounted = papers.filter((paper) => paper.upvotes === undefined);
    expect(uncounted.length, 'the fixture has arXiv-only papers').toBeGreaterThan(0);
    const dayPages = (day: string) => [`papers/date/${day}`, ...[2, 3, 4, 5, 6].map((n) => `papers/date/${day}/${n}`).filter((path) => existsSync(join(dist, path, 'index.html')))];
    for (const paper of uncounted) {
      const card = dayPages(paper.days[0]).map((path) => page(path)(`.paper-card:has(a[href="/papers/${paper.id}/"])`)).find((found) => found.length > 0)!;
      expect(card?.length, paper.id).toBe(1);
      expect(card.find('.upvote-box').length, paper.id).toBe(0);
      expect(card.text(), paper.id).not.toMatch(/upvote/);
      expect(page(`papers/${paper.id}`)('.counts').text(), paper.id).not.toMatch(/upvote/);
    }
    for (const day of days) {
      const listed = papers.filter((paper) => paper.days.includes(day));
      const order = listed.some((paper) => paper.upvotes !== undefined) ? 'by upvotes' : listed.some((paper) => paper.githubStars) ? 'by GitHub stars' : 'by arXiv id';
      expect(page(`papers/date/${day}`)('.listing-count').text(), day).toBe(`${listed.length} ${listed.length === 1 ? 'paper' : 'papers'}, ${order}`);
    }
  });

  it('shows on a paper page its thumbnail as a described figure and who submitted it', () => {
    const paper = papers.find((candidate) => candidate.thumbnail?.startsWith('https://') && candidate.submittedBy)!;
    const $ = page(`papers/${paper.id}`);
    expect($('.paper-figure img').attr()).toMatchObject({ src: paper.thumbnail, width: '1200', height: '630', alt: 'Preview image of the paper, from Hugging Face' });
    expect($('.paper-facts dt:contains("Submitted by") + dd').text()).toBe(paper.submittedBy!.fullname);
  });

  it('switches each day, week and month between the Daily, Weekly and Monthly views of its own period, each a page that exists', () => {
    const day = days.at(-1)!;
    for (const path of [`papers/date/${day}`, `papers/week/${page(`papers/date/${day}`)('.period-tabs a').eq(1).attr('href')!.split('/').at(-2)}`]) {
      const tabs = page(path)('.period-tabs a');
      expect(tabs.map((_, a) => page(path)(a).text()).get()).toEqual(['Daily', 'Weekly', 'Monthly', 'Calendar']);
      tabs.each((_, a) => {
        const href = page(path)(a).attr('href')!;
        expect(existsSync(join(dist, href, 'index.html')), href).toBe(true);
      });
    }
    const $ = page(`papers/date/${day}`);
    expect($('.period-tabs a[aria-current="page"]').text()).toBe('Daily');
    expect($('.period-tabs a').eq(0).attr('href')).toBe(`/papers/date/${day}/`);
  });

  it('has one search box on the search page, its own, and one in the header of every other page', () => {
    expect(page('search')('input[type="search"]').length).toBe(1);
    expect(page('')('input[type="search"]').length).toBe(1);
  });

  it('puts a paper listed on two days on both day pages, with one paper page', () => {
    const twice = papers.filter((paper) => paper.days.length > 1);
    expect(twice.length).toBeGreaterThan(0);
    for (const paper of twice) {
      for (const day of paper.days) expect(dayCardLinks(day)).toContain(`/papers/${paper.id}/`);
      const $ = page(`papers/${paper.id}`);
      expect($('.paper-facts time').map((_, time) => $(time).parent().attr('href')).get()).toEqual(paper.days.map((day) => `/papers/date/${day}/`));
    }
  });

  it('shows on each paper page the title, every author, the abstract, its days, upvotes, organization and arXiv link', () => {
    for (const paper of papers) {
      const $ = page(`papers/${paper.id}`);
      const indexed = indexedPaperPage(dist, paper.id);
      expect(indexed('[data-pagefind-meta="title"]').text()).toBe(plainText(paper.title));
      if (!hasMath(paper.title)) expect($('h1').text()).toBe(paper.title);
      expect($('.author-list li').map((_, li) => $(li).text()).get()).toEqual(paper.authors);
      expect($('.abstract p').first().text().length).toBeGreaterThan(100);
      expect(indexed('[data-pagefind-meta="upvotes"]').text()).toBe(paper.upvotes === undefined ? '' : String(paper.upvotes));
      expect(indexed('[data-pagefind-meta="organization"]').text()).toBe(paper.organization?.fullname ?? '');
      expect($('.paper-links a').filter((_, a) => $(a).text() === `arXiv:${paper.id}`).attr('href')).toBe(`https://arxiv.org/abs/${paper.id}`);
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

  it('lists the 30 top papers of each ISO week and month, by upvotes, a paper once however many of its days fall in it, and leads to its days for the others', () => {
    // ISO 8601: a week belongs to the year of its Thursday, and counts from that year's first Thursday.
    const weekOf = (day: string) => {
      const date = new Date(`${day}T00:00:00Z`);
      const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
      const dayOfYear = (thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000;
      return `${thursday.getUTCFullYear()}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
    };
    const groups = (keyOf: (day: string) => string) => {
      const map = new Map<string, FixturePaper[]>();
      for (const paper of papers) for (const key of new Set(paper.days.map(keyOf))) map.set(key, [...(map.get(key) ?? []), paper]);
      return map;
    };
    const ranked = (list: FixturePaper[]) => list.sort(byRank).map((paper) => `/papers/${paper.id}/`);
    // The 30 most upvoted on the period's one page; every day of it linked with its count, for the others.
    const shown = (path: string, keyOf: (day: string) => string, key: string, list: FixturePaper[]) => {
      const $ = page(path);
      expect(cardLinks($), path).toEqual(ranked(list).slice(0, 30));
      const periodDays = [...new Set(list.flatMap((paper) => paper.days).filter((day) => keyOf(day) === key))].sort();
      const dayLinks = $('.period-days li').map((_, li) => [[$(li).find('a').attr('href'), parseInt($(li).find('.count').text(), 10)]]).get();
      expect(dayLinks, path).toEqual(periodDays.map((day) => [`/papers/date/${day}/`, list.filter((paper) => paper.days.includes(day)).length]));
      expect(existsSync(join(dist, path, '2')), path).toBe(false);
    };
    for (const [week, list] of groups(weekOf)) shown(`papers/week/${week}`, weekOf, week, list);
    const monthOf = (day: string) => day.slice(0, 7);
    for (const [month, list] of groups(monthOf)) {
      shown(`papers/month/${month}`, monthOf, month, list);
      expect(page(`papers/month/${month}`)('.period-days a[href^="/search/"]').attr('href')).toBe(`/search/?month=${month}&sort=upvotes`);
    }
  });

  it('shows every day with papers in the archive calendar, linked, with its count', () => {
    const $ = page('archive');
    for (const day of days) {
      const count = papers.filter((paper) => paper.days.includes(day)).length;
      const link = $(`a[href="/papers/date/${day}/"]`);
      expect(link.attr('aria-label'), day).toMatch(new RegExp(`: ${count} papers?$`));
    }
    expect($('a[href^="/papers/date/"]')).toHaveLength(days.length);
  });

  it('gives each organization one page of its papers, whatever handle they name it by, and leads its other handles there', () => {
    // An organization is its display name: several Hugging Face handles may share one (Zhejiang University has four).
    const byOrg = Map.groupBy(papers.filter((paper) => paper.organization), (paper) => slugOf(paper.organization!.fullname));
    expect(byOrg.size).toBeGreaterThan(0);
    expect([...byOrg.values()].some((list) => new Set(list.map((paper) => paper.organization!.name)).size > 1)).toBe(true);
    for (const list of byOrg.values()) {
      const hrefs = new Set(list.map((paper) => page(`papers/${paper.id}`)('.paper-facts a[href^="/orgs/"]').attr('href')!));
      expect(hrefs.size, list[0].organization!.fullname).toBe(1);
      const [href] = hrefs;
      const $ = page(href.slice(1));
      expect($('h1').text()).toMatch(/^Papers from /);
      expect(rowLinks($).sort()).toEqual(list.map((paper) => `/papers/${paper.id}/`).sort());
      // Every other handle's page leads to this one.
      for (const handle of new Set(list.map((paper) => slugOf(paper.organization!.name)))) {
        if (`/orgs/${handle}/` === href) continue;
        expect(page(`orgs/${handle}`)('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${href}`);
      }
    }
  });

  it('makes one topic page of the spellings of one keyword, and leads the pages of the others there', () => {
    const pages = new Set(topicPages());
    const leading = readdirSync(join(dist, 'topics'), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !pages.has(entry.name)).map((entry) => entry.name);
    expect(leading.length).toBeGreaterThan(0);
    for (const slug of leading) {
      const $ = page(`topics/${slug}`);
      const target = $('main a').attr('href')!;
      expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${target}`);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      // It leads to a topic page, never to another page that leads on, and no card links the old one.
      expect(readFileSync(join(dist, target, 'index.html'), 'utf8')).not.toContain('http-equiv="refresh"');
      expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain(`href="/topics/${slug}/"`);
    }
    // Every spelling of a keyword the papers use links to one page.
    const linksOf = new Map<string, Set<string>>();
    for (const paper of papers) {
      const $ = page(`papers/${paper.id}`);
      $('.keywords a[href^="/topics/"]').each((_, a) => {
        const key = $(a).text().toLowerCase().replace(/[^a-z0-9]+/g, ' ').replace(/s\b/g, '').trim();
        linksOf.set(key, new Set([...(linksOf.get(key) ?? []), $(a).attr('href')!]));
      });
    }
    expect([...linksOf].filter(([, hrefs]) => hrefs.size > 1)).toEqual([]);
  });

  it("makes topic pages only for keywords that at least three papers share, and leads a paper's other keywords to a search for them", () => {
    const topics = topicPages();
    expect(topics.length).toBeGreaterThan(0);
    for (const slug of topics) expect(rowLinks(page(`topics/${slug}`)).length).toBeGreaterThanOrEqual(3);
    let searched = 0;
    for (const paper of papers) {
      const $ = page(`papers/${paper.id}`);
      $('#paper-keywords a').each((_, a) => {
        const href = $(a).attr('href')!;
        if (href.startsWith('/topics/')) return;
        searched++;
        expect(href, paper.id).toMatch(/^\/search\/\?topic=[a-z0-9-]+$/);
        expect(topics, href).not.toContain(href.split('=')[1]);
      });
    }
    expect(searched).toBeGreaterThan(0);
  });

  it('names a topic by the spelling of its keyword that most of its papers use', () => {
    const topicOf = topicKeys(papers.map((paper) => paper.keywords ?? []));
    const spellings = new Map<string, Map<string, number>>();
    for (const keyword of papers.flatMap((paper) => paper.keywords ?? [])) {
      const counts = spellings.get(topicOf(keyword)) ?? new Map<string, number>();
      spellings.set(topicOf(keyword), counts.set(keyword, (counts.get(keyword) ?? 0) + 1));
    }
    const topics = topicPages();
    // Real keywords come in several spellings ("Large Language Models", "large language models").
    const spelledApart = topics.filter((slug) => spellings.get(slug)!.size > 1);
    expect(spelledApart.length).toBeGreaterThan(0);
    for (const slug of spelledApart) {
      const [[commonest]] = [...spellings.get(slug)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      expect(page(`topics/${slug}`)('h1').text()).toBe(`Papers on ${commonest}`);
    }
  });

  it('gives a paper page Highwire citation tags and a BibTeX entry with every author', () => {
    for (const paper of papers) {
      const $ = page(`papers/${paper.id}`);
      expect($('meta[name="citation_title"]').attr('content')).toBe(plainText(paper.title));
      expect($('meta[name="citation_author"]').map((_, meta) => $(meta).attr('content')).get()).toEqual(paper.authors);
      expect($('meta[name="citation_arxiv_id"]').attr('content')).toBe(paper.id);
      expect($('meta[name="citation_pdf_url"]').attr('content')).toBe(`https://arxiv.org/pdf/${paper.id}`);
      const bib = $('#bibtex').text();
      expect(bib).toMatch(new RegExp(`^@misc\\{\\w+,\\n`));
      expect(bib).toContain(`eprint={${paper.id}}`);
      expect(bib.match(/author=\{(.*)\},/)![1].split(' and ')).toHaveLength(paper.authors.length);
    }
  });

  it('links each paper page to related papers that exist, never to itself', () => {
    const ids = new Set(papers.map((paper) => paper.id));
    let linked = 0;
    for (const paper of papers) {
      const $ = page(`papers/${paper.id}`);
      const hrefs = $('.related a').map((_, a) => $(a).attr('href')).get();
      expect(hrefs.length).toBeLessThanOrEqual(5);
      expect(hrefs).not.toContain(`/papers/${paper.id}/`);
      for (const href of hrefs) expect(ids.has(href.split('/')[2])).toBe(true);
      linked += hrefs.length > 0 ? 1 : 0;
    }
    expect(linked).toBeGreaterThan(papers.length / 2);
  });

  it('renders no link off the site that is not http(s) to a well-formed host', () => {
    for (const path of builtPages(dist)) {
      const $ = page(path.slice(1));
      for (const href of $('a[href]').map((_, a) => $(a).attr('href')).get()) {
        if (href.startsWith('/') || href.startsWith('#')) continue;
        expect(isRenderableUrl(href), `${path}: ${href}`).toBe(true);
      }
    }
  });

  it("shows an owner's note on its paper's page only, rendered from its own file", () => {
    const $ = page(`papers/${fixtureNote.slug}`);
    expect($('.owner-note h2').text()).toBe('Reading group verdict');
    expect($('.owner-note em').text()).toBe('careful');
    const others = papers.filter((paper) => paper.id !== fixtureNote.slug);
    for (const paper of others) expect(page(`papers/${paper.id}`)('.owner-note')).toHaveLength(0);
  });

  const shards = () => readdirSync(join(dist, 'pagefind')).map((shard) => join(dist, 'pagefind', shard));

  it('builds a Pagefind index of the paper pages only, in shards of whole days, each a bundle without the interfaces it does not use', () => {
    expect(shards().length).toBeGreaterThan(1);
    const counts = shards().map((bundle) => JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')).languages.en.page_count as number);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(papers.length);
    for (const bundle of shards()) {
      expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
      expect(readdirSync(bundle).filter((name) => /ui\.(js|css)$/.test(name))).toEqual([]);
    }
    // Each paper is in the shard of the day it was first listed: shards are named by their first day.
    const starts = shards().map((bundle) => bundle.split('/').at(-1)!).sort();
    for (const paper of papers) {
      const first = paper.days.toSorted()[0];
      const shard = starts.filter((start) => start <= first).at(-1);
      expect(page(`papers/${paper.id}`)('[data-search-shard]').attr('data-search-shard'), paper.id).toBe(shard);
    }
  });

  it('writes a sort table with every indexed page and the upvotes, day and stars of its paper', () => {
    const table = JSON.parse(readFileSync(join(dist, 'search', 'sorts.json'), 'utf8')) as SortTable;
    const fragments = shards().flatMap((bundle) => readdirSync(join(bundle, 'fragment')).map((name) => name.replace(/\.pf_fragment$/, '')));
    expect(table.ids.map((key) => key.split(' ')[0]).toSorted()).toEqual(fragments.toSorted());
    expect(table.ids).toHaveLength(papers.length);
    const expected = (key: 'upvotes' | 'date' | 'stars') => papers.map((paper) => (key === 'upvotes' ? paper.upvotes ?? 0 : key === 'stars' ? paper.githubStars ?? 0 : Number(paper.days.at(-1)!.replaceAll('-', '')))).sort((a, b) => a - b);
    for (const key of ['upvotes', 'date', 'stars'] as const) expect(table.values[key].toSorted((a, b) => a - b), key).toEqual(expected(key));
  });
});
