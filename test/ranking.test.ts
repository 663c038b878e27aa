import { describe, expect, it } from 'vitest';
import { byRank, rankingWords } from '../src/lib/papers.ts';
import type { Paper } from '../src/schema/paper.ts';

const paper = (id: string, counts: Partial<Pick<Paper, 'upvotes' | 'githubStars'>> = {}): Paper => ({ id, title: id, authors: ['A. Author'], days: ['2026-06-18'], sources: ['arxiv-listing'], ...counts }) as Paper;

describe('the order of a listing', () => {
  it('puts the papers a source counts upvotes for first, most upvoted first, even those with none', () => {
    const ranked = [paper('2606.00003'), paper('2606.00002', { upvotes: 0 }), paper('2606.00001', { upvotes: 7 }), paper('2606.00004', { githubStars: 900 })].sort(byRank);
    expect(ranked.map((p) => p.id)).toEqual(['2606.00001', '2606.00002', '2606.00004', '2606.00003']);
  });

  it('orders papers that no source counts by GitHub stars, then by arXiv id, oldest first', () => {
    const ranked = [paper('2606.00009'), paper('2606.00008', { githubStars: 2 }), paper('2606.00001'), paper('2606.00007', { githubStars: 40 })].sort(byRank);
    expect(ranked.map((p) => p.id)).toEqual(['2606.00007', '2606.00008', '2606.00001', '2606.00009']);
  });

  it('breaks ties of upvotes by stars, then id, so two builds order alike', () => {
    const ranked = [paper('2606.00002', { upvotes: 5 }), paper('2606.00003', { upvotes: 5, githubStars: 1 }), paper('2606.00001', { upvotes: 5 })].sort(byRank);
    expect(ranked.map((p) => p.id)).toEqual(['2606.00003', '2606.00001', '2606.00002']);
  });

  it('is named on the page by the first signal that tells its papers apart', () => {
    expect(rankingWords([paper('a'), paper('b', { upvotes: 0 })])).toBe('by upvotes');
    expect(rankingWords([paper('a'), paper('b', { githubStars: 3 })])).toBe('by GitHub stars');
    expect(rankingWords([paper('a', { githubStars: 0 }), paper('b')])).toBe('by arXiv id');
  });
});
