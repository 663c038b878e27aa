import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/run.ts';
import { relatedPapers, tokenize, type RelatedInput } from '../src/lib/related.ts';
import { readCollection } from './support/collection.ts';
import { hfDailyData } from './support/locations.ts';

/** A seeded shuffle (mulberry32), so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const keywordSet = (paper: RelatedInput) => new Set((paper.keywords ?? []).map((keyword) => keyword.toLowerCase()));
const paper = (id: string, title: string, extra: Partial<RelatedInput> = {}): RelatedInput => ({ id, title, ...extra });

describe('related papers on small made-up collections', () => {
  it('tokenizes to lowercase words, keeping 3d and llm, dropping stop words, short and all-digit tokens, folding plurals', () => {
    expect(tokenize('A 3D World-Model for LLMs: the Policies of 2025 Agents, à la Transformer^2')).toEqual(['3d', 'world', 'model', 'llm', 'policy', 'agent', 'la', 'transformer']);
    expect(tokenize('$\\text{Transformer}^2$: Self-adaptive LLMs')).toEqual(['transformer', 'self', 'adaptive', 'llm']);
  });

  // Papers with words of their own, so that the shared words below are not in every paper
  // (a word in every paper has an IDF of 0).
  const fillers = ['Lorem', 'Ipsum', 'Dolor', 'Sit'].map((word, index) => paper(`2502.0000${index + 1}`, word));

  it('ranks an exact keyword phrase match above the same words in scattered keywords', () => {
    const papers = [
      paper('2501.00001', 'Alpha', { keywords: ['sparse attention'] }),
      paper('2501.00002', 'Beta', { keywords: ['sparse coding', 'attention heads'] }),
      paper('2501.00003', 'Gamma', { keywords: ['sparse attention', 'heads pruning'] }),
      ...fillers,
    ];
    // Without the phrase the two would tie, and the tie would go to the lower id.
    expect(relatedPapers(papers).get('2501.00001')).toEqual(['2501.00003', '2501.00002']);
  });

  it('weighs a shared keyword above a shared title word, and a shared title word above a shared summary word', () => {
    const papers = [
      paper('2501.00001', 'Quokka', { keywords: ['wombat'], aiSummary: 'Numbat.' }),
      paper('2501.00002', 'Numbat', { aiSummary: 'Numbat.' }), // summary: only with the summary
      paper('2501.00003', 'Alpha', { aiSummary: 'Numbat.' }), // summary word
      paper('2501.00004', 'Beta', { keywords: ['wombat'] }), // keyword
      paper('2501.00005', 'Quokka'), // title word
      ...fillers,
    ];
    expect(relatedPapers(papers).get('2501.00001')!.slice(0, 3)).toEqual(['2501.00004', '2501.00005', '2501.00002']);
    expect(relatedPapers(papers, { useSummary: false }).get('2501.00001')).toEqual(['2501.00004', '2501.00005']);
  });

  it('returns fewer than k neighbours when fewer papers share a term, and none for a paper sharing nothing', () => {
    const papers = [
      paper('2501.00001', 'Graph neural networks'),
      paper('2501.00002', 'Graph rewriting'),
      paper('2501.00003', 'Protein folding'),
    ];
    const related = relatedPapers(papers, { k: 5 });
    expect(related.get('2501.00001')).toEqual(['2501.00002']);
    expect(related.get('2501.00003')).toEqual([]);
    expect([...related.keys()]).toEqual(['2501.00001', '2501.00002', '2501.00003']);
  });

  it('breaks ties by id', () => {
    const papers = [...['2501.00004', '2501.00002', '2501.00003', '2501.00001'].map((id) => paper(id, 'Identical title words')), ...fillers];
    expect(relatedPapers(papers, { k: 2 }).get('2501.00003')).toEqual(['2501.00001', '2501.00002']);
  });

  it('rejects a collection that holds one id twice', () => {
    expect(() => relatedPapers([paper('2501.00001', 'A'), paper('2501.00001', 'B')])).toThrow(/duplicate paper id 2501\.00001/);
  });
});

describe('related papers of every real Hugging Face paper', () => {
  let outDir: string;
  let papers: RelatedInput[];
  let byId: Map<string, RelatedInput>;
  let related: Map<string, string[]>;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'daily-papers-related-'));
    const summary = ingest({ inputs: [hfDailyData], outDir });
    expect(summary.errors).toBe(0);
    papers = [...readCollection(outDir).values()].map(({ data }) => data as RelatedInput);
    byId = new Map(papers.map((entry) => [entry.id, entry]));
    related = relatedPapers(papers);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('gives every paper an entry of at most 5 distinct ids of other papers in the collection, never itself', () => {
    expect(related.size).toBe(papers.length);
    for (const [id, list] of related) {
      expect(list.length, id).toBeLessThanOrEqual(5);
      expect(list, id).not.toContain(id);
      expect(new Set(list).size, id).toBe(list.length);
      for (const other of list) expect(byId.has(other), other).toBe(true);
    }
    // Nearly every paper has neighbours; only those whose every term is too common have none.
    const empty = [...related.values()].filter((list) => list.length === 0).length;
    expect(empty).toBeLessThan(papers.length / 500);
  });

  it('gives identical results when the input is shuffled', () => {
    for (const seed of [1, 2]) {
      const again = relatedPapers(shuffled(papers, seed));
      expect([...again.keys()]).toEqual([...related.keys()]);
      // The first difference only, so a failure reads (and runs) quickly.
      const differing = [...related].find(([id, list]) => again.get(id)!.join() !== list.join());
      expect(differing && [differing[0], again.get(differing[0])]).toEqual(differing);
    }
  });

  it('ranks a paper sharing several rare keywords above a paper sharing only one common keyword', () => {
    // Keyword document frequencies, on keywords of two or more words after tokenizing (`System 1`
    // is just `system`), so each is a phrase and not a common word.
    const phrasesOf = new Map(papers.map((entry) => [entry.id, new Set((entry.keywords ?? []).map((keyword) => tokenize(keyword)).filter((words) => words.length >= 2).map((words) => words.join(' ')))]));
    const wordsOf = new Map(papers.map((entry) => [entry.id, new Set(tokenize([entry.title, ...(entry.keywords ?? [])].join(' ')))]));
    const papersWith = new Map<string, string[]>();
    for (const [id, phrases] of phrasesOf) for (const phrase of phrases) papersWith.set(phrase, [...(papersWith.get(phrase) ?? []), id]);
    const isRare = (phrase: string) => papersWith.get(phrase)!.length <= 3;
    const isCommon = (phrase: string) => papersWith.get(phrase)!.length >= 50;
    const related50 = relatedPapers(papers, { k: 50 });

    let checked = 0;
    for (const a of papers) {
      const aPhrases = phrasesOf.get(a.id)!;
      const aWords = wordsOf.get(a.id)!;
      // Papers sharing at least one phrase with a, and the phrases they share.
      const sharing = new Map<string, string[]>();
      for (const phrase of aPhrases) for (const b of papersWith.get(phrase)!) if (b !== a.id) sharing.set(b, [...(sharing.get(b) ?? []), phrase]);
      let strong: string | undefined;
      let weak: string | undefined;
      for (const [b, shared] of [...sharing].sort(([x], [y]) => x.localeCompare(y))) {
        if (!strong && shared.length >= 2 && shared.every(isRare)) strong = b;
        // Only that keyword in common: no other word of title or keywords.
        if (!weak && shared.length === 1 && isCommon(shared[0]) && [...wordsOf.get(b)!].every((word) => !aWords.has(word) || shared[0].split(' ').includes(word))) weak = b;
      }
      if (!strong || !weak) continue;
      const list = related50.get(a.id)!;
      const strongRank = list.indexOf(strong);
      const weakRank = list.indexOf(weak);
      expect(strongRank, `${a.id}: ${strong} should be related`).toBeGreaterThanOrEqual(0);
      if (weakRank >= 0) expect(strongRank, `${a.id}: ${strong} before ${weak}`).toBeLessThan(weakRank);
      if (++checked === 10) break;
    }
    expect(checked).toBe(10);
  });

  it('finds title-based neighbours for papers with no keywords and no summary', () => {
    const bare = papers.filter((entry) => !entry.keywords && !entry.aiSummary);
    expect(bare.length).toBeGreaterThan(500);
    let withNeighbours = 0;
    for (const entry of bare) {
      const list = related.get(entry.id)!;
      if (list.length === 0) continue;
      withNeighbours++;
      const top = byId.get(list[0])!;
      const titleWords = new Set(tokenize(entry.title));
      const topWords = tokenize([top.title, ...(top.keywords ?? []), top.aiSummary ?? ''].join(' '));
      expect(topWords.some((word) => titleWords.has(word)), `${entry.id} -> ${top.id}`).toBe(true);
    }
    expect(withNeighbours).toBeGreaterThan(bare.length * 0.99);
  });

  it('relates a sample of papers to a top paper that shares a keyword or a title or keyword word', () => {
    const sample = shuffled(papers, 7).slice(0, 300);
    const wordsOf = (entry: RelatedInput) => new Set(tokenize([entry.title, ...(entry.keywords ?? [])].join(' ')));
    let sharing = 0;
    let withNeighbours = 0;
    for (const entry of sample) {
      const list = related.get(entry.id)!;
      if (list.length === 0) continue;
      withNeighbours++;
      const top = byId.get(list[0])!;
      const keywords = keywordSet(entry);
      const words = wordsOf(entry);
      if ([...keywordSet(top)].some((keyword) => keywords.has(keyword)) || [...wordsOf(top)].some((word) => words.has(word))) sharing++;
    }
    expect(withNeighbours).toBeGreaterThan(290);
    expect(sharing).toBeGreaterThanOrEqual(withNeighbours - 1);
  });
});
