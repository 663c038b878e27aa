import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/run.ts';
import { firstListed } from '../src/lib/papers.ts';
import { planSearchShards, searchPhases, shardOfDay } from '../src/lib/search-shards.ts';
import type { Paper } from '../src/schema/paper.ts';
import { readCollection } from './support/collection.ts';
import { hfDailyData } from './support/locations.ts';

describe('search index shards, over the Hugging Face archive', () => {
  let work: string;
  let days: string[];
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'daily-papers-shards-'));
    ingest({ inputs: [hfDailyData], outDir: work });
    days = [...readCollection(work).values()].map((file) => firstListed(file.data as Paper));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fills shards with whole days, oldest first, never past their capacity unless one day alone is larger', () => {
    const capacity = 1000;
    const shards = planSearchShards(days, capacity);
    expect(shards.reduce((sum, shard) => sum + shard.papers, 0)).toBe(days.length);
    expect(shards.length).toBeGreaterThanOrEqual(Math.ceil(days.length / capacity));
    for (const [i, shard] of shards.entries()) {
      expect(shard.papers).toBeLessThanOrEqual(capacity);
      expect(shard.id <= shard.to).toBe(true);
      if (i > 0) expect(shards[i - 1].to < shard.id).toBe(true);
      // Every paper of the shard's days is in it, and no other.
      expect(days.filter((day) => day >= shard.id && day <= shard.to).length).toBe(shard.papers);
    }
    expect(planSearchShards(['2026-01-01', '2026-01-01', '2026-01-01'], 2)).toEqual([{ id: '2026-01-01', to: '2026-01-01', papers: 3 }]);
  });

  it('keeps every shard but the newest as it was when later days are added', () => {
    const sorted = days.toSorted();
    const cut = sorted[Math.floor(sorted.length * 0.8)];
    const before = planSearchShards(sorted.filter((day) => day < cut), 700);
    const after = planSearchShards(sorted, 700);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    expect(after.at(before.length - 1)!.id).toBe(before.at(-1)!.id);
  });

  it('finds the shard of any day, including days between and after the shards', () => {
    const shards = planSearchShards(days, 500);
    for (const day of new Set(days)) {
      const shard = shardOfDay(shards, day);
      expect(day >= shard.id && day <= shard.to).toBe(true);
    }
    expect(shardOfDay(shards, '2099-01-01')).toBe(shards.at(-1));
    expect(shardOfDay(shards, '1999-01-01')).toBe(shards[0]);
  });

  it('searches the newest shard first, then all of them', () => {
    const shards = planSearchShards(days, 500);
    const newest = shards.map((shard) => shard.id).reverse();
    expect(searchPhases(shards)).toEqual([newest.slice(0, 1), newest]);
    const single = planSearchShards(days, days.length);
    expect(searchPhases(single)).toEqual([[single[0].id], []]);
    expect(searchPhases([])).toEqual([[], []]);
  });
});
