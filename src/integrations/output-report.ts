import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { sizedFiles } from '../fs/files.ts';
import { HOSTS, overHostLimits, type HostName } from '../lib/hosts.ts';
import { OUTPUT_KINDS, outputBreakdown, type OutputBreakdown } from '../lib/output-kinds.ts';
import { plural } from '../lib/wording.ts';

/**
 * Prints how many files the build wrote and their size, in all and by kind, once every other
 * step is done (the last in index.ts), and warns of each host whose limits the output is over:
 * an archive of years of days passes 20,000 files.
 */
export function outputReport(): AstroIntegration {
  return {
    name: 'daily-papers:output',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const report = describeOutput(outputBreakdown(sizedFiles(fileURLToPath(dir))));
        logger.info(report.summary);
        for (const warning of report.warnings) logger.warn(warning);
      },
    },
  };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** `779 files, 14.2 MB (14,234,567 bytes)` with a line per kind, and a warning for each host the output does not fit. */
export function describeOutput(output: OutputBreakdown): { summary: string; warnings: string[] } {
  const kinds = OUTPUT_KINDS.filter((kind) => output.kinds[kind].files > 0).map((kind) => `  ${kind}: ${plural(output.kinds[kind].files, 'file', 'files')}, ${megabytes(output.kinds[kind].bytes)}`);
  const summary = [`${plural(output.files, 'file', 'files')}, ${megabytes(output.bytes)} (${output.bytes.toLocaleString('en-US')} bytes)`, ...kinds].join('\n');
  const warnings = (Object.keys(HOSTS) as HostName[]).flatMap((host) => overHostLimits(host, output)).map((over) => `${over}: host the site elsewhere (docs/deploy.md)`);
  return { summary, warnings };
}
