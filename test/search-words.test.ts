import { describe, expect, it } from 'vitest';
import { pagesWithWord, queryWords, withEveryWord, wordProbes } from '../src/lib/search-words.ts';

const result = (id: string) => ({ id });

describe('a query over several shards', () => {
  it('searches each distinct word of a query, and none of an exact phrase', () => {
    expect(queryWords('Jiyao  Zhang jiyao')).toEqual(['jiyao', 'zhang']);
    expect(queryWords('"world model"')).toEqual([]);
    expect(queryWords(null)).toEqual([]);
  });

  it('drops the pages a shard matched on some words only, when another shard has the missing word', () => {
    // Shard 1 has no "jiyao": Pagefind matched its pages a and b on "zhang" alone; c, of shard 2, has both.
    const results = [result('a'), result('b'), result('c')];
    expect(withEveryWord(results, [new Set(['c']), new Set(['a', 'b', 'c', 'd'])])).toEqual([result('c')]);
  });

  it('leaves out a word that no shard has, as one index would', () => {
    const results = [result('a'), result('c')];
    expect(withEveryWord(results, [new Set<string>(), new Set(['a', 'c'])])).toEqual(results);
  });

  it('asks for a word as typed, beyond every word, and exactly, each once', () => {
    const [asTyped, beyond, exactly] = wordProbes('jiyao');
    expect(asTyped).toBe('jiyao');
    expect(beyond.startsWith('jiyao') && beyond.length > 'jiyao'.length).toBe(true);
    expect(exactly).toBe('"jiyao"');
  });

  it('tells the pages that have a word from those a shard without it fell back to', () => {
    // a: has "jiyao" itself; b: has only "jiyaos", a word it begins; c and d: a shard without
    // either fell back to "ji", and falls back to "ji" again beyond every word.
    const asTyped = new Set(['a', 'b', 'c', 'd']);
    const beyond = new Set(['a', 'c', 'd']);
    const exactly = new Set(['a']);
    expect([...pagesWithWord([asTyped, beyond, exactly])].sort()).toEqual(['a', 'b']);
  });

  it('finds no page with a word that every shard fell back on, so that the word is left out', () => {
    const fellBack = new Set(['c', 'd']);
    const pages = pagesWithWord([fellBack, fellBack, new Set()]);
    expect(pages.size).toBe(0);
    expect(withEveryWord([result('c'), result('d')], [pages])).toEqual([result('c'), result('d')]);
  });

  it('keeps every result of a one-word query', () => {
    expect(withEveryWord([result('a'), result('b')], [])).toEqual([result('a'), result('b')]);
  });
});
