#!/usr/bin/env node
// Command-line entry point: `npm run ingest -- <file-or-folder>... [--out DIR] [--format NAME]`.
import { SingleBar } from 'cli-progress';
import { parseCommandLine, siteSettingsOrExit, usageError } from '../src/cli/command-line.ts';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingest, summaryLine } from '../src/ingest/run.ts';
import { formats, inputExtensions } from '../src/ingest/sources/index.ts';
import { listInputFiles } from '../src/fs/files.ts';

const USAGE = `usage: npm run ingest -- <file-or-folder>... [--out DIR] [--format NAME]
  --out DIR      the collection folder to write (default: PAPERS_DIR, else the config file's
                 papersDir, else content/papers: the collection the build reads)
  --format NAME  skip detection; one of: ${Object.keys(formats).join(', ')}
exit codes: 0 all records ingested; 1 some record or file rejected; 2 usage error (a path not there, a folder with nothing to read)`;

const args = parseCommandLine({ allowPositionals: true, options: { out: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
if (args.positionals.length === 0) usageError('no file or folder to ingest', USAGE);
if (args.values.format !== undefined && !(args.values.format in formats)) usageError(`unknown format ${JSON.stringify(args.values.format)}`, USAGE);
// A path that is not there, or a folder with nothing to read, is a mistake on the command line: said before anything is read.
for (const input of args.positionals) {
  const { files, missing } = listInputFiles([input], inputExtensions);
  if (missing.length > 0) usageError(`no such file or folder: ${input}`, USAGE);
  if (files.length === 0) usageError(`no ${inputExtensions.join(', ')} file directly in ${input} (sub-folders are not read: name each one)`, USAGE);
}
const outDir = args.values.out ?? siteSettingsOrExit().papersDir;

// A progress bar only where a person watches: never in logs, pipes or cron mail.
const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }) : undefined;
let phase: string | undefined;
const started = performance.now();
const summary = ingest({
  inputs: args.positionals,
  outDir,
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
