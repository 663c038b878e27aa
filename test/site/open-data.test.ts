import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataDaySchema, openDataIndexSchema } from '../../src/schema/open-data.ts';
import { paperSchema } from '../../src/schema/paper.ts';
import { byUpvotes, daysOf, fixturePapers } from '../support/fixture-papers.ts';
import { gateBuilds, sites } from '../support/locations.ts';

const papers = fixturePapers(sites.fixture.papers);
const days = daysOf(papers);

describe.each(gateBuilds)('the open data of the fixture build $name', ({ base, dist }) => {
  const json = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8'));

  it('lists every day with papers in /data/index.json, with its count and where its records and page are', () => {
    const index = openDataIndexSchema.parse(json('data/index.json'));
    expect(index.days).toEqual(days.map((day) => ({
      day,
      count: papers.filter((paper) => paper.days.includes(day)).length,
      data: `${base}data/days/${day}.json`,
      page: `${base}papers/date/${day}/`,
    })));
  });

  it("holds each day's records, valid against the paper schema, by upvotes, with their abstracts", () => {
    for (const day of days) {
      const file = json(`data/days/${day}.json`);
      const parsed = openDataDaySchema.parse(file);
      expect(parsed.day).toBe(day);
      const expected = papers.filter((paper) => paper.days.includes(day)).sort(byUpvotes);
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
