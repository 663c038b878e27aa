import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVALIDATE } from '../../src/headers/header-rules.ts';
import { headersFor, parseHeadersFile } from '../../src/headers/headers-file.ts';
import { hostFiles } from '../../src/headers/host-files.ts';
import { gateBuilds } from '../support/locations.ts';
import { builtFiles } from '../support/site-files.ts';

/** The headers a rule list gives a URL, as a sorted list of `name: value`: what two hosts can be compared by. */
const listed = (headers: Map<string, string>) => [...headers].map(([name, value]) => `${name.toLowerCase()}: ${value}`).sort();

/** The headers Vercel sends for `url` under vercel.json's rules: every matching rule's, a later one winning a name. */
function vercelHeaders(config: { headers: { source: string; headers: { key: string; value: string }[] }[] }, url: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of config.headers) {
    const pattern = new RegExp(`^${rule.source.split('(.*)').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (pattern.test(url)) for (const { key, value } of rule.headers) headers.set(key.toLowerCase(), value);
  }
  return headers;
}

/** The headers nginx sends for `url` under the snippet: the `=` location of the URL, else the longest prefix's, whose add_header lines alone apply. */
function nginxHeaders(snippet: string, url: string): Map<string, string> {
  const locations = [...snippet.matchAll(/^location (=|\^~)? ?(\S+) \{\n([\s\S]*?)\n\}/gm)].map(([, kind, path, body]) => ({ exact: kind === '=', path, body }));
  const chosen = locations.find((location) => location.exact && location.path === url) ?? locations.filter((location) => !location.exact && url.startsWith(location.path)).sort((a, b) => b.path.length - a.path.length)[0];
  return new Map([...chosen.body.matchAll(/add_header (\S+) "((?:[^"\\]|\\.)*)" always;/g)].map(([, name, value]) => [name.toLowerCase(), value.replace(/\\(.)/g, '$1')]));
}

describe.each(gateBuilds)('the host files made from the _headers of the fixture build $name', ({ base, dist }) => {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  const urls = builtFiles(dist).map((file) => base + file.replace(/(^|\/)index\.html$/, '$1'));

  it("give every file on Vercel the headers _headers gives it, and keep the site's URLs with their slash", () => {
    const config = JSON.parse(hostFiles('vercel', rules, base)['vercel.json']);
    expect(config.trailingSlash).toBe(true);
    for (const url of urls) expect(listed(vercelHeaders(config, url)), url).toEqual(listed(headersFor(rules, url)));
  });

  it('give every file on nginx the headers _headers gives it, the others revalidating, and serve the not-found page under the base path', () => {
    const snippet = hostFiles('nginx', rules, base)['nginx.conf'];
    expect(snippet).toContain(`error_page 404 ${base}404.html;`);
    for (const url of urls) {
      const expected = headersFor(rules, url);
      if (!expected.has('cache-control')) expected.set('cache-control', REVALIDATE);
      expect(listed(nginxHeaders(snippet, url)), url).toEqual(listed(expected));
    }
  });
});

describe('a build for GitHub Pages', () => {
  const build = gateBuilds.find((candidate) => candidate.base !== '/')!;

  it('writes .nojekyll, so a site deployed from a branch keeps its _astro folder, and says it fits the host', () => {
    expect(existsSync(join(build.dist, '.nojekyll'))).toBe(true);
    expect(readFileSync(`${build.dist}.log`, 'utf8')).toMatch(/\[daily-papers:output\] fits GitHub Pages/);
  });

  it('writes no file another host reads, and a build for no host writes none either', () => {
    for (const dist of [build.dist, gateBuilds[0].dist]) for (const file of ['vercel.json', 'nginx.conf']) expect(existsSync(join(dist, file)), join(dist, file)).toBe(false);
    expect(existsSync(join(gateBuilds[0].dist, '.nojekyll'))).toBe(false);
  });
});
