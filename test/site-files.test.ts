import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageKinds, representatives } from './support/site-files.ts';

describe('the page kinds the quality gates find in a build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-kinds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, bytes = 10) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), 'x'.repeat(bytes));
  };

  it('groups pages by their URL with the variable segments as *, paginated slugs and dated file names included', () => {
    for (const file of [
      'index.html', '404.html', 'archive/index.html', 'search/index.html', 'papers/index.html',
      'papers/2604.07429/index.html', 'papers/2501.03841/index.html',
      'papers/date/2025-01-13/index.html', 'papers/date/2026-04-16/index.html',
      'papers/week/2026-W16/index.html', 'papers/month/2026-04/index.html',
      'papers/week/2026-W16/2/index.html',
      'orgs/index.html', 'orgs/google/index.html', 'orgs/nvidia/index.html', 'topics/reinforcement-learning/index.html',
      'topics/reinforcement-learning/2/index.html', 'topics/agents/index.html',
      'digest/2025-01-13.html', 'digest/2026-04-16.html', 'digest/2026-04-16.txt',
      'favicon.svg', 'pagefind/pagefind.js',
    ]) write(file);
    expect([...pageKinds(dir).keys()].sort()).toEqual([
      '/', '/404.html', '/archive/', '/digest/*.html', '/orgs/', '/orgs/*/', '/papers/', '/papers/*/', '/papers/date/*/',
      '/papers/month/*/', '/papers/week/*/', '/papers/week/*/*/', '/search/', '/topics/*/', '/topics/*/*/',
    ]);
    // A topic long enough to paginate is a topic like any other, not a kind of its own.
    expect(pageKinds(dir).get('/topics/*/')!.map((page) => page.url)).toEqual(['/topics/agents/', '/topics/reinforcement-learning/']);
    expect(pageKinds(dir).get('/papers/date/*/')!.map((page) => page.url)).toEqual(['/papers/date/2025-01-13/', '/papers/date/2026-04-16/']);
    // A page named after its day, such as a day's e-mail digest, is one kind with the other days'.
    expect(pageKinds(dir).get('/digest/*.html')!.map((page) => page.url)).toEqual(['/digest/2025-01-13.html', '/digest/2026-04-16.html']);
  });

  it('stands for a kind by its first and its largest page', () => {
    const pages = [{ file: 'a', size: 3 }, { file: 'b', size: 9 }, { file: 'c', size: 5 }];
    expect(representatives(pages).map((page) => page.file)).toEqual(['a', 'b']);
    expect(representatives([{ file: 'a', size: 9 }, { file: 'b', size: 3 }]).map((page) => page.file)).toEqual(['a']);
  });
});
