import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { SearchFields } from '../src/lib/search-fields.ts';
import { expandSearchRecord, searchRecordJson } from '../src/lib/search-record.ts';

const fields: SearchFields = {
  filters: { org: ['AT&T <Labs>'], topic: ['world-model', 'diffusion'], category: [], year: ['2026'], month: ['2026-06'], has_code: ['false'] },
  meta: { title: 'A </script><script>alert(1)</script> "quoted" title', day: '2026-06-24', upvotes: '3', first_author: 'Ada Lovelace', author_count: '2', stars: '0' },
};
const page = (record: string) => `<article data-pagefind-body><h1>T</h1><script type="application/json" data-search-record>${record}</script><p>Text</p></article>`;

describe("a paper page's search record", () => {
  it('cannot be closed by a value: no `<` is left in the JSON', () => {
    expect(searchRecordJson(fields)).not.toContain('<');
    expect(JSON.parse(searchRecordJson(fields)).meta.title).toBe(fields.meta.title);
  });

  it('leaves out the filters a paper has no value of', () => {
    expect(JSON.parse(searchRecordJson(fields)).filters).not.toHaveProperty('category');
  });

  it('becomes, for the indexer, one hidden element a value with every filter and metadata value as given', () => {
    const $ = load(expandSearchRecord(page(searchRecordJson(fields))));
    expect($('script')).toHaveLength(0);
    expect($('div[hidden][data-pagefind-ignore]')).toHaveLength(1);
    const values = (attribute: string, key: string) => $(`[${attribute}="${key}"]`).map((_, span) => $(span).text()).get();
    expect(values('data-pagefind-filter', 'org')).toEqual(['AT&T <Labs>']);
    expect(values('data-pagefind-filter', 'topic')).toEqual(['world-model', 'diffusion']);
    expect(values('data-pagefind-filter', 'category')).toEqual([]);
    expect(values('data-pagefind-meta', 'title')).toEqual([fields.meta.title]);
    expect(values('data-pagefind-meta', 'organization')).toEqual([]);
    expect($('h1').text()).toBe('T');
    expect($('p').text()).toBe('Text');
  });

  it('leaves a page without one as it is', () => {
    const html = '<article data-pagefind-body><h1>T</h1></article>';
    expect(expandSearchRecord(html)).toBe(html);
  });
});
