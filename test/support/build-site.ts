import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { astroBuildCommand } from '../../src/build/astro-build.ts';
import type { SiteConfigFile } from '../../src/schema/site-config.ts';
import { projectRoot } from './locations.ts';

/**
 * Builds the site from `papersDir` into `outDir` with the real Astro CLI, as `npm run build` does,
 * and keeps what it printed in `logFile` (by default `<outDir>.log`), as plain text: CI forces
 * colour on. The settings the build reads are those given here, never the caller's: the
 * environment's, and a config file of `config` (empty when not given) beside `outDir`. `env`
 * adds other variables to the build's environment.
 */
export function buildSite({ papersDir, notesDir, outDir, basePath, siteUrl, config = {}, env = {}, logFile = `${outDir}.log` }: { papersDir: string; notesDir?: string; outDir: string; basePath?: string; siteUrl?: string; config?: SiteConfigFile; env?: Record<string, string>; logFile?: string }): string {
  const configFile = `${outDir}.config.json`;
  writeFileSync(configFile, JSON.stringify(config));
  const { command, args } = astroBuildCommand({ root: projectRoot, papersDir, args: ['--outDir', outDir] });
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    env: { ...process.env, DAILY_PAPERS_CONFIG: configFile, PAPERS_DIR: papersDir, NOTES_DIR: notesDir ?? '', BASE_PATH: basePath ?? '', SITE_URL: siteUrl ?? '', NEWSLETTER_URL: '', ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  const log = stripVTControlCharacters(result.stdout);
  writeFileSync(logFile, log);
  return log;
}
