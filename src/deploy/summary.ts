import { decimalSize } from '../lib/byte-size.ts';
import { plural } from '../lib/wording.ts';
import type { DeployPlan } from './plan.ts';
import type { SiteFile } from './site-files.ts';

/** Paths a dry run lists of each kind; the rest are counted. */
const LISTED = 20;

const totalSize = (files: readonly SiteFile[]) => files.reduce((sum, file) => sum + file.size, 0);

/** `120 files, 3.4 MB` */
export function filesAndSize(files: readonly SiteFile[]): string {
  return `${plural(files.length, 'file', 'files')}, ${decimalSize(totalSize(files))}`;
}

/** What a dry run prints: what would be uploaded, wave by wave, and deleted, with their paths (the first LISTED of each). */
export function dryRunLines(plan: DeployPlan, where: string): string[] {
  const listed = (paths: readonly string[]) => [...paths.slice(0, LISTED).map((path) => `    ${path}`), ...(paths.length > LISTED ? [`    ... and ${(paths.length - LISTED).toLocaleString('en-US')} more`] : [])];
  const uploads = plan.waves.flatMap((wave) => wave.files);
  return [
    `dry run: nothing is changed in ${where}`,
    `would upload ${filesAndSize(uploads)}${uploads.length > 0 ? ':' : ''}`,
    ...plan.waves.filter((wave) => wave.files.length > 0).flatMap((wave) => [`  ${wave.name}: ${filesAndSize(wave.files)}`, ...listed(wave.files.map((file) => file.path))]),
    `would delete ${plural(plan.deletions.length, 'file', 'files')}${plan.deletions.length > 0 ? ':' : ''}`,
    ...listed(plan.deletions),
    `would leave ${plural(plan.unchanged.length, 'file', 'files')} as they are`,
  ];
}

/** The last line of a deploy: `deployed to s3://papers/ at ...: uploaded 150 files, 4.1 MB · deleted 5 · unchanged 1,070 · 3.2 s` */
export function summaryLine({ where, uploaded, deleted, unchanged, seconds }: { where: string; uploaded: readonly SiteFile[]; deleted: number; unchanged: number; seconds: number }): string {
  if (uploaded.length === 0 && deleted === 0) return `nothing to deploy: ${where} holds the build's ${plural(unchanged, 'file', 'files')} (${seconds.toFixed(1)} s)`;
  return `deployed to ${where}: uploaded ${filesAndSize(uploaded)} · deleted ${deleted.toLocaleString('en-US')} · unchanged ${unchanged.toLocaleString('en-US')} · ${seconds.toFixed(1)} s`;
}
