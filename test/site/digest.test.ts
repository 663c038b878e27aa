import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { byRank, daysOf, fixturePapers } from '../support/fixture-papers.ts';
import { gateBuilds, sites } from '../support/locations.ts';

const papers = fixturePapers(sites.fixture.papers);
const days = daysOf(papers);

describe.each(gateBuilds)("each day's e-mail digest in the fixture build $name", ({ base, dist, siteUrl }) => {
  const origin = siteUrl ?? 'https://example.invalid';
  const html = (day: string) => readFileSync(join(dist, 'digest', `${day}.html`), 'utf8');
  const text = (day: string) => readFileSync(join(dist, 'digest', `${day}.txt`), 'utf8');
  /** The built file an absolute link on the site names, if it is one. */
  const builtFile = (href: string) => {
    const path = new URL(href).pathname.slice(base.length);
    return join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path);
  };

  it('exists as HTML and as plain text for every day with papers, the HTML under 100 KB', () => {
    for (const day of days) {
      expect(statSync(join(dist, 'digest', `${day}.html`)).size, day).toBeLessThanOrEqual(100_000);
      expect(existsSync(join(dist, 'digest', `${day}.txt`)), day).toBe(true);
    }
  });

  it("shows the day's papers by upvotes, each title linked to its page, in both versions", () => {
    for (const day of days) {
      const expected = papers.filter((paper) => paper.days.includes(day)).sort(byRank).map((paper) => `${origin}${base}papers/${paper.id}/`);
      const $ = load(html(day));
      // A long day shows as many papers as fit in 100 KB, the best first, then links to the rest.
      const shown = $('h2 a').map((_, a) => $(a).attr('href')).get();
      expect(shown.length, day).toBeGreaterThan(0);
      expect(shown, day).toEqual(expected.slice(0, shown.length));
      if (shown.length < expected.length) expect($('a').filter((_, a) => /more papers of the day/.test($(a).text())).attr('href'), day).toBe(`${origin}${base}papers/date/${day}/`);
      expect(text(day).match(/^ {3}https?:\/\/\S+\/papers\/\S+\/$/gm)!.map((line) => line.trim()), day).toEqual(shown);
      expect($('title').text()).toMatch(new RegExp(`^Daily Papers: ${expected.length} papers? of \\w{3} \\d{1,2}, \\d{4}$`));
    }
  });

  it('links only with absolute http(s) URLs, to built pages when they are on the site', () => {
    for (const day of days) {
      const $ = load(html(day));
      const hrefs = $('[href]').map((_, element) => $(element).attr('href')!).get();
      expect(hrefs.length).toBeGreaterThan(3);
      for (const href of [...hrefs, ...text(day).match(/https?:\/\/\S+/g)!]) {
        expect(href, `${day}: ${href}`).toMatch(/^https?:\/\//);
        if (href.startsWith(origin)) expect(existsSync(builtFile(href)), `${day}: ${href}`).toBe(true);
      }
      expect($('[src], link[rel="stylesheet"], script')).toHaveLength(0);
    }
  });

  it('is laid out with tables and inline styles, and declares light and dark colour schemes', () => {
    const $ = load(html(days.at(-1)!));
    expect($('table[role="presentation"]').length).toBeGreaterThan(0);
    expect($('meta[name="color-scheme"]').attr('content')).toBe('light dark');
    expect($('style').text()).toContain('@media (prefers-color-scheme: dark)');
    // Mail clients drop <style> blocks: each paper's look must not depend on it.
    for (const element of $('body, table, td, h1, h2, p, a').toArray()) expect($(element).attr('style'), $.html(element).slice(0, 80)).toBeTruthy();
  });
});
