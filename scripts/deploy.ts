#!/usr/bin/env node
// Command-line entry point: `npm run deploy [-- --dry-run] [--concurrency N] [--dist DIR]`.
import { join } from 'node:path';
import { environmentSettingsOrExit, parseCommandLine, USAGE_EXIT, usageError } from '../src/cli/command-line.ts';
import { DeployFailed } from '../src/deploy/failure.ts';
import { terminalBar } from '../src/deploy/progress.ts';
import { deploy } from '../src/deploy/run.ts';
import { isFile } from '../src/fs/files.ts';
import { deploySettingsSchema } from '../src/schema/settings.ts';

const USAGE = `usage: npm run deploy [-- --dry-run] [--concurrency N] [--dist DIR]
Uploads the build to S3-compatible object storage (AWS S3, Cloudflare R2, MinIO), only the files
that changed, then deletes the objects the build no longer has (docs/deploy.md).
  --dry-run        print what would be uploaded and deleted, and change nothing
  --concurrency N  uploads at once (default 16)
  --dist DIR       the build (default: dist)
settings, from the environment only:
  DEPLOY_BUCKET            the bucket (required)
  DEPLOY_PREFIX            a folder of the bucket to deploy into, like daily/ (default: the whole bucket)
  DEPLOY_ENDPOINT          the storage's address, for R2, MinIO and others (default: AWS S3)
  DEPLOY_REGION            the bucket's region (default us-east-1; auto for R2)
  DEPLOY_FORCE_PATH_STYLE  true to address the bucket as https://host/bucket/ (MinIO)
  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   the keys (or any other source the AWS SDK reads)
exit codes: 0 deployed, or nothing to do; 1 the storage failed (unreachable, keys refused, access
denied, no such bucket); 2 usage or settings error, or no build`;

const { values } = parseCommandLine(
  { options: { 'dry-run': { type: 'boolean', default: false }, concurrency: { type: 'string', default: '16' }, dist: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } } },
  USAGE,
);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) usageError('--concurrency takes a whole number from 1 to 256', USAGE);
// A folder that is not a build would have the whole site deleted from the bucket.
if (!isFile(join(values.dist, 'index.html'))) {
  console.error(`no build in ${values.dist} (no index.html): run npm run build first`);
  process.exit(USAGE_EXIT);
}
const settings = environmentSettingsOrExit(deploySettingsSchema);

try {
  await deploy({
    settings,
    dist: values.dist,
    concurrency,
    dryRun: values['dry-run'],
    report: (line) => console.log(line),
    warn: (line) => console.error(line),
    // A progress bar only where a person watches: never in logs, pipes or cron mail.
    progressBar: process.stderr.isTTY ? terminalBar : undefined,
  });
} catch (error) {
  if (!(error instanceof DeployFailed)) throw error;
  console.error(error.message);
  process.exit(error.exitCode);
}
