import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployResult } from '../src/deploy/run.ts';
import { siteFiles, type SiteFile } from '../src/deploy/site-files.ts';
import { ingest } from '../src/ingest/run.ts';
import { buildSite } from './support/build-site.ts';
import { bucketDifferences, deployTo, NO_DIFFERENCES, s3ServerForThisFile, uploadedPaths } from './support/deploy.ts';
import { hfDailyData } from './support/locations.ts';

/** Two real days, then the next one, as `npm run update` adds it. */
const DAYS = ['2026-06-22', '2026-06-23'];
const NEW_DAY = '2026-06-24';

describe('npm run deploy of a real build, and of that build grown by a new day', async () => {
  const server = await s3ServerForThisFile();
  const work = mkdtempSync(join(tmpdir(), 'daily-papers-deploy-site-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const papersDir = join(work, 'papers');
  const dist = join(work, 'dist');
  const build = () => buildSite({ papersDir, outDir: dist, config: { cacheDir: join(work, 'cache') } });
  const ingestDays = (days: string[]) => expect(ingest({ inputs: days.map((day) => join(hfDailyData, `${day}.json`)), outDir: papersDir }).errors).toBe(0);

  let before: SiteFile[];
  let first: DeployResult;
  let firstDifferences: Awaited<ReturnType<typeof bucketDifferences>>;
  let after: SiteFile[];
  let next: DeployResult;
  beforeAll(async () => {
    ingestDays(DAYS);
    build();
    before = siteFiles(dist);
    first = await deployTo(server, dist, { concurrency: 16 });
    firstDifferences = await bucketDifferences(server, dist);
    // The daily update: the new day ingested into the same collection, the site built again
    // into the same folder from the last build's cache.
    ingestDays([NEW_DAY]);
    build();
    after = siteFiles(dist);
    next = await deployTo(server, dist, { concurrency: 16 });
  }, 600_000);

  it('uploads a first deploy whole, and the bucket then holds the build byte for byte, each kind of file with its headers', async () => {
    expect(before.length).toBeGreaterThan(200);
    expect(first.uploaded.length).toBe(before.length);
    expect(firstDifferences).toEqual(NO_DIFFERENCES);
    const objects = await server.objects();
    const pick = (pattern: RegExp) => objects.get(after.find((file) => pattern.test(file.path))!.path)!;
    expect(pick(/^papers\/\d{4}\.\d{5}\/index\.html$/)).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=0, must-revalidate', contentEncoding: undefined });
    expect(pick(/^_astro\/.+\.css$/)).toMatchObject({ contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=31536000, immutable' });
    expect(pick(/^pagefind\/[^/]+\/fragment\/.+\.pf_fragment$/)).toMatchObject({ contentType: 'application/octet-stream', cacheControl: 'public, max-age=31536000, immutable', contentEncoding: undefined });
    expect(pick(/^pagefind\/[^/]+\/wasm\.en\.pagefind$/)).toMatchObject({ contentType: 'application/octet-stream', cacheControl: 'public, max-age=0, must-revalidate', contentEncoding: undefined });
    expect(pick(/^pagefind\/[^/]+\/pagefind-entry\.json$/)).toMatchObject({ contentType: 'application/json; charset=utf-8', cacheControl: 'public, max-age=0, must-revalidate' });
    expect(pick(/^rss\.xml$/).contentType).toBe('application/rss+xml; charset=utf-8');
  });

  it('uploads, after the new day, only the files it added or changed, deletes those it removed, and the bucket holds the new build byte for byte', async () => {
    const was = new Map(before.map((file) => [file.path, file.sha256]));
    const changed = after.filter((file) => was.get(file.path) !== file.sha256).map((file) => file.path).sort();
    const kept = new Set(after.map((file) => file.path));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(after.length / 2);
    expect(uploadedPaths(next)).toEqual(changed);
    expect(next.deleted).toEqual(before.filter((file) => !kept.has(file.path)).map((file) => file.path).sort());
    expect(next.plan.unchanged.length).toBe(after.length - changed.length);
    expect(await bucketDifferences(server, dist)).toEqual(NO_DIFFERENCES);
  });
});
