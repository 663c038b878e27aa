import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTree } from '../src/ingest/files.ts';
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
});
