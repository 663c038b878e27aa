import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from './support/link-check.ts';

describe('the link checker of the quality gate, on a made-up build', () => {
  const dist = mkdtempSync(join(tmpdir(), 'link-check-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  };
  const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="/site.css"></head><body>${body}</body></html>`;

  it('reports a missing page, a missing fragment, a folder without its slash and a script link, each once', async () => {
    write('site.css', 'body { background: url("/dot.svg"); }');
    write('dot.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    write('index.html', page('<a href="/papers/">papers</a> <a href="/papers/#top">top</a> <a href="https://arxiv.org/">arXiv</a> <a href="mailto:a@b.org">mail</a>'));
    write('papers/index.html', page('<h1 id="top">Papers</h1><a href="/gone/">gone</a> <a href="/#nowhere">home</a> <a href="/papers">again</a> <a href="javascript:alert(1)">x</a> <form action="/search/"></form>'));
    const { problems, checked } = await checkLinks(dist, '/');
    expect(problems).toEqual([
      '/papers/ links to "javascript:alert(1)": a link off the site must be http(s) or mailto',
      '/papers/ links to /#nowhere, but / has no id or anchor "nowhere"',
      // linkinator, over HTTP, finds the missing page too
      expect.stringMatching(/^\/papers\/ links to \/gone\/, which is broken over HTTP \(404/),
      '/papers/ links to /gone/, which is not in the build',
      '/papers/ links to /papers, a folder without its trailing slash',
      '/papers/ links to /search/, which is not in the build',
    ]);
    expect(checked).toBe(4); // /papers/, /papers/#top and the stylesheet twice
  });
});
