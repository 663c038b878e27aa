#!/usr/bin/env node
// Rebuilds the bundled raw sample: `npm run make-sample -- <hf-daily-folder> --from D --to D [--out DIR]`.
// Then `npm run sample` ingests it into content/papers.
import { basename, join } from 'node:path';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { dayInFileName } from '../src/lib/dates.ts';
import { listInputFiles, readText, writeFileAtomic } from '../src/fs/files.ts';
import { redactHfDailyItem } from '../src/ingest/redact.ts';

const USAGE = 'usage: npm run make-sample -- <hf-daily-folder> --from YYYY-MM-DD --to YYYY-MM-DD [--out data/sample/hf-daily]';
const { values, positionals } = parseCommandLine(
  { allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string', default: 'data/sample/hf-daily' }, help: { type: 'boolean', short: 'h' } } },
  USAGE,
);
if (positionals.length === 0 || !values.from || !values.to) usageError('a folder, --from and --to are needed', USAGE);

let count = 0;
for (const file of listInputFiles(positionals, ['.json']).files) {
  const day = dayInFileName(basename(file));
  if (!day || day < values.from || day > values.to) continue;
  const items = (JSON.parse(readText(file)) as unknown[]).map(redactHfDailyItem);
  writeFileAtomic(join(values.out, basename(file)), `${JSON.stringify(items, null, 2)}\n`);
  count++;
}
console.log(`wrote ${count} days to ${values.out}`);
