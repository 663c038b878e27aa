import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addOneDay, type AddedDay } from './add-one-day.ts';
import { measureDeploy, type DeployFigures } from './bench-deploy.ts';
import { pageWeight } from './page-weight.ts';
import { measureCommand } from './process-tree.ts';
import { startS3Server } from './s3-server.ts';
import { measureSearch, type SearchCost } from './search-cost.ts';
import { measureBuild, type MeasuredBuild } from './site-build.ts';
import { sizedFiles } from '../../src/fs/files.ts';
import { outputBreakdown, type OutputBreakdown } from '../../src/lib/output-kinds.ts';

/** Queries readers type (one word, two, a common one), each followed by another once the index is warm. */
export const BENCH_QUERIES = [
  { query: 'diffusion', next: 'diffusion transformer' },
  { query: 'reinforcement learning', next: 'reward model' },
  { query: 'video generation', next: 'robot' },
  { query: 'benchmark', next: 'mixture of experts' },
  { query: 'language model', next: 'agents' },
];

/** What one collection costs, from its raw records to a site with a day added. */
export interface CollectionBench {
  label: string;
  papers: number;
  /** List days in the site, and the first and last. */
  days: number;
  firstDay: string;
  lastDay: string;
  /** HTML pages in the output. */
  pages: number;
  ingest: { seconds: number; peakRssMb: number; read: number; written: number; errors: number };
  /** The cold build: Astro's cache emptied, a fresh output folder. */
  build: MeasuredBuild;
  /** Ingest and cold build: a site from raw records. */
  coldSeconds: number;
  pagesPerSecond: number;
  /** The output's files and bytes, in all, by kind (src/lib/output-kinds.ts), and its largest file. */
  output: OutputBreakdown;
  /** The day page with the most bytes, as a reader downloads it without scripts (gzipped HTML and CSS). */
  largestDayPage: { day: string; htmlGzip: number; cssGzip: number; total: number };
  /** Per query; empty when search could not be measured, and `searchError` says why. */
  search: SearchCost[];
  searchError?: string;
  addOneDay: AddedDay;
  /** `npm run deploy` to an S3 server on loopback: the cold build into an empty bucket, then the build with the day added. */
  deploy: { cold: DeployFigures; addOneDay: DeployFigures };
}

/**
 * Benches one collection in `work` (a scratch folder of its own): ingests `inputs` with the
 * ingest command (timed, its memory measured), builds the site cold, measures the output, the
 * largest day page and a first search in Chromium, then adds one day (the records of
 * `newDaySource`, fresh ids, the day after the site's last) and rebuilds. Only figures are kept
 * in this process: the papers stay in the child processes and on disk.
 */
export async function benchCollection({ label, inputs, work, newDaySource, log }: { label: string; inputs: string[]; work: string; newDaySource: string; log: (line: string) => void }): Promise<CollectionBench> {
  const papersDir = join(work, 'papers');
  const dist = join(work, 'dist');
  // A cache of the bench's own: the cold build starts from none, and the owner's is left alone.
  const cacheDir = join(work, 'cache');

  const ingested = await measureCommand(process.execPath, [join('scripts', 'ingest.ts'), ...inputs, '--out', papersDir]);
  const counts = /read (\d+) · written (\d+) · unchanged \d+ · skipped \d+ · errors (\d+)/.exec(ingested.output);
  if (!counts || ingested.code > 1) throw new Error(`ingest failed (exit code ${ingested.code}):\n${ingested.output.slice(-3000)}`);
  const [read, written, errors] = counts.slice(1).map(Number);
  if (errors > 0) log(`${label}: ingest rejected ${errors} records; the bench goes on with the rest`);
  const papers = readdirSync(papersDir).filter((name) => name.endsWith('.md')).length;
  log(`${label}: ingested ${papers} papers in ${ingested.seconds.toFixed(1)} s`);

  rmSync(cacheDir, { recursive: true, force: true });
  const build = await measureBuild({ papersDir, outDir: dist, cacheDir });
  log(`${label}: cold build in ${build.seconds.toFixed(1)} s`);

  const files = sizedFiles(dist);
  const pages = files.filter((file) => file.path.endsWith('.html')).length;
  const output = outputBreakdown(files);
  const listed = (JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')) as { days: { day: string }[] }).days.map(({ day }) => day);
  const dayPages = join(dist, 'papers', 'date');
  const busiest = readdirSync(dayPages)
    .map((day) => ({ day, size: statSize(join(dayPages, day, 'index.html')) }))
    .reduce((a, b) => (b.size > a.size ? b : a));
  const largestDayPage = { day: busiest.day, ...pageWeight(dist, `/papers/date/${busiest.day}/`) };

  // A search that cannot be measured is reported, and the rest of the figures kept.
  let search: SearchCost[] = [];
  let searchError: string | undefined;
  try {
    search = await measureSearch(dist, BENCH_QUERIES);
    log(`${label}: search measured`);
  } catch (error) {
    searchError = error instanceof Error ? error.message : String(error);
    log(`${label}: search could not be measured: ${searchError}`);
  }

  const storage = await startS3Server();
  const day = new Date(Date.parse(listed.at(-1)!) + 86_400_000).toISOString().slice(0, 10);
  let added: AddedDay;
  let deployed: CollectionBench['deploy'];
  try {
    const cold = await measureDeploy(storage, dist);
    log(`${label}: deployed the cold build (${cold.files} files) in ${cold.seconds.toFixed(1)} s`);
    added = await addOneDay({ sourceDayFile: newDaySource, day, newDayDir: join(work, 'new-day'), papersDir, outDir: dist, cacheDir });
    log(`${label}: added ${day} (${added.papers} papers) and rebuilt in ${added.seconds.toFixed(1)} s`);
    deployed = { cold, addOneDay: await measureDeploy(storage, dist) };
    log(`${label}: deployed the day (${deployed.addOneDay.files} files uploaded, ${deployed.addOneDay.deleted} deleted) in ${deployed.addOneDay.seconds.toFixed(1)} s`);
  } finally {
    await storage.close();
  }

  return {
    label,
    papers,
    days: listed.length,
    firstDay: listed[0],
    lastDay: listed.at(-1)!,
    pages,
    ingest: { seconds: ingested.seconds, peakRssMb: ingested.peakTreeRssMb, read, written, errors },
    build,
    coldSeconds: ingested.seconds + build.seconds,
    pagesPerSecond: pages / build.seconds,
    output,
    largestDayPage,
    search,
    searchError,
    addOneDay: added,
    deploy: deployed,
  };
}

function statSize(file: string): number {
  return statSync(file).size;
}
