import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arxivListingData, hfDailyData } from './locations.ts';
import type { Reply } from './replay-server.ts';

/**
 * The two APIs fetch calls, replayed from the real records in ../shared/data (read from there,
 * never copied): Hugging Face days as the live API sends them (compact JSON, paged), and arXiv
 * listing days turned into the Atom the arXiv API answers with.
 */

export const HF_PATH = '/api/daily_papers';
export const ARXIV_PATH = '/api/query';

/** A real Hugging Face day's items. */
export function hfDayItems(day: string): { paper: { id: string } }[] {
  return JSON.parse(readFileSync(join(hfDailyData, `${day}.json`), 'utf8'));
}

/**
 * `/api/daily_papers?date=D&p=N&limit=L` over `days`, a map the test may change between calls (a
 * day filling up); a day not in it is empty, as on the live API.
 */
export function hfDailyApi(days: Map<string, unknown[]>): (url: URL) => Reply {
  return (url) => {
    const date = url.searchParams.get('date') ?? '';
    if (url.pathname !== HF_PATH) return { status: 404, body: '{"error":"Not Found"}' };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { status: 400, body: '{"error":"Invalid date"}' };
    const page = Number(url.searchParams.get('p') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    return { body: JSON.stringify((days.get(date) ?? []).slice(page * limit, (page + 1) * limit)) };
  };
}

export interface ListingPaper {
  /** The listing day, which stands for the day arXiv published it. */
  day: string;
  id: string;
  title: string;
  summary: string;
  authors: string[];
  categories: string[];
  comment: string | null;
}

/** A real arXiv listing day, each paper once (the listing repeats cross-listed papers). */
export function arxivListingPapers(day: string): ListingPaper[] {
  const lines = readFileSync(join(arxivListingData, `${day}.jsonl`), 'utf8').split('\n').filter(Boolean);
  const papers = new Map<string, ListingPaper>();
  for (const line of lines) {
    const paper = { ...JSON.parse(line), day } as ListingPaper;
    if (!papers.has(paper.id)) papers.set(paper.id, paper);
  }
  return [...papers.values()];
}

/**
 * `/api/query` over `papers`: `search_query` (any) pages through them with `start` and
 * `max_results`; `id_list` returns the papers named.
 */
export function arxivApi(papers: readonly ListingPaper[]): (url: URL) => Reply {
  return (url) => {
    if (url.pathname !== ARXIV_PATH) return { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' } };
    const ids = url.searchParams.get('id_list');
    if (ids) {
      const wanted = ids.split(',');
      return atomReply(papers.filter((paper) => wanted.includes(paper.id)), { total: wanted.length, start: 0 });
    }
    const start = Number(url.searchParams.get('start') ?? 0);
    const max = Number(url.searchParams.get('max_results') ?? 10);
    return atomReply(papers.slice(start, start + max), { total: papers.length, start });
  };
}

function atomReply(papers: readonly ListingPaper[], page: { total: number; start: number }): Reply {
  return { headers: { 'content-type': 'application/atom+xml; charset=utf-8' }, body: atomFeed(papers, page) };
}

/** An arXiv API response holding `papers`. */
export function atomFeed(papers: readonly ListingPaper[], { total, start }: { total: number; start: number }): string {
  const entries = papers.map((paper) =>
    [
      '  <entry>',
      `    <id>http://arxiv.org/abs/${paper.id}v1</id>`,
      `    <title>${escapeXml(paper.title)}</title>`,
      `    <summary>${escapeXml(paper.summary)}</summary>`,
      `    <published>${paper.day}T18:00:00Z</published>`,
      ...paper.authors.map((name) => `    <author><name>${escapeXml(name)}</name></author>`),
      ...(paper.comment ? [`    <arxiv:comment>${escapeXml(paper.comment)}</arxiv:comment>`] : []),
      ...paper.categories.map((term) => `    <category term="${escapeXml(term)}" scheme="http://arxiv.org/schemas/atom"/>`),
      `    <arxiv:primary_category term="${escapeXml(paper.categories[0])}"/>`,
      '  </entry>',
    ].join('\n'),
  );
  return feed([
    `  <opensearch:totalResults>${total}</opensearch:totalResults>`,
    `  <opensearch:startIndex>${start}</opensearch:startIndex>`,
    `  <opensearch:itemsPerPage>${papers.length}</opensearch:itemsPerPage>`,
    ...entries,
  ]);
}

/** What arXiv answers a bad request with: HTTP 200, and an Atom feed with one Error entry. */
export function atomErrorFeed(message: string): string {
  return feed([
    '  <opensearch:totalResults>1</opensearch:totalResults>',
    '  <entry>',
    `    <id>http://arxiv.org/api/errors#${message.replace(/\W+/g, '_')}</id>`,
    '    <title>Error</title>',
    `    <summary>${escapeXml(message)}</summary>`,
    '    <author><name>arXiv api core</name></author>',
    '  </entry>',
  ]);
}

function feed(lines: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">',
    '  <title>arXiv Query</title>',
    '  <updated>2026-06-30T00:00:00-04:00</updated>',
    ...lines,
    '</feed>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}
