import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/lib/site.ts';
import { openDataDaySchema, openDataIndexSchema, openDataMonthSchema } from '../../src/schema/open-data.ts';
import { paperSchema } from '../../src/schema/paper.ts';
import { byRank, daysOf, fixturePapers } from '../support/fixture-papers.ts';
import { gateBuilds, sites } from '../support/locations.ts';

const papers = fixturePapers(sites.fixture.papers);
const days = daysOf(papers);
const months = [...new Set(days.map((day) => day.slice(0, 7)))];
const recentDays = days.slice(-site.recentDays);
const listedOn = (day: string) => papers.filter((paper) => paper.days.includes(day));

describe.each(gateBuilds)('the open data of the fixture build $name', ({ base, dist }) => {
  const json = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8'));

  const monthFile = (month: string) => JSON.parse(gunzipSync(readFileSync(join(dist, `data/months/${month}.json.gz`))).toString('utf8'));

  it('lists every day and month with papers in /data/index.json, with its count and where its records and page are', () => {
    const index = openDataIndexSchema.parse(json('data/index.json'));
    expect(index.days).toEqual(days.map((day) => ({
      day,
      count: listedOn(day).length,
      month: day.slice(0, 7),
      ...(recentDays.includes(day) ? { data: `${base}data/days/${day}.json` } : {}),
      page: `${base}papers/date/${day}/`,
    })));
    expect(index.months).toEqual(months.map((month) => ({
      month,
      count: papers.filter((paper) => paper.days.some((day) => day.startsWith(month))).length,
      data: `${base}data/months/${month}.json.gz`,
    })));
  });

  it('writes a file of its own for each of the newest days only, and one gzipped file for each month', () => {
    expect(readdirSync(join(dist, 'data/days')).sort()).toEqual(recentDays.map((day) => `${day}.json`));
    expect(readdirSync(join(dist, 'data/months')).sort()).toEqual(months.map((month) => `${month}.json.gz`));
  });

  it("holds every day of a month in the month's file, each as the day's own file has it", () => {
    for (const month of months) {
      const parsed = openDataMonthSchema.parse(monthFile(month));
      expect(parsed.month).toBe(month);
      expect(parsed.days.map((day) => day.day)).toEqual(days.filter((day) => day.startsWith(month)));
      for (const day of parsed.days) {
        expect(day.papers.map((record) => record.paper.id), day.day).toEqual(listedOn(day.day).sort(byRank).map((paper) => paper.id));
        const own = join(dist, `data/days/${day.day}.json`);
        if (existsSync(own)) expect(day).toEqual(json(`data/days/${day.day}.json`));
      }
    }
  });

  it("holds each day's records, valid against the paper schema, by upvotes, with their abstracts", () => {
    for (const day of days) {
      const file = monthFile(day.slice(0, 7)).days.find((entry: { day: string }) => entry.day === day);
      const parsed = openDataDaySchema.parse(file);
      expect(parsed.day).toBe(day);
      const expected = listedOn(day).sort(byRank);
      expect(parsed.papers.map((record) => record.paper.id), day).toEqual(expected.map((paper) => paper.id));
      for (const [i, record] of file.papers.entries()) {
        // The record is what the paper's file holds, in the schema's fields and nothing else.
        const { abstract, ...frontMatter } = expected[i];
        expect(paperSchema.parse(record.paper)).toEqual(record.paper);
        expect(record.paper).toEqual(frontMatter);
        expect(record.abstract.split('\n\n')).toEqual(abstract);
      }
    }
  });
});
