import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';
import { deploy, type DeployResult } from '../../src/deploy/run.ts';
import { MANIFEST_PATH } from '../../src/deploy/manifest.ts';
import { filesUnder } from '../../src/fs/files.ts';
import { deploySettingsSchema, readSettings } from '../../src/schema/settings.ts';
import { startS3Server, type Faults, type S3Server } from '../../scripts/tooling/s3-server.ts';

/** A loopback S3 server for the tests of this file, stopped after them. */
export async function s3ServerForThisFile(faults?: Faults): Promise<S3Server> {
  const server = await startS3Server({ faults });
  afterAll(() => server.close());
  return server;
}

/**
 * Deploys `dist` to the server's bucket with `npm run deploy`'s own function, in this process:
 * the keys in the environment only while it runs (the SDK's credential chain reads them there).
 */
export async function deployTo(server: S3Server, dist: string, { dryRun = false, concurrency = 4, env = {} }: { dryRun?: boolean; concurrency?: number; env?: Record<string, string> } = {}): Promise<DeployResult & { lines: string[]; warnings: string[] }> {
  const all = { ...server.env, ...env };
  const lines: string[] = [];
  const warnings: string[] = [];
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) vi.stubEnv(name, all[name]);
  try {
    const result = await deploy({ settings: readSettings(deploySettingsSchema, all), dist, concurrency, dryRun, report: (line) => lines.push(line), warn: (line) => warnings.push(line) });
    return { ...result, lines, warnings };
  } finally {
    vi.unstubAllEnvs();
  }
}

/** The paths of a deploy's uploads, sorted. */
export const uploadedPaths = (result: DeployResult) => result.uploaded.map((file) => file.path).sort();

/**
 * How the bucket (under `prefix`) differs from the build in `dist`, byte for byte: the files it
 * lacks, the objects the build does not have (the manifest aside), and those whose bytes differ.
 * `_headers` is for other hosts and is never deployed.
 */
export async function bucketDifferences(server: S3Server, dist: string, prefix = ''): Promise<{ missing: string[]; extra: string[]; differing: string[] }> {
  const objects = await server.objects();
  const local = filesUnder(dist).filter((path) => path !== '_headers');
  const stored = [...objects.keys()].filter((key) => key.startsWith(prefix) && key !== prefix + MANIFEST_PATH).map((key) => key.slice(prefix.length));
  return {
    missing: local.filter((path) => !objects.has(prefix + path)),
    extra: stored.filter((path) => !local.includes(path)),
    differing: local.filter((path) => objects.has(prefix + path) && !objects.get(prefix + path)!.bytes.equals(readFileSync(join(dist, path)))),
  };
}

export const NO_DIFFERENCES = { missing: [], extra: [], differing: [] };
