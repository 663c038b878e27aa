import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../src/ingest/merge.ts';
import { ingest } from '../src/ingest/run.ts';
import type { PaperDocument } from '../src/schema/paper.ts';
import { readCollection } from './support/collection.ts';
import { scratchFolder } from './support/scratch.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const record = (title: string, extra: Partial<PaperDocument['paper']> = {}): PaperDocument => ({
  paper: { id: '2606.11111', title, authors: ['A. Author'], days: ['2026-06-24'], sources: ['jsonl'], ...extra },
  abstract: `The abstract of ${title}.`,
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('merging records of one paper', () => {
  it('gives the same paper whatever order the records of one paper come in', () => {
    const records = [record('A'), record('B', { upvotes: 3 }), record('C', { days: ['2026-06-23'], comments: 9 }), record('D', { upvotes: 3 })];
    const results = permutations(records).map((order) => JSON.stringify(mergeDocuments(order)));
    expect(new Set(results).size).toBe(1);
  });

  it('takes the snapshot of the latest day, then the higher counts, and keeps the fields it lacks', () => {
    const merged = mergeDocuments([record('Old', { upvotes: 50, comments: 4 }), record('New', { days: ['2026-06-25'], upvotes: 1 })]);
    expect(merged.paper).toMatchObject({ title: 'New', upvotes: 1, comments: 4, days: ['2026-06-24', '2026-06-25'] });
    expect(mergeDocuments([record('Many', { upvotes: 7 }), record('Few', { upvotes: 1 })]).paper.title).toBe('Many');
  });

  it('writes the same file whether two files of one day are ingested A then B or B then A, in one run or two', () => {
    const inputs = scratchFolder('merge-order');
    const line = (title: string) => `${JSON.stringify({ id: '2606.11111', title, authors: ['A. Author'], day: '2026-06-24', abstract: `About ${title}.` })}\n`;
    writeFileSync(join(inputs, 'a.jsonl'), line('Title A'));
    writeFileSync(join(inputs, 'b.jsonl'), line('Title B'));
    const [a, b] = [join(inputs, 'a.jsonl'), join(inputs, 'b.jsonl')];
    const outputs = [[[a, b]], [[b, a]], [[a], [b]], [[b], [a]]].map((runs) => {
      const out = scratchFolder('merge-order-out');
      for (const run of runs) expect(ingest({ inputs: run, outDir: out }).errors).toBe(0);
      return [...readCollection(out).values()].map((file) => file.text);
    });
    for (const output of outputs) expect(output).toEqual(outputs[0]);
  });
});
