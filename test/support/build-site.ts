import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './locations.ts';

/**
 * Builds the site from `papersDir` into `outDir` with the real Astro CLI, as `npm run build` does.
 * The settings the build reads from the environment are those given here, never the caller's.
 */
export interface BuildSettings {
  papersDir: string;
  notesDir?: string;
  outDir: string;
  basePath?: string;
  siteUrl?: string;
  newsletterUrl?: string;
  /** Papers per search-index shard; the site's default unless given. */
  searchShardSize?: number;
}

export function buildSite({ papersDir, notesDir, outDir, basePath, siteUrl, newsletterUrl, searchShardSize }: BuildSettings): void {
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: { ...process.env, PAPERS_DIR: papersDir, NOTES_DIR: notesDir ?? '', BASE_PATH: basePath ?? '', SITE_URL: siteUrl ?? '', NEWSLETTER_URL: newsletterUrl ?? '', SEARCH_SHARD_SIZE: searchShardSize?.toString() ?? '', ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
}
