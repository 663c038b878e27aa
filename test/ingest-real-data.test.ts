import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestSummary } from '../src/ingest/run.ts';
import { abstractText, readCollection, withStoredMaths } from './support/collection.ts';
import { expectedListDay, readRawDays, type RawItem } from './support/hf-raw.ts';
import { arxivListingData, fixtureDays, hfDailyData } from './support/locations.ts';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('ingest of every real Hugging Face day', () => {
  let outDir: string;
  let first: IngestSummary;
  let raw: RawItem[];
  let byId: Map<string, RawItem[]>;
  let collection: ReturnType<typeof readCollection>;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'daily-papers-ingest-'));
    raw = readRawDays(hfDailyData);
    byId = Map.groupBy(raw, (entry) => entry.item.paper.id);
    first = ingest({ inputs: [hfDailyData], outDir });
    collection = readCollection(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('reads every item and writes one file per distinct paper, with no errors', () => {
    expect(first.errors).toBe(0);
    expect(first.diagnostics).toEqual([]);
    expect(first.read).toBe(raw.length);
    expect(byId.size).toBe(6747); // the count the data README gives
    expect(first.written).toBe(byId.size);
    expect(collection.size).toBe(byId.size);
  });

  it('files each paper under the UTC day of submittedOnDailyAt, or the day of its file when that is missing', () => {
    for (const [id, items] of byId) {
      const expected = [...new Set(items.map(expectedListDay))].sort();
      expect(collection.get(`${id}.md`)?.data.days, id).toEqual(expected);
    }
    // The rule is not the top-level publishedAt, whose date differs on many items.
    const misleading = raw.filter((entry) => entry.item.publishedAt.slice(0, 10) !== expectedListDay(entry));
    expect(misleading.length).toBeGreaterThan(0);
  });

  it('gives a paper listed on two days both days and the counts of the later day', () => {
    const repeated = [...byId].filter(([, items]) => items.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    for (const [id, items] of repeated) {
      const latest = items.toSorted((a, b) => expectedListDay(a).localeCompare(expectedListDay(b))).at(-1)!;
      const { data } = collection.get(`${id}.md`)!;
      expect(data.days).toHaveLength(new Set(items.map(expectedListDay)).size);
      expect(data.upvotes).toBe(latest.item.paper.upvotes);
      expect(data.comments).toBe(latest.item.numComments);
    }
  });

  it('keeps the arXiv spelling of the title on one line, every author in order, the organization and every paragraph of the abstract', () => {
    for (const [id, items] of byId) {
      const { item } = items.at(-1)!;
      const { data, body } = collection.get(`${id}.md`)!;
      // The top-level title is arXiv's spelling (LaTeX kept); paper.title is a plain-text copy.
      expect(data.title).toBe(collapse(item.title ?? item.paper.title));
      expect(data.authors).toEqual(item.paper.authors.map((author) => collapse(author.name)));
      const organization = (item.organization ?? item.paper.organization)?.fullname;
      expect(data.organization?.fullname).toBe(organization && collapse(organization));
      const paragraphs = item.paper.summary.split(/\n[ \t]*\n|\n[ \t]+/).filter((p) => p.trim()).length;
      expect(body.trim().split('\n\n'), id).toHaveLength(paragraphs);
    }
  });

  it('changes no byte when run again on the same input', () => {
    const again = ingest({ inputs: [hfDailyData], outDir });
    expect(again).toMatchObject({ written: 0, unchanged: byId.size, errors: 0 });
    const after = readCollection(outDir);
    for (const [name, file] of collection) expect(after.get(name)?.text).toBe(file.text);
  });
});

describe('ingest of all of ../shared/data', () => {
  it('reproduces the distinct paper counts of the data README with no errors: 6,747 Hugging Face, 1,908 arXiv listing, 8,582 together', () => {
    const outDirs = { hf: 'hf', arxiv: 'arxiv', both: 'both' };
    const scratch = mkdtempSync(join(tmpdir(), 'daily-papers-all-'));
    try {
      const run = (inputs: string[], dir: string) => ingest({ inputs, outDir: join(scratch, dir) });
      const hf = run([hfDailyData], outDirs.hf);
      const arxiv = run([arxivListingData], outDirs.arxiv);
      const both = run([hfDailyData, arxivListingData], outDirs.both);
      for (const summary of [hf, arxiv, both]) expect(summary.diagnostics).toEqual([]);
      expect([hf.written, arxiv.written, both.written]).toEqual([6747, 1908, 8582]);
      expect(arxiv.read).toBe(3909); // every line, cross-listed repeats included
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('keeps the newest abstract of an arXiv paper fetched again with a correction', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'daily-papers-listing-'));
    try {
      ingest({ inputs: [arxivListingData], outDir: scratch });
      const newest = new Map<string, string>();
      for (const name of readdirSync(arxivListingData).sort()) {
        for (const line of readFileSync(join(arxivListingData, name), 'utf8').split('\n').filter(Boolean)) {
          const record = JSON.parse(line) as { id: string; summary: string };
          newest.set(record.id, record.summary);
        }
      }
      const collection = readCollection(scratch);
      for (const [id, summary] of newest) {
        const paragraphs = summary.split(/\n[ \t]*\n|\n[ \t]+/).map(collapse).filter(Boolean).map(withStoredMaths);
        expect(abstractText(collection.get(`${id}.md`)!.body), id).toEqual(paragraphs);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('ingest across runs', () => {
  it('gives the same files whether the days are ingested together or one by one, newest first', () => {
    const together = mkdtempSync(join(tmpdir(), 'daily-papers-together-'));
    const oneByOne = mkdtempSync(join(tmpdir(), 'daily-papers-one-by-one-'));
    try {
      const files = fixtureDays.map((day) => join(hfDailyData, `${day}.json`));
      ingest({ inputs: files, outDir: together });
      for (const file of files.toReversed()) ingest({ inputs: [file], outDir: oneByOne });
      const a = readCollection(together);
      const b = readCollection(oneByOne);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [name, file] of a) expect(b.get(name)?.text, name).toBe(file.text);
    } finally {
      rmSync(together, { recursive: true, force: true });
      rmSync(oneByOne, { recursive: true, force: true });
    }
  });
});
