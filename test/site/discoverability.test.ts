import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { gateBuilds } from '../support/locations.ts';
import { builtPages, leadsElsewhere } from '../support/site-files.ts';

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

describe.each(gateBuilds)('what search engines and link previews find in the fixture build $name', ({ base, dist, siteUrl }) => {
  const pages = builtPages(dist, base).filter(({ file }) => !file.startsWith('pagefind/'));
  const html = (file: string) => load(readFileSync(join(dist, file), 'utf8'));
  /** The pages a sitemap lists: every page but the not-found page, the e-mail digests and the pages that lead to another (a merged topic's old page). */
  const listed = pages.filter(({ file }) => file !== '404.html' && !file.startsWith('digest/') && !leadsElsewhere(dist, file));

  it('has a robots.txt that allows crawling and names the sitemap when the site has an address', () => {
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*\nAllow: \/\n/);
    expect(robots.match(/^Sitemap: (.*)$/m)?.[1]).toBe(siteUrl && `${siteUrl}${base}sitemap-index.xml`);
  });

  it('has a sitemap index of every page when the site has an address, and none without', () => {
    if (!siteUrl) {
      expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(false);
      return;
    }
    const index = xml.parse(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8'));
    const urls = index.sitemapindex.sitemap.flatMap(({ loc }: { loc: string }) => {
      expect(loc.startsWith(`${siteUrl}${base}`)).toBe(true);
      return xml.parse(readFileSync(join(dist, loc.slice(`${siteUrl}${base}`.length)), 'utf8')).urlset.url.map((url: { loc: string }) => url.loc);
    });
    expect(urls.sort()).toEqual(listed.map(({ url }) => `${siteUrl}${url}`).sort());
  });

  it('gives every page a canonical URL and an Open Graph image when the site has an address', () => {
    for (const { file, url } of listed) {
      const $ = html(file);
      if (!siteUrl) {
        expect($('link[rel="canonical"], meta[property="og:url"], meta[property="og:image"]'), file).toHaveLength(0);
        continue;
      }
      expect($('link[rel="canonical"]').attr('href'), file).toBe(`${siteUrl}${url}`);
      expect($('meta[property="og:url"]').attr('content'), file).toBe(`${siteUrl}${url}`);
      const image = $('meta[property="og:image"]').attr('content')!;
      expect(image).toBe(`${siteUrl}${base}og-default.png`);
      expect(existsSync(join(dist, image.slice(`${siteUrl}${base}`.length)))).toBe(true);
      expect([$('meta[property="og:image:width"]').attr('content'), $('meta[property="og:image:height"]').attr('content')]).toEqual(['1200', '630']);
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    }
  });

  it('gives every page a title and a description that search engines and link previews both read', () => {
    for (const { file } of listed) {
      const $ = html(file);
      const description = $('meta[name="description"]').attr('content');
      expect(description?.length, file).toBeGreaterThan(10);
      expect($('meta[property="og:description"]').attr('content'), file).toBe(description);
      expect($('meta[property="og:title"]').attr('content')?.length, file).toBeGreaterThan(0);
    }
  });

  it('keeps the not-found page out of search engines, with no canonical URL', () => {
    const $ = html('404.html');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('link[rel="canonical"]')).toHaveLength(0);
  });
});
