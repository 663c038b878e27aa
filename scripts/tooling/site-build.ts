import { astroBuildCommand } from '../../src/build/astro-build.ts';
import { buildPhases, type BuildPhases } from './build-log.ts';
import { measureCommand } from './process-tree.ts';

export interface MeasuredBuild {
  seconds: number;
  phases: BuildPhases;
  /** Each process's own peak (`MainThread` is Node's, `pagefind_extend` Pagefind's indexer). */
  peakRssMb: Record<string, number>;
  /** The most the whole build held at once. */
  peakTreeRssMb: number;
}

/**
 * The address the bench builds for, unless SITE_URL says another. A site built for the web has
 * one, and with it a sitemap and absolute links: the bench measures the build an owner deploys.
 */
const BENCH_SITE_URL = 'https://papers.example.org';

/**
 * Runs `astro build` of the collection `papersDir` into `outDir`, from the project in the
 * working directory and under the collection's heap limit, as `npm run build` does, measured
 * from outside: seconds, memory, and the phases read from its log. It builds for BENCH_SITE_URL.
 * The build keeps its cache in `cacheDir`, left as it is: the caller empties it for a cold build.
 * Throws with the end of the log when the build fails.
 */
export async function measureBuild({ papersDir, outDir, cacheDir }: { papersDir: string; outDir: string; cacheDir: string }): Promise<MeasuredBuild> {
  const { command, args } = astroBuildCommand({ root: process.cwd(), papersDir, nodeOptions: process.env.NODE_OPTIONS, args: ['--outDir', outDir] });
  const build = await measureCommand(command, args, {
    env: { SITE_URL: BENCH_SITE_URL, ...process.env, PAPERS_DIR: papersDir, CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.code !== 0) throw new Error(`the build failed (exit code ${build.code}):\n${build.output.slice(-3000)}`);
  return { seconds: build.seconds, phases: buildPhases(build.lines, build.seconds), peakRssMb: build.peakRssMb, peakTreeRssMb: build.peakTreeRssMb };
}
