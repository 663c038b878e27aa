import { readdirSync } from 'node:fs';
import { ingest } from '../../src/ingest/run.ts';
import { measureBuild, type MeasuredBuild } from './site-build.ts';
import { writeFreshDay } from './scaled-collection.ts';

export interface AddedDay {
  day: string;
  papers: number;
  /** Ingest of the new day into the collection, and the rebuild: what a daily update costs. */
  seconds: number;
  ingestSeconds: number;
  rebuild: MeasuredBuild;
}

/**
 * The bench's daily update on a built site: one more day (the records of the real day file
 * `sourceDayFile`, with fresh ids, dated `day`) is written to `newDayDir`, ingested into the
 * collection `papersDir`, and the site in `outDir` rebuilt from the last build's cache in
 * `cacheDir`, as `npm run update` does: pages and search shards the day leaves as they were are
 * copied, not made again. Timed from the ingest on; writing the raw file stands for the fetch
 * and is not counted.
 */
export async function addOneDay({ sourceDayFile, day, newDayDir, papersDir, outDir, cacheDir }: { sourceDayFile: string; day: string; newDayDir: string; papersDir: string; outDir: string; cacheDir: string }): Promise<AddedDay> {
  const takenIds = readdirSync(papersDir).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3).replace('_', '/'));
  const { file, records } = writeFreshDay({ sourceFile: sourceDayFile, outDir: newDayDir, day, takenIds });
  const started = performance.now();
  const summary = ingest({ inputs: [file], outDir: papersDir });
  if (summary.errors > 0) throw new Error(`ingest of the new day ${day} failed: ${summary.errors} errors`);
  const ingestSeconds = (performance.now() - started) / 1000;
  const rebuild = await measureBuild({ papersDir, outDir, cacheDir });
  return { day, papers: records, seconds: (performance.now() - started) / 1000, ingestSeconds, rebuild };
}
