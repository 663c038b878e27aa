import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

/**
 * What a reader downloads to see a page without scripts: its HTML and the stylesheets it links,
 * each gzipped as static hosts serve them. `dist` is the build folder, `page` a URL path in it.
 */
export function pageWeight(dist: string, page: string, basePath = '/'): { htmlGzip: number; cssGzip: number; total: number } {
  const html = readFileSync(join(dist, page.slice(basePath.length), 'index.html'));
  const $ = load(html);
  const stylesheets = $('link[rel="stylesheet"]').map((_, link) => $(link).attr('href')).get();
  const cssGzip = stylesheets.reduce((sum, href) => sum + gzipSync(readFileSync(join(dist, href.slice(basePath.length)))).length, 0);
  const htmlGzip = gzipSync(html).length;
  return { htmlGzip, cssGzip, total: htmlGzip + cssGzip };
}
