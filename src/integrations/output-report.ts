import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { measureTree } from '../fs/files.ts';

/** Cloudflare Pages deploys at most this many files per site on its free plan. */
export const CLOUDFLARE_PAGES_FILE_LIMIT = 20_000;

/**
 * Prints how many files the build wrote and their size, once every other step is done (the last
 * in index.ts), since some hosts cap the file count: an archive of years of days passes 20,000 files.
 */
export function outputReport(): AstroIntegration {
  return {
    name: 'daily-papers:output',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const report = describeOutput(measureTree(fileURLToPath(dir)));
        logger.info(report.summary);
        if (report.warning) logger.warn(report.warning);
      },
    },
  };
}

/** `779 files, 14.2 MB (14,234,567 bytes)`, and a warning past the host's file cap. */
export function describeOutput({ files, bytes }: { files: number; bytes: number }, limit = CLOUDFLARE_PAGES_FILE_LIMIT): { summary: string; warning?: string } {
  const summary = `${files.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(1)} MB (${bytes.toLocaleString('en-US')} bytes)`;
  if (files <= limit) return { summary };
  return { summary, warning: `${files.toLocaleString('en-US')} files is more than the ${limit.toLocaleString('en-US')} that Cloudflare Pages deploys on its free plan: host the site elsewhere (docs/deploy.md), or on a paid plan` };
}
