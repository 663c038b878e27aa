import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDayPapers } from '../src/digest/day-papers.ts';
import { MAX_DIGEST_BYTES, renderDigest } from '../src/digest/digest.ts';
import { digestHtml } from '../src/digest/html.ts';
import { digestModel, showing } from '../src/digest/model.ts';
import { ingest } from '../src/ingest/run.ts';
import type { PaperDocument } from '../src/schema/paper.ts';
import { validator } from './support/html-validator.ts';
import { arxivListingData, hfDailyData } from './support/locations.ts';

/** The largest real days: 50 Hugging Face papers (the most any day has), and an arXiv listing day, with TeX in titles. */
const BUSIEST_HF_DAY = '2026-05-12';
const ARXIV_DAY = '2026-06-23';
const arxivIds = new Set(readFileSync(join(arxivListingData, `${ARXIV_DAY}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).id));
const site = new URL('https://papers.example.org/');

describe('the e-mail digest of the busiest real days', () => {
  let collection: string;
  let hfPapers: PaperDocument[];
  let arxivPapers: PaperDocument[];
  beforeAll(() => {
    collection = mkdtempSync(join(tmpdir(), 'digest-days-'));
    ingest({ inputs: [join(hfDailyData, `${BUSIEST_HF_DAY}.json`), join(arxivListingData, `${ARXIV_DAY}.jsonl`)], outDir: collection });
    hfPapers = readDayPapers(collection, BUSIEST_HF_DAY);
    arxivPapers = readDayPapers(collection, ARXIV_DAY);
  });
  afterAll(() => rmSync(collection, { recursive: true, force: true }));

  it('reads the papers of a day from the collection, highest upvotes first', () => {
    expect(hfPapers).toHaveLength(50);
    const upvotes = hfPapers.map(({ paper }) => paper.upvotes ?? 0);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    expect(arxivPapers.map(({ paper }) => paper.id).sort()).toEqual([...arxivIds].sort());
  });

  it('shows all 50 papers of the busiest Hugging Face day in less than 100 KB of HTML', () => {
    const digest = renderDigest(BUSIEST_HF_DAY, hfPapers, site);
    expect(Buffer.byteLength(digest.html)).toBeLessThanOrEqual(MAX_DIGEST_BYTES);
    expect(digest.shown).toBe(50);
    expect(load(digest.html)('h2 a')).toHaveLength(50);
  });

  it('shows as many papers of a long arXiv day as fit in 100 KB, and links to the rest', () => {
    const digest = renderDigest(ARXIV_DAY, arxivPapers, site);
    expect(Buffer.byteLength(digest.html)).toBeLessThanOrEqual(MAX_DIGEST_BYTES);
    expect(digest.shown).toBeGreaterThan(40);
    expect(digest.shown).toBeLessThan(arxivIds.size);
    // As many as fit: one more would not.
    expect(Buffer.byteLength(digestHtml(showing(digestModel(ARXIV_DAY, arxivPapers, site), digest.shown + 1)))).toBeGreaterThan(MAX_DIGEST_BYTES);
    const more = `${arxivIds.size - digest.shown} more papers of the day`;
    const $ = load(digest.html);
    expect($('h2 a').map((_, a) => $(a).attr('href')).get()).toEqual(arxivPapers.slice(0, digest.shown).map(({ paper }) => `https://papers.example.org/papers/${paper.id}/`));
    expect($(`a:contains("${more}")`).attr('href')).toBe(`https://papers.example.org/papers/date/${ARXIV_DAY}/`);
    expect(digest.text).toContain(`${more}: https://papers.example.org/papers/date/${ARXIV_DAY}/`);
  });

  it('is valid HTML by the rules the site is held to, cut short or not', async () => {
    for (const [day, papers] of [[BUSIEST_HF_DAY, hfPapers], [ARXIV_DAY, arxivPapers]] as const) {
      const report = await validator.validateString(renderDigest(day, papers, site).html);
      expect(report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`)), day).toEqual([]);
    }
  });

  it('writes titles and abstracts as text: TeX as characters, tags as text', () => {
    // Every paper of the day, not only those that fit, so the titles with TeX are among them.
    const $ = load(digestHtml(digestModel(ARXIV_DAY, arxivPapers, site)));
    expect($('body *').toArray().every((element) => ['table', 'tbody', 'tr', 'td', 'div', 'h1', 'h2', 'p', 'a'].includes(element.tagName))).toBe(true);
    const withTex = arxivPapers.filter(({ paper }) => /\$[^$]*[\\^_{][^$]*\$/.test(paper.title));
    expect(withTex.length).toBeGreaterThan(0);
    for (const { paper } of withTex) {
      const title = $(`h2 a[href$="/papers/${paper.id}/"]`).text();
      expect(title, paper.title).not.toMatch(/[$\\]/);
      expect(title.length, paper.title).toBeGreaterThan(paper.title.length / 2);
    }
  });
});
