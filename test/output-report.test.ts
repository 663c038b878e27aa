import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sizedFiles } from '../src/fs/files.ts';
import { BuildError } from '../src/integrations/build-error.ts';
import { describeOutput, outputReport } from '../src/integrations/output-report.ts';
import { overHostLimits } from '../src/lib/hosts.ts';
import { outputBreakdown, outputKindOf } from '../src/lib/output-kinds.ts';
import { scratchFolder } from './support/scratch.ts';

/** An output of `files` files of `bytes` bytes in all, its largest file `largest` bytes. */
const output = (files: number, bytes: number, largest = 1) => ({ files, bytes, largestFile: { path: 'pagefind/2026-06-01/index/en_1.pf_index', bytes: largest } });

describe("the build's output report", () => {
  it('measures every file in every folder, a dot folder too, by its path in the output', () => {
    const dir = scratchFolder('output');
    mkdirSync(join(dir, 'papers', '2606.01234'), { recursive: true });
    mkdirSync(join(dir, '.well-known'));
    writeFileSync(join(dir, 'index.html'), 'x'.repeat(1000));
    writeFileSync(join(dir, 'papers', '2606.01234', 'index.html'), 'y'.repeat(234));
    writeFileSync(join(dir, '.well-known', 'security.txt'), 'z');
    writeFileSync(join(dir, '_headers'), '');
    expect(sizedFiles(dir).sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
      { path: '.well-known/security.txt', bytes: 1 },
      { path: '_headers', bytes: 0 },
      { path: 'index.html', bytes: 1000 },
      { path: 'papers/2606.01234/index.html', bytes: 234 },
    ]);
  });

  it('tells each file its kind from where the site puts it', () => {
    const kinds = {
      'papers/2606.01234/index.html': 'paper pages',
      'papers/date/2026-06-24/index.html': 'day, week and month listings',
      'papers/week/2026-W26/2/index.html': 'day, week and month listings',
      'papers/index.html': 'day, week and month listings',
      'topics/grpo/index.html': 'topic pages',
      'topics/grpo/rss.xml': 'feeds',
      'orgs/qwen/rss.xml': 'feeds',
      'atom.xml': 'feeds',
      'orgs/qwen/2/index.html': 'organization pages',
      'pagefind/2026-06-01/fragment/en_1.pf_fragment': 'search index',
      'search/sorts.json': 'search index',
      'search/index.html': 'other pages and assets',
      'data/days/2026-06-24.json': 'open data',
      'digest/2026-06-24.html': 'digests',
      '_astro/Base.css': 'other pages and assets',
    };
    expect(Object.fromEntries(Object.keys(kinds).map((path) => [path, outputKindOf(path)]))).toEqual(kinds);
  });

  it('says the size in all and by kind, and warns of each host whose limits the output is over, with the limit and the figure', () => {
    const breakdown = outputBreakdown([{ path: 'papers/1/index.html', bytes: 10 }, { path: 'topics/a/rss.xml', bytes: 5 }, { path: 'index.html', bytes: 2 }]);
    expect(breakdown).toMatchObject({ files: 3, bytes: 17, largestFile: { path: 'papers/1/index.html', bytes: 10 } });
    expect(describeOutput(breakdown)).toEqual({ summary: '3 files, 0.0 MB (17 bytes)\n  paper pages: 1 file, 0.0 MB\n  feeds: 1 file, 0.0 MB\n  other pages and assets: 1 file, 0.0 MB', warnings: [] });
    expect(overHostLimits('cloudflare-free', output(20_000, 5))).toEqual([]);
    expect(overHostLimits('cloudflare-free', output(20_001, 5))).toEqual(['Cloudflare Pages, free plan takes at most 20,000 files; the site has 20,001']);
    expect(overHostLimits('cloudflare-paid', output(20_001, 5, 30e6))).toEqual(['Cloudflare Pages, paid plan takes no file over 26.2 MB; pagefind/2026-06-01/index/en_1.pf_index has 30 MB']);
    expect(overHostLimits('github-pages', output(250_000, 3.6e9))).toEqual(['GitHub Pages takes at most 1,000 MB in all; the site has 3,600 MB']);
  });

  /** Runs the report, as the build's last step runs it, over `dir`; what it logged. */
  function report(host: Parameters<typeof outputReport>[0], dir: string): { info: string[]; warn: string[] } {
    const logged = { info: [] as string[], warn: [] as string[] };
    const logger = { info: (line: string) => logged.info.push(line), warn: (line: string) => logged.warn.push(line) };
    const done = outputReport(host).hooks['astro:build:done'] as unknown as (params: { dir: URL; logger: typeof logger }) => void;
    done({ dir: new URL(`file://${dir}/`), logger });
    return logged;
  }

  it("fails the build for a named host when the output is over that host's limit, naming the host, the limit and the figure", () => {
    const dir = scratchFolder('over-limit');
    for (let i = 0; i < 20_001; i++) writeFileSync(join(dir, `${i}.html`), '');
    expect(() => report('cloudflare-free', dir)).toThrow(BuildError);
    expect(() => report('cloudflare-free', dir)).toThrow('host cloudflare-free: the site is over the limits of the host it is built for: Cloudflare Pages, free plan takes at most 20,000 files; the site has 20,001.');
    // The same output fits another host, and without a host named it is only warned of.
    expect(report('cloudflare-paid', dir).info.at(-1)).toBe('fits Cloudflare Pages, paid plan');
    expect(report(undefined, dir).warn).toEqual(['Cloudflare Pages, free plan takes at most 20,000 files; the site has 20,001: host the site elsewhere (docs/deploy.md)']);
  });
});
