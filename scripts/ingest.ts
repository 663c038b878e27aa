#!/usr/bin/env node
// Command-line entry point: `npm run ingest -- <file-or-folder>... [--out DIR] [--format NAME]`.
import { SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingest, summaryLine } from '../src/ingest/run.ts';
import { formats } from '../src/ingest/sources/index.ts';

const USAGE = `usage: npm run ingest -- <file-or-folder>... [--out DIR] [--format NAME]
  --out DIR      the collection folder to write (default: content/papers)
  --format NAME  skip detection; one of: ${Object.keys(formats).join(', ')}
exit codes: 0 all records ingested; 1 some record or file rejected; 2 usage error`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: 'content/papers' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}
if (args.values.format !== undefined && !(args.values.format in formats)) {
  console.error(`unknown format ${JSON.stringify(args.values.format)}\n${USAGE}`);
  process.exit(2);
}

// A progress bar only where a person watches: never in logs, pipes or cron mail.
const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }) : undefined;
let phase: string | undefined;
const started = performance.now();
const summary = ingest({
  inputs: args.positionals,
  outDir: args.values.out,
  format: args.values.format,
  onProgress: bar && ((current, done, total) => {
    if (current !== phase) {
      bar.stop();
      bar.start(total, done, { phase: current === 'read' ? 'reading files ' : 'writing papers' });
      phase = current;
    } else bar.update(done);
  }),
});
bar?.stop();

for (const diagnostic of summary.diagnostics) console.error(formatDiagnostic(diagnostic));
const seconds = (performance.now() - started) / 1000;
console.log(summaryLine(summary, seconds));
process.exit(summary.errors > 0 ? 1 : 0);
