#!/usr/bin/env node
// Command-line entry point: `npm run ingest -- <file-or-folder>... [--out DIR]`.
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingest } from '../src/ingest/run.ts';

const USAGE = 'usage: npm run ingest -- <file-or-folder>... [--out DIR]   (DIR defaults to content/papers)';

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'content/papers' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const summary = ingest({ inputs: args.positionals, outDir: args.values.out });
for (const diagnostic of summary.diagnostics) console.error(formatDiagnostic(diagnostic));
console.log(`read ${summary.read} · written ${summary.written} · unchanged ${summary.unchanged} · skipped ${summary.skipped} · errors ${summary.errors}`);
// 0: all good; 1: something was rejected, so cron and CI notice.
process.exit(summary.errors > 0 ? 1 : 0);
