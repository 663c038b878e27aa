import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/run.ts';
import { slugify } from '../src/lib/slugify.ts';
import { keywordKey } from '../src/lib/topics.ts';
import { searchFacets, searchFields } from '../src/lib/search-fields.ts';
import { buildSortTable, sortResults } from '../src/lib/search-sorts.ts';
import { formatSearchState, isEmptySearch, parseSearchState, searchFilterKeys } from '../src/lib/search-keys.ts';
import type { Paper } from '../src/schema/paper.ts';
import { describeResults } from '../src/browser/search-status.ts';
import { readCollection } from './support/collection.ts';
import { arxivListingData, hfDailyData } from './support/locations.ts';

describe('search state in the URL', () => {
  it('round-trips a query, every filter and a sort, in a fixed key order', () => {
    const state = { query: 'diffusion models', filters: { org: 'Google DeepMind', topic: 'video-generation', category: 'cs.CV', year: '2026', month: '2026-04', has_code: 'true' }, sort: 'upvotes' as const };
    const search = formatSearchState(state);
    expect(search).toBe('?q=diffusion+models&org=Google+DeepMind&topic=video-generation&category=cs.CV&year=2026&month=2026-04&has_code=true&sort=upvotes');
    expect(parseSearchState(search)).toEqual(state);
  });

  it('selects a topic named by its label or an older slug, as older links name it, by its key', () => {
    expect(parseSearchState('?topic=Large%20Language%20Models').filters).toEqual({ topic: 'large-language-model' });
    expect(parseSearchState('?topic=large-language-models').filters).toEqual({ topic: 'large-language-model' });
    expect(parseSearchState('?topic=Vision-Language+Models&org=Google+DeepMind').filters).toEqual({ topic: 'vision-language-model', org: 'Google DeepMind' });
    // A name without letters or digits has a slug of its own (src/lib/slugify.ts), as its topic page has.
    expect(parseSearchState('?topic=%E2%80%93').filters).toEqual({ topic: 'u2013' });
  });

  it('ignores unknown keys, unknown sorts and blank values', () => {
    expect(parseSearchState('?q=x&color=red&sort=random&org=%20&year=')).toEqual({ query: 'x', filters: {} });
  });

  it('writes nothing for an empty search, and calls only a search without query, filter or sort empty', () => {
    expect(formatSearchState({ query: '  ', filters: {} })).toBe('');
    expect(isEmptySearch({ query: ' ', filters: {} })).toBe(true);
    expect(isEmptySearch({ query: '', filters: {}, sort: 'date' })).toBe(false);
    expect(isEmptySearch({ query: '', filters: { has_code: 'true' } })).toBe(false);
  });
});

describe('the sentence announced after a search', () => {
  it('counts the results and names the query, the filters and the order', () => {
    expect(describeResults({ query: 'agents', filters: { org: 'NVIDIA', month: '2026-04', has_code: 'true' } }, 12, 'upvotes')).toBe('12 papers from NVIDIA, listed in April 2026, with code match “agents”, most upvoted first.');
    expect(describeResults({ query: 'agents', filters: {} }, 1, undefined)).toBe('1 paper matches “agents”.');
    expect(describeResults({ query: '', filters: { topic: 'robotics' } }, 1234, 'date')).toBe('1,234 papers on robotics, newest first.');
    expect(describeResults({ query: '', filters: { topic: 'vision-language-models' } }, 2, undefined, { topic: 'Vision-Language Models' })).toBe('2 papers on Vision-Language Models.');
  });

  it('suggests what to change when nothing matches', () => {
    expect(describeResults({ query: 'qxz', filters: {} }, 0, undefined)).toBe('No papers match “qxz”. Try fewer or different words.');
    expect(describeResults({ query: 'qxz', filters: { year: '2025' } }, 0, undefined)).toBe('No papers match “qxz” listed in 2025. Try removing a filter.');
  });
});

describe('what the search index records of real papers', () => {
  let work: string;
  let papers: Paper[];
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'search-fields-'));
    // Hugging Face days (organizations, keywords, repos) and an arXiv listing day (categories).
    ingest({ inputs: [join(hfDailyData, '2026-04-10.json'), join(hfDailyData, '2026-04-16.json'), join(arxivListingData, '2026-06-17.jsonl')], outDir: work });
    papers = [...readCollection(work).values()].map((file) => file.data as Paper);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('records for every paper the values sorted searches order by, no upvotes where no source counts them and 0 for missing stars, and the latest day it was listed on', () => {
    for (const paper of papers) {
      const { meta } = searchFields(paper, keywordKey);
      expect(meta.upvotes).toBe(paper.upvotes === undefined ? undefined : String(paper.upvotes));
      expect(meta.stars).toBe(String(paper.githubStars ?? 0));
      expect(meta.day).toBe(paper.days.toSorted().at(-1));
      expect(meta.first_author).toBe(paper.authors[0]);
    }
  });

  it('orders results by a sort table built from that metadata, highest first, ties and unknown ids in their given order', () => {
    const pages = papers.map((paper, i) => ({ id: `en_${i}`, url: `/papers/${paper.id}/`, meta: searchFields(paper, keywordKey).meta as unknown as Record<string, string> }));
    const table = buildSortTable(pages);
    expect(table.shared).toEqual([]);
    const sorted = <T extends { id: string }>(results: readonly T[], key: 'upvotes' | 'date' | 'stars') => sortResults(results, (page) => ({ id: page.id }), table, key);
    const byUpvotes = sorted(pages, 'upvotes').map((page) => Number(page.meta.upvotes ?? 0));
    expect(byUpvotes).toEqual(byUpvotes.toSorted((a, b) => b - a));
    const byDate = sorted(pages, 'date').map((page) => page.meta.day);
    expect(byDate).toEqual(byDate.toSorted().reverse());
    const tied = pages.filter((page) => page.meta.stars === '0');
    expect(tied.length).toBeGreaterThan(1);
    expect(sorted(tied, 'stars')).toEqual(tied);
    expect(sorted([{ id: 'en_unknown' }, pages[0]], 'upvotes').map((page) => page.id)).toEqual([pages[0].id, 'en_unknown']);
  });

  it('tells apart by URL two pages of different shards that Pagefind gave the same id', () => {
    const [low, high] = papers.toSorted((a, b) => (a.upvotes ?? 0) - (b.upvotes ?? 0)).filter((paper, i, all) => i === 0 || i === all.length - 1);
    expect(low.upvotes ?? 0).toBeLessThan(high.upvotes ?? 0);
    const page = (paper: Paper) => ({ id: 'en_1234567', url: `/papers/${paper.id}/`, meta: searchFields(paper, keywordKey).meta as unknown as Record<string, string> });
    const table = buildSortTable([page(low), { ...page(papers[1]), id: 'en_7654321' }, page(high)]);
    expect(table.shared).toEqual(['en_1234567']);
    const results = [page(low), page(high)];
    expect(sortResults(results, (result) => result, table, 'upvotes').map((result) => result.url)).toEqual([`/papers/${high.id}/`, `/papers/${low.id}/`]);
  });

  it('files a paper under every month and year it was listed in, and under has_code by its repo', () => {
    const twice = papers.find((paper) => paper.days.length > 1)!;
    expect(twice).toBeDefined(); // 2604.07429 was listed on 04-10 and 04-16
    for (const paper of papers) {
      const { filters } = searchFields(paper, keywordKey);
      expect(filters.month).toEqual([...new Set(paper.days.map((day) => day.slice(0, 7)))]);
      expect(filters.year).toEqual([...new Set(paper.days.map((day) => day.slice(0, 4)))]);
      expect(filters.has_code).toEqual([paper.githubRepo ? 'true' : 'false']);
      expect(filters.org).toEqual(paper.organization ? [paper.organization.fullname] : []);
      expect(filters.category).toEqual(paper.categories ?? []);
    }
    expect(papers.some((paper) => (paper.categories ?? []).length > 0)).toBe(true);
  });

  it('files a paper under the topic key of every keyword it has, whatever other papers share it', () => {
    const withKeywords = papers.find((paper) => (paper.keywords ?? []).length >= 2)!;
    const { filters } = searchFields(withKeywords, keywordKey);
    expect(filters.topic).toEqual([...new Set(withKeywords.keywords!.map(keywordKey))]);
    expect(filters.topic.every((slug) => /^[a-z0-9-]+$/.test(slug))).toBe(true);
  });

  it('counts each filter value over the collection: names alphabetical, periods newest first', () => {
    const facets = searchFacets(papers.map((paper) => searchFields(paper, keywordKey)), new Map());
    expect(Object.keys(facets)).toEqual([...searchFilterKeys]);
    expect(facets.has_code.reduce((sum, { count }) => sum + count, 0)).toBe(papers.length);
    const organizations = papers.filter((paper) => paper.organization).map((paper) => paper.organization!.fullname);
    expect(facets.org.reduce((sum, { count }) => sum + count, 0)).toBe(organizations.length);
    expect(facets.org.map(({ value }) => value)).toEqual([...new Set(organizations)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b)));
    expect(facets.month.map(({ value }) => value)).toEqual(['2026-06', '2026-04']);
    expect(facets.category.length).toBeGreaterThan(5);
    expect(facets.topic).toEqual([]);
  });

  it('offers as topics only the keywords with a topic page, named and ordered as those pages name them, with their papers counted', () => {
    const fields = papers.map((paper) => searchFields(paper, keywordKey));
    const [a, b] = [...new Set(fields.flatMap(({ filters }) => filters.topic))];
    const facets = searchFacets(fields, new Map([[a, 'Zeta Topic'], [b, 'alpha topic']]));
    const papersWith = (slug: string) => fields.filter(({ filters }) => filters.topic.includes(slug)).length;
    expect(facets.topic).toEqual([
      { value: b, label: 'alpha topic', count: papersWith(b) },
      { value: a, label: 'Zeta Topic', count: papersWith(a) },
    ]);
  });
});
