import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../src/feeds/feed.ts';
import { byRank, daysOf, fixturePapers, type FixturePaper } from '../support/fixture-papers.ts';
import { gateBuilds, mathPapers, sites } from '../support/locations.ts';
import { leadsElsewhere, listingSlugs } from '../support/site-files.ts';

/**
 * The feeds of the fixture builds, read as a feed reader reads them: feedsmith parses all three
 * formats, telling each from its content, and fast-xml-parser's validator checks that the XML is
 * well-formed (feedsmith forgives what a strict reader would not). Neither wrote them: RSS and
 * Atom come from fast-xml-parser's builder, JSON Feed from JSON.stringify.
 */
const papers = fixturePapers(sites.fixture.papers);
const days = daysOf(papers);
const byId = new Map(papers.map((paper) => [paper.id, paper]));
const lastDay = (paper: FixturePaper) => paper.days.at(-1)!;
/** Newest list day first, by upvotes within a day. */
const newestFirst = (list: FixturePaper[]) => [...list].sort((a, b) => lastDay(b).localeCompare(lastDay(a)) || byRank(a, b));

/** Maths as stored: a formula between dollars with a TeX mark in it (a dollar alone is a price). */
const TEX = /\$[^$]*[\\^_{][^$]*\$/;

/** What every format says about an item, once parsed. */
interface ParsedItem { id: string; title: string; link: string; date: string; authors: string[]; text: string; categories: string[] }

function read(dist: string, file: string) {
  const text = readFileSync(join(dist, file), 'utf8');
  if (!file.endsWith('.json')) expect(XMLValidator.validate(text), file).toBe(true);
  return parseFeed(text);
}

/** The items of a feed file in a common shape, whatever its format. */
function items(dist: string, file: string): ParsedItem[] {
  const { format, feed } = read(dist, file);
  if (format === 'rss') {
    return (feed.items ?? []).map((item) => {
      expect(item.guid?.isPermaLink, `${file}: the guid of ${item.link} is no permalink`).toBe(false);
      return { id: item.guid!.value!, title: item.title!, link: item.link!, date: new Date(item.pubDate!).toISOString(), authors: item.dc?.creators ?? [], text: load(item.description!).text(), categories: (item.categories ?? []).map((category) => category.name!) };
    });
  }
  if (format === 'atom') {
    return (feed.entries ?? []).map((entry) => {
      expect([entry.title?.type, entry.summary?.type], `${file}: ${entry.id} is plain text, not HTML`).toEqual(['text', 'text']);
      return { id: entry.id!, title: entry.title!.value, link: entry.links!.find((link) => link.rel === 'alternate')!.href!, date: entry.updated!, authors: entry.authors!.map((author) => author.name!), text: entry.summary!.value, categories: (entry.categories ?? []).map((category) => category.term!) };
    });
  }
  if (format === 'json') {
    return (feed.items ?? []).map((item) => ({ id: item.id!, title: item.title!, link: item.url!, date: item.date_published!, authors: item.authors!.map((author) => author.name!), text: item.content_text!, categories: item.tags ?? [] }));
  }
  throw new Error(`${file} is read as ${format}`);
}

describe.each(gateBuilds)('the feeds of the fixture build $name', ({ base, dist, siteUrl, newsletterUrl }) => {
  // Without SITE_URL, links use the documented placeholder address.
  const origin = siteUrl ?? 'https://example.invalid';
  const paperUrl = (id: string) => `${origin}${base}papers/${id}/`;
  const siteFeeds = ['rss.xml', 'atom.xml', 'feed.json'];
  const orgFeeds = listingSlugs(dist, 'orgs').map((slug) => `orgs/${slug}/rss.xml`);
  const topicFeeds = listingSlugs(dist, 'topics').map((slug) => `topics/${slug}/rss.xml`);

  it('are RSS 2.0, Atom 1.0 and JSON Feed 1.1, well-formed, with the elements each format requires', () => {
    expect(read(dist, 'rss.xml').format).toBe('rss');
    expect(read(dist, 'atom.xml').format).toBe('atom');
    expect(JSON.parse(readFileSync(join(dist, 'feed.json'), 'utf8')).version).toBe('https://jsonfeed.org/version/1.1');

    const rss = read(dist, 'rss.xml');
    if (rss.format !== 'rss') throw new Error('not RSS');
    expect(rss.feed).toMatchObject({ title: 'Daily Papers', link: `${origin}${base}`, description: expect.any(String) });
    expect(rss.feed.atom?.links?.find((link) => link.rel === 'self')?.href).toBe(`${origin}${base}rss.xml`);

    const atom = read(dist, 'atom.xml');
    if (atom.format !== 'atom') throw new Error('not Atom');
    expect(atom.feed).toMatchObject({ id: expect.stringMatching(/^https?:\/\//), title: { value: 'Daily Papers' }, updated: expect.any(String) });
    expect(atom.feed.links?.map((link) => [link.rel, link.href])).toEqual([['alternate', `${origin}${base}`], ['self', `${origin}${base}atom.xml`]]);
    for (const entry of atom.feed.entries ?? []) {
      expect(entry, entry.id).toMatchObject({ id: expect.any(String), title: { value: expect.any(String) }, updated: expect.any(String) });
      expect(entry.authors?.length, `${entry.id} has authors (the feed has none of its own)`).toBeGreaterThan(0);
    }

    const json = read(dist, 'feed.json');
    if (json.format !== 'json') throw new Error('not JSON Feed');
    expect(json.feed).toMatchObject({ title: 'Daily Papers', home_page_url: `${origin}${base}`, feed_url: `${origin}${base}feed.json` });
  });

  it('list the papers of the latest three days, newest day first and by upvotes within a day, at most 100', () => {
    const latest = days.slice(-3);
    const expected = newestFirst(papers.filter((paper) => paper.days.some((day) => latest.includes(day)))).slice(0, 100);
    for (const file of siteFeeds) expect(items(dist, file).map((item) => item.id), file).toEqual(expected.map((paper) => `arxiv:${paper.id}`));
  });

  it("give each item its plain-text title, a link to its built page, its authors, its day, its keywords and its whole abstract, or in an organization's or topic's feed its AI summary and no keywords", () => {
    for (const file of [...siteFeeds, ...orgFeeds, ...topicFeeds]) {
      const brief = !siteFeeds.includes(file);
      for (const item of items(dist, file)) {
        const paper = byId.get(item.id.replace(/^arxiv:/, ''))!;
        expect(paper, `${file}: ${item.id} is a paper of the collection`).toBeDefined();
        expect(item.link).toBe(paperUrl(paper.id));
        expect(existsSync(join(dist, 'papers', paper.id, 'index.html'))).toBe(true);
        expect(item.authors).toEqual(paper.authors);
        expect(item.date).toBe(`${lastDay(paper)}T00:00:00.000Z`);
        expect(item.categories, `${file}: ${paper.id}`).toEqual(brief ? [] : (paper.keywords ?? []));
        // TeX becomes characters; the text is the abstract's, every paragraph, without maths
        // markup, and `\%`, `\&`, `\$`... (TeX for the characters themselves) as the characters.
        for (const text of [item.title, item.text]) expect(text, `${file}: ${paper.id}`).not.toMatch(TEX);
        const summary = paper.aiSummary?.replace(/\$[^$]*\$/g, ' ').replace(/\\([$&%#_{} ])/g, '$1');
        if (brief && summary) {
          for (const words of summary.split(/\s{2,}/).map((part) => part.trim()).filter((part) => part.length > 20)) expect(item.text, `${file}: ${paper.id}`).toContain(words);
          continue;
        }
        for (const paragraph of brief ? paper.abstract.slice(0, 1) : paper.abstract) {
          for (const words of paragraph.split(/\$[^$]*\$/).map((part) => part.replace(/\\([$&%#_{} ])/g, '$1')).map((part) => part.trim()).filter((part) => part.length > 20)) expect(item.text, `${file}: ${paper.id}`).toContain(words);
        }
      }
    }
  });

  it('write the maths of abstracts as readable text', () => {
    const json = JSON.parse(readFileSync(join(dist, 'feed.json'), 'utf8')) as { items: { id: string; content_text: string }[] };
    const withMaths = json.items.filter((item) => TEX.test(byId.get(item.id.replace(/^arxiv:/, ''))!.abstract.join(' ')));
    expect(withMaths.length, 'the latest days have abstracts with maths').toBeGreaterThan(0);
    for (const item of withMaths) {
      expect(item.content_text, item.id).not.toMatch(TEX);
      expect(item.content_text, item.id).not.toMatch(/\\(times|sim|max|frac|mathbf|mathcal|alpha|beta|le|ge)\b/);
    }
  });

  it('date each feed by its newest day, never by the time of the build', () => {
    const newest = `${days.at(-1)}T00:00:00.000Z`;
    const rss = read(dist, 'rss.xml');
    const atom = read(dist, 'atom.xml');
    expect(rss.format === 'rss' && new Date(rss.feed.lastBuildDate!).toISOString()).toBe(newest);
    expect(atom.format === 'atom' && atom.feed.updated).toBe(newest);
  });

  it('give each organization and topic an RSS feed of its most recently listed papers, as many as FEED_LIMITS.listing says', () => {
    expect(orgFeeds.length).toBeGreaterThan(0);
    expect(topicFeeds.length).toBeGreaterThan(0);
    for (const file of [...orgFeeds, ...topicFeeds]) {
      // The listing's pages show its papers by upvotes, over every page: the feed takes the newest.
      const folder = file.replace(/rss\.xml$/, '');
      const listed: FixturePaper[] = [];
      for (let n = 1; existsSync(join(dist, folder, n === 1 ? '' : String(n), 'index.html')); n++) {
        const $ = load(readFileSync(join(dist, folder, n === 1 ? '' : String(n), 'index.html'), 'utf8'));
        listed.push(...$('.paper-rows li > a').map((_, a) => byId.get($(a).attr('href')!.split('/').at(-2)!)!).get());
      }
      expect(listed.length, folder).toBeGreaterThan(0);
      expect(items(dist, file).map((item) => item.id), file).toEqual(newestFirst(listed).slice(0, FEED_LIMITS.listing).map((paper) => `arxiv:${paper.id}`));
    }
  });

  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind') && !leadsElsewhere(dist, file));

  it('are announced in every format on the home page, as RSS in the head of every other page, and an organization or topic feed on its own pages', () => {
    for (const file of pages) {
      const $ = load(readFileSync(join(dist, file), 'utf8'));
      const alternates = $('head link[rel="alternate"]').map((_, link) => `${$(link).attr('type')} ${$(link).attr('href')}`).get();
      const own = /^(orgs|topics)\/([^/]+)\//.exec(file);
      expect(alternates, file).toEqual([
        `application/rss+xml ${base}rss.xml`,
        ...(file === 'index.html' ? [`application/atom+xml ${base}atom.xml`, `application/feed+json ${base}feed.json`] : []),
        ...(own ? [`application/rss+xml ${base}${own[1]}/${own[2]}/rss.xml`] : []),
      ]);
    }
  });

  it("are offered at the foot of every page, after the owner's newsletter when there is one", () => {
    for (const file of pages) {
      const $ = load(readFileSync(join(dist, file), 'utf8'));
      const links = $('footer .subscribe a').map((_, a) => $(a).attr('href')).get();
      expect(links, file).toEqual([...(newsletterUrl ? [newsletterUrl] : []), `${base}rss.xml`, `${base}atom.xml`, `${base}feed.json`]);
    }
  });
});
