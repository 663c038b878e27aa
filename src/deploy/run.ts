import { plural } from '../lib/wording.ts';
import type { ManifestEntry } from '../schema/deploy-manifest.ts';
import type { DeploySettings } from '../schema/settings.ts';
import { openBucket, type Bucket } from './bucket.ts';
import { deployFailure } from './failure.ts';
import { decodeManifest, encodeManifest, MANIFEST_PATH, type Manifest } from './manifest.ts';
import { planDeploy, type DeployPlan } from './plan.ts';
import type { ProgressBar } from './progress.ts';
import { type SiteFile, siteFiles } from './site-files.ts';
import { dryRunLines, filesAndSize, summaryLine } from './summary.ts';
import { UploadFailed, uploadFiles } from './uploader.ts';

export interface DeployOptions {
  settings: DeploySettings;
  /** The build's folder. */
  dist: string;
  /** Uploads at once. */
  concurrency: number;
  /** Only say what would change. */
  dryRun?: boolean;
  /** Summary lines (standard output). */
  report: (line: string) => void;
  /** Problems that do not stop the deploy (standard error). */
  warn: (line: string) => void;
  /** A progress bar for each wave of uploads; none unless given. */
  progressBar?: (wave: string, files: number) => ProgressBar;
}

export interface DeployResult {
  plan: DeployPlan;
  /** The files uploaded and the objects deleted: none in a dry run. */
  uploaded: SiteFile[];
  deleted: string[];
  seconds: number;
}

/** The manifest is ours, never a reader's: gzipped JSON, not to be cached. */
const MANIFEST_HEADERS = { contentType: 'application/json; charset=utf-8', contentEncoding: 'gzip', cacheControl: 'no-store' };

/**
 * `npm run deploy`: makes the bucket hold the build in `dist`, uploading only what changed. In
 * order, so that a reader never meets a missing file: the bucket listed and its manifest read,
 * the plan made (src/deploy/plan.ts), its waves of uploads one after the other (the files
 * pages name, then the pages), the new manifest, and last the deletions. Throws a DeployFailed
 * (one line, the bucket named, never the keys) at the first step that fails for good; what was
 * done by then is safe, and the next deploy converges from it.
 */
export async function deploy({ settings, dist, concurrency, dryRun = false, report, warn, progressBar }: DeployOptions): Promise<DeployResult> {
  const started = performance.now();
  const bucket = openBucket(settings);
  const step = async <T>(doing: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof UploadFailed ? deployFailure(error.cause, bucket.where, `uploading ${error.path}`) : deployFailure(error, bucket.where, doing);
    }
  };
  try {
    // The listing first: wrong keys, a missing bucket or an unreachable server stop the deploy before anything is read or written.
    const objects = await step('listing the bucket', () => bucket.list());
    const manifest = await step('reading its manifest', () => readManifest(bucket, { report, warn }));
    const files = siteFiles(dist);
    const plan = planDeploy(files, objects, manifest);
    const seconds = () => (performance.now() - started) / 1000;
    if (dryRun) {
      for (const line of dryRunLines(plan, bucket.where)) report(line);
      return { plan, uploaded: [], deleted: [], seconds: seconds() };
    }

    const etags = new Map<string, string>();
    for (const { name, files: wave } of plan.waves.filter((candidate) => candidate.files.length > 0)) {
      const bar = progressBar?.(name, wave.length);
      try {
        const uploaded = await step(`uploading ${name}`, () => uploadFiles(bucket, dist, wave, { concurrency, onUploaded: (file) => bar?.advance(file.size) }));
        for (const [path, etag] of uploaded) etags.set(path, etag);
      } finally {
        bar?.stop();
      }
      report(`uploaded ${name}: ${filesAndSize(wave)}`);
    }
    const uploaded = plan.waves.flatMap((wave) => wave.files);
    if (uploaded.length > 0 || plan.deletions.length > 0) {
      const entries: ManifestEntry[] = files.map((file) => (etags.has(file.path) ? { ...file, etag: etags.get(file.path)! } : manifest.get(file.path)!));
      await step('writing its manifest', () => bucket.write(MANIFEST_PATH, encodeManifest(entries), MANIFEST_HEADERS));
    }
    if (plan.deletions.length > 0) {
      await step('deleting what the build no longer has', () => bucket.remove(plan.deletions));
      report(`deleted ${plural(plan.deletions.length, 'file', 'files')} the build no longer has`);
    }
    const result = { plan, uploaded, deleted: plan.deletions, seconds: seconds() };
    report(summaryLine({ where: bucket.where, uploaded, deleted: plan.deletions.length, unchanged: plan.unchanged.length, seconds: result.seconds }));
    return result;
  } finally {
    bucket.close();
  }
}

/**
 * The bucket's manifest: none when there is none yet (a first deploy), or when what is there is
 * not one (anyone who may write to the bucket may write it), which is said; either way every
 * file is then uploaded.
 */
async function readManifest(bucket: Bucket, { report, warn }: Pick<DeployOptions, 'report' | 'warn'>): Promise<Manifest> {
  const bytes = await bucket.read(MANIFEST_PATH);
  if (bytes === undefined) {
    report(`no deploy manifest in the bucket yet (${MANIFEST_PATH}): every file is uploaded`);
    return new Map();
  }
  const decoded = decodeManifest(bytes);
  if ('problem' in decoded) {
    warn(`the deploy manifest in the bucket (${MANIFEST_PATH}) is ${decoded.problem}: taken for none, every file is uploaded`);
    return new Map();
  }
  return decoded.manifest;
}
