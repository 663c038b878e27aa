import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PATH } from '../src/deploy/manifest.ts';
import { bucketDifferences, deployTo, NO_DIFFERENCES, s3ServerForThisFile } from './support/deploy.ts';
import { NEXT_DAY, SMALL_SITE, smallSite, writeSite } from './support/small-site.ts';
import { projectRoot } from './support/locations.ts';
import { runScript } from './support/run-script.ts';
import { scratchFolder } from './support/scratch.ts';

/** A port of 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

describe('npm run deploy, as an owner runs it', async () => {
  // Each upload held 100 ms, so that a deploy can be stopped half-way.
  const server = await s3ServerForThisFile({ putDelayMs: 100 });
  let bucket = 0;
  const newPrefix = () => `cli-${++bucket}/`;
  const deployCli = (dist: string, env: Record<string, string>, args: string[] = []) => runScript('deploy.ts', ['--dist', dist, ...args], { ...server.env, ...env });

  it('exits 2 without a bucket or a build, or with a bad option, before it connects to anything', async () => {
    const dist = smallSite();
    expect(await deployCli(dist, { DEPLOY_BUCKET: '' })).toEqual({ code: 2, stdout: '', stderr: 'invalid settings in the environment:\n  DEPLOY_BUCKET: not set: name the bucket to deploy to\n' });
    const empty = scratchFolder('deploy-empty');
    expect(await deployCli(empty, {})).toEqual({ code: 2, stdout: '', stderr: `no build in ${empty} (no index.html): run npm run build first\n` });
    expect(await deployCli(dist, {}, ['--concurrency', '0'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--concurrency takes a whole number from 1 to 256\nusage: npm run deploy/) });
  });

  it.each([
    ['a wrong secret', { AWS_SECRET_ACCESS_KEY: 'wrong-secret-4f7c2a' }, 'SignatureDoesNotMatch'],
    ['an unknown key', { AWS_ACCESS_KEY_ID: 'AKIAWRONGKEY4F7C2A', AWS_SECRET_ACCESS_KEY: 'wrong-secret-4f7c2a' }, 'InvalidAccessKeyId'],
  ])('exits 1 with %s, saying so in one line that names the bucket and never the secret, and changes nothing', async (_, keys, code) => {
    const dist = smallSite();
    const prefix = newPrefix();
    await deployTo(server, dist, { env: { DEPLOY_PREFIX: prefix } });
    const before = await server.objects();
    writeSite(dist, NEXT_DAY);
    const result = await deployCli(dist, { ...keys, DEPLOY_PREFIX: prefix });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `deploy to s3://site/${prefix} at ${server.endpoint} failed while listing the bucket: the storage refused the keys (HTTP 403 ${code}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n`,
    });
    expect(result.stderr).not.toContain('wrong-secret');
    expect(await server.objects()).toEqual(before);
  });

  it('exits 1 within seconds when the storage cannot be reached, naming where it tried', async () => {
    const port = await closedPort();
    const started = performance.now();
    const result = await deployCli(smallSite(), { DEPLOY_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(result).toEqual({ code: 1, stdout: '', stderr: `deploy to s3://site/ at http://127.0.0.1:${port} failed while listing the bucket: the storage could not be reached (ECONNREFUSED after 5 tries)\n` });
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('exits 1 when there is no such bucket', async () => {
    expect(await deployCli(smallSite(), { DEPLOY_BUCKET: 'no-such-bucket' })).toMatchObject({ code: 1, stderr: `deploy to s3://no-such-bucket/ at ${server.endpoint} failed while listing the bucket: there is no such bucket (HTTP 404 NoSuchBucket)\n` });
  });

  it('prints what a dry run would upload and delete, exits 0, and changes nothing', async () => {
    const dist = smallSite();
    const prefix = newPrefix();
    await deployTo(server, dist, { env: { DEPLOY_PREFIX: prefix } });
    const before = await server.objects();
    writeSite(dist, NEXT_DAY);
    const result = await deployCli(dist, { DEPLOY_PREFIX: prefix }, ['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^dry run: nothing is changed in s3:\/\/site\/cli-\d+\/ at http:\/\/127\.0\.0\.1:\d+\nwould upload 8 files, [\d.]+ (bytes|kB):\n/);
    expect(result.stdout).toContain('would delete 2 files:\n    _astro/Base.Dp9nRoXI.css\n    papers/2606.17291/index.html\n');
    expect(await server.objects()).toEqual(before);
  });

  describe('killed half-way', () => {
    /**
     * Deploys the small site, then starts a deploy of the next day's build one upload at a time
     * and kills it (SIGKILL: nothing of it runs after) once it has stored three objects: the two
     * content-hashed files and the first of the others, written over the object of the first deploy.
     */
    async function deployKilledHalfWay(): Promise<{ prefix: string; first: string; next: string }> {
      const [first, next] = [smallSite(), smallSite()];
      writeSite(next, NEXT_DAY);
      const prefix = newPrefix();
      await deployTo(server, first, { env: { DEPLOY_PREFIX: prefix } });
      const manifest = (await server.objects()).get(prefix + MANIFEST_PATH)!.bytes;
      const stored = server.stored();
      const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'deploy.ts'), '--dist', next, '--concurrency', '1'], { env: { PATH: process.env.PATH!, ...server.env, DEPLOY_PREFIX: prefix }, stdio: 'ignore' });
      const exited = once(child, 'exit');
      await server.storedAtLeast(stored + 3);
      child.kill('SIGKILL');
      expect(await exited).toEqual([null, 'SIGKILL']);
      const differences = await bucketDifferences(server, next, prefix);
      expect(differences.missing.length + differences.differing.length).toBeGreaterThan(0);
      expect((await server.objects()).get(prefix + MANIFEST_PATH)!.bytes).toEqual(manifest);
      return { prefix, first, next };
    }

    it('and run again, converges: the bucket holds the build', async () => {
      const { prefix, next } = await deployKilledHalfWay();
      expect(await deployCli(next, { DEPLOY_PREFIX: prefix })).toMatchObject({ code: 0, stderr: '' });
      expect(await bucketDifferences(server, next, prefix)).toEqual(NO_DIFFERENCES);
    });

    it('and run again with the build before it, converges to that one, the objects the killed deploy wrote over included', async () => {
      const { prefix, first } = await deployKilledHalfWay();
      expect(await deployCli(first, { DEPLOY_PREFIX: prefix })).toMatchObject({ code: 0, stderr: '' });
      expect(await bucketDifferences(server, first, prefix)).toEqual(NO_DIFFERENCES);
    });
  });
});
