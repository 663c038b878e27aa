import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { sizedFiles } from '../fs/files.ts';
import { HOSTS, LIMITED_HOSTS, overHostLimits, type HostName } from '../lib/hosts.ts';
import { BuildError } from './build-error.ts';
import { OUTPUT_KINDS, outputBreakdown, type OutputBreakdown } from '../lib/output-kinds.ts';
import { plural } from '../lib/wording.ts';

/**
 * Prints how many files the build wrote and their size, in all and by kind, once every other
 * step is done (the last in index.ts). With a host named, a build over that host's limits fails,
 * naming the limit and the figure: it could not be deployed there whole. Without one, it warns
 * of each host whose limits the output is over.
 */
export function outputReport(host: HostName | undefined): AstroIntegration {
  return {
    name: 'daily-papers:output',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const output = outputBreakdown(sizedFiles(fileURLToPath(dir)));
        const report = describeOutput(output);
        logger.info(report.summary);
        if (host) {
          const over = overHostLimits(host, output);
          if (over.length > 0) throw new BuildError(`the site is over the limits of the host it is built for: ${over.join('; ')}`, `host ${host}`, 'See docs/performance.md for what makes a site smaller, or name another host (host in daily-papers.config.json, DAILY_PAPERS_HOST) as docs/deploy.md suggests for its size.');
          logger.info(`fits ${HOSTS[host].name}`);
        } else for (const warning of report.warnings) logger.warn(warning);
      },
    },
  };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** `779 files, 14.2 MB (14,234,567 bytes)` with a line per kind, and a warning for each host the output does not fit. */
export function describeOutput(output: OutputBreakdown): { summary: string; warnings: string[] } {
  const kinds = OUTPUT_KINDS.filter((kind) => output.kinds[kind].files > 0).map((kind) => `  ${kind}: ${plural(output.kinds[kind].files, 'file', 'files')}, ${megabytes(output.kinds[kind].bytes)}`);
  const summary = [`${plural(output.files, 'file', 'files')}, ${megabytes(output.bytes)} (${output.bytes.toLocaleString('en-US')} bytes)`, ...kinds].join('\n');
  const warnings = LIMITED_HOSTS.flatMap((host) => overHostLimits(host, output)).map((over) => `${over}: host the site elsewhere (docs/deploy.md)`);
  return { summary, warnings };
}
