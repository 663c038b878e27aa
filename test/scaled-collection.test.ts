import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/run.ts';
import { ARXIV_ID } from '../src/schema/paper.ts';
import { dayFiles, idAllocator, spanWeeks, writeFreshDay, writeScaledCollection } from '../scripts/tooling/scaled-collection.ts';
import { hfDailyData } from './support/locations.ts';

interface Item {
  paper: { id: string; publishedAt: string; submittedOnDailyAt?: string };
  publishedAt: string;
}

const WEEK_MS = 7 * 86_400_000;
const realDays = dayFiles(hfDailyData).map(({ day }) => day);
const readDay = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Item[];
const weekday = (day: string) => new Date(day).getUTCDay();

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'daily-papers-scaled-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a scaled collection of the real Hugging Face days', () => {
  const scale = 3;
  let outDir: string;
  let days: Map<string, Item[]>;

  beforeAll(() => {
    outDir = join(scratch, 'three');
    writeScaledCollection({ source: hfDailyData, outDir, scale });
    days = new Map(readdirSync(outDir).sort().map((name) => [name.slice(0, 10), readDay(outDir, name)]));
  });

  it('spans the real days rounded up to whole weeks, so copies do not overlap', () => {
    expect(spanWeeks(realDays)).toBe(76);
    expect(days.size).toBe(scale * realDays.length);
  });

  it('holds k times the real papers, with valid ids unique across copies', () => {
    const ids = [...days.values()].flat().map((item) => item.paper.id);
    expect(ids).toHaveLength(scale * 6749);
    expect(new Set(ids).size).toBe(scale * 6747); // the real data's 6,747 distinct papers, k times
    for (const id of ids) expect(id).toMatch(ARXIV_ID);
  });

  it('keeps copy 0 byte for byte, and moves each other copy back by whole weeks, weekdays kept', () => {
    for (const name of readdirSync(hfDailyData)) expect(readFileSync(join(outDir, name))).toEqual(readFileSync(join(hfDailyData, name)));
    for (const copy of [1, 2]) {
      for (const day of realDays) {
        const moved = new Date(Date.parse(day) - copy * 76 * WEEK_MS).toISOString().slice(0, 10);
        expect(days.has(moved), moved).toBe(true);
        expect(weekday(moved)).toBe(weekday(day));
      }
    }
  });

  it('moves every timestamp of a day with it, and dates each new id by the month its paper was published', () => {
    const real = new Set(realDays);
    for (const [day, items] of days) {
      if (real.has(day)) continue;
      for (const { paper } of items) {
        if (paper.submittedOnDailyAt) expect(paper.submittedOnDailyAt.slice(0, 10)).toBe(day);
        expect(Date.parse(paper.publishedAt)).toBeLessThan(Date.parse(day) + 86_400_000);
        expect(paper.id.slice(0, 4)).toBe(paper.publishedAt.slice(2, 4) + paper.publishedAt.slice(5, 7));
      }
    }
  });

  it('gives a paper listed on two days of a copy one id in that copy, as in the real data', () => {
    const listings = Map.groupBy([...days].flatMap(([day, items]) => items.map((item) => ({ day, id: item.paper.id }))), (entry) => entry.id);
    const repeated = [...listings.values()].filter((entries) => entries.length > 1);
    expect(repeated).toHaveLength(2 * scale);
  });
});

describe('a fractional scale', () => {
  it('takes the newest days of its last copy, next to the copies before it', () => {
    const outDir = join(scratch, 'one-and-a-half');
    const written = writeScaledCollection({ source: hfDailyData, outDir, scale: 1.5 });
    const copyOne = readdirSync(outDir).map((name) => name.slice(0, 10)).filter((day) => day < realDays[0]).sort();
    expect(copyOne).toHaveLength(Math.round(0.5 * realDays.length));
    expect(copyOne.at(-1)).toBe(new Date(Date.parse(realDays.at(-1)!) - 76 * WEEK_MS).toISOString().slice(0, 10));
    expect(written.days).toBe(realDays.length + copyOne.length);
  });

  it('below 1 is the newest real days as they are', () => {
    const outDir = join(scratch, 'a-tenth');
    const written = writeScaledCollection({ source: hfDailyData, outDir, scale: 0.1 });
    expect(readdirSync(outDir).sort()).toEqual(readdirSync(hfDailyData).sort().slice(-37));
    expect(written.lastDay).toBe(realDays.at(-1));
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => writeScaledCollection({ source: hfDailyData, outDir: join(scratch, 'none'), scale: 0 })).toThrow(/positive/);
  });
});

describe('new arXiv ids', () => {
  it('have five digits from 2015 and four before, never one taken, and none before 2007', () => {
    const next = idAllocator(new Set(['2506.99999']));
    expect(next('2025-06-30T12:00:00.000Z')).toBe('2506.99998');
    expect(next('2025-06-01T12:00:00.000Z')).toBe('2506.99997');
    expect(next('2014-12-01T00:00:00.000Z')).toBe('1412.9999');
    expect(next('2007-04-01T00:00:00.000Z')).toBe('0704.9999');
    expect(() => next('2006-12-31T00:00:00.000Z')).toThrow(/start in 2007/);
  });
});

describe('ingest of a small scaled collection', () => {
  it('reads every record with no errors, one paper per id', () => {
    // Three real days, one of them the second listing of 2604.07429, at scale 2.
    const source = join(scratch, 'source');
    mkdirSync(source);
    for (const day of ['2025-01-13', '2026-04-10', '2026-04-16']) copyFileSync(join(hfDailyData, `${day}.json`), join(source, `${day}.json`));
    const data = join(scratch, 'small');
    const written = writeScaledCollection({ source, outDir: data, scale: 2 });
    const summary = ingest({ inputs: [data], outDir: join(scratch, 'small-papers') });
    expect(summary.diagnostics).toEqual([]);
    expect(summary.read).toBe(written.records);
    expect(summary.written).toBe(written.records - 2);
  });

  it('takes one fresh day, dated as asked, whose ids the collection does not have', () => {
    const papers = join(scratch, 'small-papers');
    const taken = readdirSync(papers).map((name) => name.replace(/\.md$/, ''));
    const { file, records } = writeFreshDay({ sourceFile: join(hfDailyData, '2026-06-24.json'), outDir: join(scratch, 'small'), day: '2026-06-25', takenIds: taken });
    const items = readDay(join(scratch, 'small'), '2026-06-25.json');
    expect(file).toBe(join(scratch, 'small', '2026-06-25.json'));
    expect(items).toHaveLength(records);
    for (const { paper } of items) {
      expect(taken).not.toContain(paper.id);
      expect(paper.submittedOnDailyAt?.slice(0, 10)).toBe('2026-06-25');
    }
    const summary = ingest({ inputs: [file], outDir: papers });
    expect(summary.diagnostics).toEqual([]);
    expect(summary.written).toBe(records);
  });
});
