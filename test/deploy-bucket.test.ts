import { describe, expect, it } from 'vitest';
import { MANIFEST_PATH } from '../src/deploy/manifest.ts';
import { startS3Server } from '../scripts/tooling/s3-server.ts';
import { bucketDifferences, deployTo, NO_DIFFERENCES, s3ServerForThisFile, uploadedPaths } from './support/deploy.ts';
import { NEXT_DAY, SMALL_SITE, smallSite, writeSite } from './support/small-site.ts';

const deployed = Object.keys(SMALL_SITE).filter((path) => path !== '_headers').length;

describe('npm run deploy, against a real S3-compatible server on loopback', async () => {
  const server = await s3ServerForThisFile();
  let bucket = 0;
  /** Each test deploys into a folder of the bucket of its own, as if it were a bucket of its own. */
  const newPrefix = () => ({ DEPLOY_PREFIX: `test-${++bucket}/` });

  it("uploads every file of a first deploy, with each file's headers, and the bucket then holds the build byte for byte", async () => {
    const dist = smallSite();
    const env = newPrefix();
    const result = await deployTo(server, dist, { env });
    expect(result.uploaded.length).toBe(deployed);
    expect(result.lines[0]).toMatch(/^no deploy manifest in the bucket yet/);
    expect(result.lines.at(-1)).toMatch(new RegExp(`^deployed to s3://site/test-\\d+/ at http://127\\.0\\.0\\.1:\\d+: uploaded ${deployed} files, \\d+ bytes · deleted 0 · unchanged 0 · [\\d.]+ s$`));
    expect(await bucketDifferences(server, dist, env.DEPLOY_PREFIX)).toEqual(NO_DIFFERENCES);
    const objects = await server.objects();
    const stored = (path: string) => objects.get(env.DEPLOY_PREFIX + path)!;
    expect(stored('papers/2606.09821/index.html')).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=0, must-revalidate', contentEncoding: undefined });
    expect(stored('_astro/Base.Dp9nRoXI.css')).toMatchObject({ contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=31536000, immutable' });
    expect(stored('pagefind/2026-06-10/fragment/en_1a2b3c4.pf_fragment')).toMatchObject({ contentType: 'application/octet-stream', cacheControl: 'public, max-age=31536000, immutable', contentEncoding: undefined });
    expect(stored('rss.xml').contentType).toBe('application/rss+xml; charset=utf-8');
    expect(objects.has(`${env.DEPLOY_PREFIX}_headers`)).toBe(false);
    expect(stored(MANIFEST_PATH)).toMatchObject({ contentType: 'application/json; charset=utf-8', contentEncoding: 'gzip' });
  });

  it('uploads only the new and changed files after a change, deletes the removed ones, and then uploads nothing', async () => {
    const dist = smallSite();
    const env = newPrefix();
    await deployTo(server, dist, { env });
    writeSite(dist, NEXT_DAY);
    const next = await deployTo(server, dist, { env });
    const changed = Object.entries(NEXT_DAY).filter(([, content]) => content !== null).map(([path]) => path).sort();
    expect(uploadedPaths(next)).toEqual(changed);
    expect(next.deleted).toEqual(['_astro/Base.Dp9nRoXI.css', 'papers/2606.17291/index.html']);
    // Unchanged: all but the two removed and the three rewritten in place.
    expect(next.plan.unchanged.length).toBe(deployed - 2 - 3);
    expect(await bucketDifferences(server, dist, env.DEPLOY_PREFIX)).toEqual(NO_DIFFERENCES);

    const again = await deployTo(server, dist, { env });
    expect([again.uploaded, again.deleted]).toEqual([[], []]);
    expect(again.lines).toEqual([expect.stringMatching(/^nothing to deploy: s3:\/\/site\/test-\d+\/ at http:\/\/127\.0\.0\.1:\d+ holds the build's \d+ files \([\d.]+ s\)$/)]);
    expect(again.lines[0]).toContain(`the build's ${next.plan.unchanged.length + next.uploaded.length} files`);
  });

  it.each([
    ['that is not JSON', 'not a manifest', 'is not JSON'],
    ['of the wrong shape', JSON.stringify({ version: 1, files: [{ path: 'index.html', sha256: 'not a hash', size: 1, etag: 'x' }] }), 'is not a deploy manifest (files.0.sha256'],
  ])('takes a manifest in the bucket %s for none, says so, and uploads every file', async (_, manifest, problem) => {
    const dist = smallSite();
    const env = newPrefix();
    await deployTo(server, dist, { env });
    await server.write(env.DEPLOY_PREFIX + MANIFEST_PATH, manifest);
    const result = await deployTo(server, dist, { env });
    expect(result.warnings).toEqual([expect.stringContaining(`the deploy manifest in the bucket (${MANIFEST_PATH}) ${problem}`)]);
    expect(result.warnings[0]).toMatch(/taken for none, every file is uploaded$/);
    expect(result.uploaded.length).toBe(deployed);
    expect(await bucketDifferences(server, dist, env.DEPLOY_PREFIX)).toEqual(NO_DIFFERENCES);
    expect((await deployTo(server, dist, { env })).uploaded).toEqual([]);
  });

  it('changes nothing on a dry run, and prints what it would upload and delete', async () => {
    const dist = smallSite();
    const env = newPrefix();
    await deployTo(server, dist, { env });
    const before = await server.objects();
    writeSite(dist, NEXT_DAY);
    const result = await deployTo(server, dist, { env, dryRun: true });
    expect([result.uploaded, result.deleted]).toEqual([[], []]);
    expect(await server.objects()).toEqual(before);
    expect(result.lines).toEqual([
      expect.stringMatching(/^dry run: nothing is changed in s3:\/\/site\/test-\d+\/ at http:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^would upload 8 files, \d+ bytes:$/),
      expect.stringMatching(/^ {2}content-hashed files: 2 files, \d+ bytes$/),
      '    _astro/Base.C7r2kQxM.css',
      '    pagefind/2026-06-25/fragment/en_9f8e7d6.pf_fragment',
      expect.stringMatching(/^ {2}other files: 3 files/),
      '    feed.json',
      '    pagefind/2026-06-25/pagefind-entry.json',
      '    rss.xml',
      expect.stringMatching(/^ {2}pages: 3 files/),
      '    index.html',
      '    papers/2606.25001/index.html',
      '    papers/date/2026-06-25/index.html',
      'would delete 2 files:',
      '    _astro/Base.Dp9nRoXI.css',
      '    papers/2606.17291/index.html',
      `would leave ${deployed - 2 - 3} files as they are`,
    ]);
  });

  it('deploys into its prefix only, leaving the rest of the bucket alone', async () => {
    const dist = smallSite();
    const env = newPrefix();
    await server.write('elsewhere/keep.txt', 'not the site');
    await server.write(`${env.DEPLOY_PREFIX}stale/index.html`, 'an older page');
    const result = await deployTo(server, dist, { env });
    expect(result.deleted).toEqual(['stale/index.html']);
    expect((await server.objects()).get('elsewhere/keep.txt')?.bytes.toString()).toBe('not the site');
    expect(await bucketDifferences(server, dist, env.DEPLOY_PREFIX)).toEqual(NO_DIFFERENCES);
  });
});

describe('npm run deploy, against a server that throttles', () => {
  it('retries the uploads it refused with backoff, and the bucket then holds the build', async () => {
    const server = await startS3Server({ faults: { throttleFirst: 6 } });
    try {
      const dist = smallSite();
      const result = await deployTo(server, dist);
      expect(result.uploaded.length).toBe(deployed);
      expect(await bucketDifferences(server, dist)).toEqual(NO_DIFFERENCES);
    } finally {
      await server.close();
    }
  });
});
