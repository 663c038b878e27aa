import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hashedPaths, headerRules } from '../src/headers/header-rules.ts';
import { formatHeadersFile, headersFor, parseHeadersFile } from '../src/headers/headers-file.ts';
import { nginxHeaders, siteWideRule, vercelHeaders } from '../src/headers/host-formats.ts';
import { collectInlineHashes } from '../src/headers/inline-hashes.ts';

describe('the _headers file', () => {
  const built = ['index.html', '_astro/Base.abc123.css', 'pagefind/2026-01-05/pagefind.js', 'pagefind/2026-01-05/pagefind.en_0123456789.pf_meta', 'pagefind/2026-01-05/index/en_1234567.pf_index', 'pagefind/2026-01-05/fragment/en_7654321.pf_fragment', 'pagefind/2026-01-05/filter/en_1111111.pf_filter', 'pagefind/2026-06-01/index/en_2222222.pf_index'];
  const rules = headerRules({ base: '/daily/', scriptHashes: ['sha256-a'], styleHashes: ['sha256-b'], hashedPaths: hashedPaths(built) });

  it('reads back as it was written, with comments and Cloudflare detach lines skipped', () => {
    const text = formatHeadersFile(rules);
    expect(parseHeadersFile(text)).toEqual(rules);
    expect(parseHeadersFile(`# mine\n/a/*\n  X-Robots-Tag: noindex\n  ! Cache-Control\n\n${text}`)).toEqual([{ path: '/a/*', headers: [['X-Robots-Tag', 'noindex']] }, ...rules]);
  });

  it('gives a request the headers of every rule it matches: * anything, :name one segment, repeats joined', () => {
    const own = parseHeadersFile('/*\n  X-One: a\n/papers/:id/\n  X-One: b\n/papers/*.json\n  X-Two: c\n');
    expect([...headersFor(own, '/papers/2606.01234/')]).toEqual([['x-one', 'a, b']]);
    expect([...headersFor(own, '/papers/2606.01234/x/')]).toEqual([['x-one', 'a']]);
    expect([...headersFor(own, '/papers/a/b.json')]).toEqual([['x-one', 'a'], ['x-two', 'c']]);
    expect(headersFor(own, '/other').get('x-two')).toBeUndefined();
  });

  it('puts every rule under the base path, the CSP on all of it, and a year of caching on hashed files only', () => {
    expect(headersFor(rules, '/daily/_astro/Base.abc123.css').get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const file of built.slice(1).filter((name) => !name.endsWith('pagefind.js'))) expect(headersFor(rules, `/daily/${file}`).get('cache-control'), file).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/daily/pagefind/2026-01-05/pagefind.js').get('cache-control')).toBeUndefined();
    expect(headersFor(rules, '/daily/pagefind/2026-01-05/pagefind-entry.json').get('cache-control')).toBeUndefined();
    expect(headersFor(rules, '/daily/').get('content-security-policy')).toBe(contentSecurityPolicy({ scriptHashes: ['sha256-a'], styleHashes: ['sha256-b'] }));
    expect(headersFor(rules, '/_astro/Base.abc123.css').size).toBe(0);
  });

  it("lets Pagefind's WebAssembly and the hashed inline scripts run, and nothing else inline", () => {
    expect(contentSecurityPolicy({ scriptHashes: ['sha256-a'], styleHashes: ['sha256-b'] })).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a'; style-src 'self' 'sha256-b'; style-src-attr 'unsafe-inline'; font-src 'self' data:; img-src 'self' https:; media-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });
});

describe('the hashes of inline scripts and styles', () => {
  it('are those a browser computes over the text between the tags, skipping scripts with src and JSON-LD', () => {
    const found = { scripts: new Set<string>(), styles: new Set<string>() };
    const html = `<head><script>alert('Hello, world.');</script><script type="application/ld+json">{"@type":"ScholarlyArticle"}</script>
      <script type="module" src="/_astro/a.js"></script><style>p{color:red}</style></head><body><script type="module">alert('Hello, world.');</script>
      <p>&lt;script&gt;alert(2)&lt;/script&gt;</p></body>`;
    collectInlineHashes(html, found);
    // The example of the CSP specification: the hash of alert('Hello, world.');
    expect([...found.scripts]).toEqual(['sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=']);
    expect(found.styles.size).toBe(1);
  });
});

describe('the security headers for hosts that do not read _headers', () => {
  const rules = [{ path: '/*', headers: [['X-Robots-Tag', 'noindex']] as [string, string][] }, ...headerRules({ base: '/daily/', scriptHashes: ['sha256-a'], styleHashes: [], hashedPaths: [] })];
  const site = siteWideRule(rules);

  it("are those of the build's rule for the whole site, not an owner's rule", () => {
    expect(site.base).toBe('/daily/');
    expect(site.headers[0]).toEqual(['Content-Security-Policy', contentSecurityPolicy({ scriptHashes: ['sha256-a'], styleHashes: [] })]);
    expect(() => siteWideRule(rules.slice(0, 1))).toThrow('no rule of _headers sets a Content-Security-Policy');
  });

  it('are nginx add_header lines sent with every response, errors included, and a vercel.json entry under the base path', () => {
    const lines = nginxHeaders(site).trimEnd().split('\n');
    expect(lines).toHaveLength(site.headers.length);
    expect(lines[0]).toBe(`add_header Content-Security-Policy "${site.headers[0][1]}" always;`);
    expect(nginxHeaders({ base: '/', headers: [['X-Test', 'say "hi"']] })).toBe('add_header X-Test "say \\"hi\\"" always;\n');
    expect(vercelHeaders(site)).toEqual({ source: '/daily/(.*)', headers: site.headers.map(([key, value]) => ({ key, value })) });
  });
});
