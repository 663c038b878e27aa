import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTree, isSameFile, removeAllBut } from '../src/fs/files.ts';
import { scratchFolder } from './support/scratch.ts';

describe('copying a search bundle between the build cache and the site', () => {
  it('makes the target the same tree as the source, at any depth, and nothing else', () => {
    const work = scratchFolder('copy-tree');
    const from = join(work, 'from');
    const to = join(work, 'to');
    mkdirSync(join(from, 'fragment', 'deep'), { recursive: true });
    writeFileSync(join(from, 'pagefind-entry.json'), '{}');
    writeFileSync(join(from, 'fragment', 'en_1.pf_fragment'), 'one');
    writeFileSync(join(from, 'fragment', 'deep', 'en_2.pf_fragment'), 'two');
    mkdirSync(to);
    writeFileSync(join(to, 'stale.pf_index'), 'from the build before');

    copyTree(from, to);

    expect(readFileSync(join(to, 'pagefind-entry.json'), 'utf8')).toBe('{}');
    expect(readFileSync(join(to, 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('one');
    expect(readFileSync(join(to, 'fragment', 'deep', 'en_2.pf_fragment'), 'utf8')).toBe('two');
    expect(statSync(join(to, 'stale.pf_index'), { throwIfNoEntry: false })).toBeUndefined();
    // On one disk the files are shared, not copied.
    expect(statSync(join(to, 'pagefind-entry.json')).ino).toBe(statSync(join(from, 'pagefind-entry.json')).ino);
  });

  it('tells a bundle linked from the cache from a copy of it, or from none', () => {
    const work = scratchFolder('same-file');
    mkdirSync(join(work, 'from'));
    writeFileSync(join(work, 'from', 'pagefind-entry.json'), '{}');
    copyTree(join(work, 'from'), join(work, 'linked'));
    mkdirSync(join(work, 'copied'));
    copyFileSync(join(work, 'from', 'pagefind-entry.json'), join(work, 'copied', 'pagefind-entry.json'));

    expect(isSameFile(join(work, 'from', 'pagefind-entry.json'), join(work, 'linked', 'pagefind-entry.json'))).toBe(true);
    expect(isSameFile(join(work, 'from', 'pagefind-entry.json'), join(work, 'copied', 'pagefind-entry.json'))).toBe(false);
    expect(isSameFile(join(work, 'from', 'pagefind-entry.json'), join(work, 'none', 'pagefind-entry.json'))).toBe(false);
  });

  it('removes the shards that are no more, and whatever else is beside the shards', () => {
    const work = scratchFolder('remove-all-but');
    for (const shard of ['2025-01-06', '2025-06-02', '2024-01-01']) {
      mkdirSync(join(work, shard, 'fragment'), { recursive: true });
      writeFileSync(join(work, shard, 'fragment', 'en_1.pf_fragment'), shard);
    }
    writeFileSync(join(work, 'pagefind.js'), 'from a build without shards');

    removeAllBut(work, new Set(['2025-01-06', '2025-06-02']));

    expect(readdirSync(work).sort()).toEqual(['2025-01-06', '2025-06-02']);
    expect(readFileSync(join(work, '2025-06-02', 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('2025-06-02');
    removeAllBut(join(work, 'missing'), new Set());
    expect(existsSync(join(work, 'missing'))).toBe(false);
  });
});
