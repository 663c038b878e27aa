#!/usr/bin/env node
// Command-line entry point: `npm run headers -- nginx|vercel [--dist DIR]`.
import { join } from 'node:path';
import { parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { readTextIfExists } from '../src/fs/files.ts';
import { parseHeadersFile } from '../src/headers/headers-file.ts';
import { nginxHeaders, siteWideRule, vercelHeaders } from '../src/headers/host-formats.ts';

const USAGE = `usage: npm run headers -- nginx|vercel [--dist DIR]
Prints the security headers of the build's _headers (its CSP holds the hashes of the site's
inline scripts) for a host that does not read _headers:
  nginx    add_header lines, for a snippet each location of the site includes
  vercel   an entry of vercel.json's "headers"
  --dist DIR   the build (default: dist)
exit codes: 0 printed; 2 usage error, or no _headers in the build`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = parseCommandLine({ allowPositionals: true, options: { dist: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
const [format] = args.positionals;
if (args.positionals.length !== 1 || (format !== 'nginx' && format !== 'vercel')) usageError('name one format: nginx or vercel', USAGE);

const text = readTextIfExists(join(args.values.dist, '_headers'));
if (text === undefined) fail(`no _headers in ${args.values.dist}: run npm run build first`);
let rule;
try {
  rule = siteWideRule(parseHeadersFile(text));
} catch (error) {
  fail((error as Error).message);
}
process.stdout.write(format === 'nginx' ? nginxHeaders(rule) : `${JSON.stringify(vercelHeaders(rule), null, 2)}\n`);
