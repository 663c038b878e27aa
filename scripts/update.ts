#!/usr/bin/env node
// Command-line entry point: `npm run update [-- --from DAY] [--to DAY] [--raw DIR] [--papers DIR] [--no-build]`.
import { join } from 'node:path';
import { fetchSettingsOrExit, parseCommandLine, siteSettingsOrExit, usageError } from '../src/cli/command-line.ts';
import { EXIT, fetchHfDays } from '../src/fetch/run.ts';
import { savedHfDays } from '../src/fetch/save.ts';
import { buildSite, daysToUpdate } from '../src/fetch/update.ts';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingest, summaryLine } from '../src/ingest/run.ts';
import { utcToday } from '../src/lib/dates.ts';
import { isoDay } from '../src/schema/paper.ts';

const USAGE = `usage: npm run update [-- --from DAY] [--to DAY] [--raw DIR] [--papers DIR] [--no-build]
Fetches every Hugging Face day from the newest one saved (fetched again: it may have been still
filling up), else the newest list day of the collection, through today (UTC); ingests what was
fetched; builds the site when anything changed.
  --from DAY     start there instead
  --to DAY       stop there instead of today
  --raw DIR      where raw days are saved (default: data/raw/hf)
  --papers DIR   the collection (default: PAPERS_DIR, else the config file's papersDir, else content/papers)
  --no-build     fetch and ingest only
settings from the environment: HF_API_URL, FETCH_TIMEOUT (seconds), FETCH_RETRIES; the build's own
exit codes: 0 updated (new data ingested, site rebuilt); 1 a request, ingest or the build failed;
2 usage or settings error; 3 nothing new`;

function usage(message: string): never {
  usageError(message, USAGE);
}

const { values } = parseCommandLine(
  {
    allowNegative: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      raw: { type: 'string', default: 'data/raw/hf' },
      papers: { type: 'string' },
      build: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);
const { from, to, raw: rawDir, build } = values;
const papers = values.papers ?? siteSettingsOrExit().papersDir;
for (const day of [from, to]) if (day !== undefined && !isoDay.safeParse(day).success) usage(`not a day: ${JSON.stringify(day)} (expected YYYY-MM-DD)`);
const settings = fetchSettingsOrExit();

const last = to ?? utcToday();
const days = daysToUpdate({ rawDir, collection: papers, today: last, from });
if (days.length === 0) usage(`nothing to fetch: the first day to fetch (--from, else the newest saved) comes after ${last}`);
console.log(`fetching ${days.length === 1 ? days[0] : `${days.length} days, ${days[0]} to ${days.at(-1)}`}`);
const fetched = await fetchHfDays({ settings, outDir: rawDir, report: (line) => console.log(line), log: (line) => console.error(line) }, days);

// Every fetched day that has a file is ingested, changed or not: ingest is idempotent, and what
// a run killed before its ingest missed, the next one ingests.
const inputs = savedHfDays(rawDir).filter((day) => days.includes(day)).map((day) => join(rawDir, `${day}.json`));
let failed = fetched.failed > 0;
let changedPapers = 0;
if (inputs.length > 0) {
  const started = performance.now();
  const summary = ingest({ inputs, outDir: papers });
  for (const diagnostic of summary.diagnostics) console.error(formatDiagnostic(diagnostic));
  console.log(`ingest: ${summaryLine(summary, (performance.now() - started) / 1000)}`);
  failed ||= summary.errors > 0;
  changedPapers = summary.written;
}

const updated = fetched.written.length > 0 || changedPapers > 0;
if (updated && build) {
  console.log(`building the site from ${papers}`);
  const code = await buildSite(papers);
  if (code !== 0) console.error(`the build failed (exit code ${code})`);
  failed ||= code !== 0;
}
process.exit(failed ? EXIT.failed : updated ? EXIT.updated : EXIT.nothingNew);
