import { describe, expect, it } from 'vitest';
import { queryWords, withEveryWord } from '../src/lib/search-words.ts';

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

  it('keeps every result of a one-word query', () => {
    expect(withEveryWord([result('a'), result('b')], [])).toEqual([result('a'), result('b')]);
  });
});
