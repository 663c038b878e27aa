#!/usr/bin/env node
// Command-line entry point: `npm run fetch -- hf --date D | --from D [--to D]` and `npm run fetch -- arxiv --query Q | --ids ID,...`.
import { normalizeIds, type ArxivRequest } from '../src/fetch/arxiv.ts';
import { fetchSettingsOrExit, parseCommandLine, usageError } from '../src/cli/command-line.ts';
import { exitCode, fetchArxivRequest, fetchHfDays, type FetchRun } from '../src/fetch/run.ts';
import { dayRange, utcToday } from '../src/lib/dates.ts';
import { isoDay } from '../src/schema/paper.ts';

const USAGE = `usage: npm run fetch -- hf (--date DAY | --from DAY [--to DAY]) [--out DIR]
       npm run fetch -- arxiv (--query QUERY | --ids ID,ID...) [--max N] [--out DIR]
  hf           the Hugging Face daily papers of each day (DAY: YYYY-MM-DD; --to defaults to today, UTC),
               saved as DIR/DAY.json (default DIR: data/raw/hf); an empty day saves nothing
  arxiv        the arXiv API, 3 s between calls, saved as DIR/query-<slug>-<hash>.xml or
               DIR/ids-<slug>-<hash>.xml, further pages as .p2.xml, .p3.xml... (default DIR: data/raw/arxiv)
  --max N      at most N results of a query (default 1000)
settings from the environment: HF_API_URL, ARXIV_API_URL, FETCH_TIMEOUT (seconds), FETCH_RETRIES
exit codes: 0 new data saved; 1 a request failed; 2 usage or settings error; 3 nothing new`;

function usage(message: string): never {
  usageError(message, USAGE);
}

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      query: { type: 'string' },
      ids: { type: 'string', multiple: true },
      max: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);
const [source, ...extra] = positionals;
if (source !== 'hf' && source !== 'arxiv') usage(source ? `unknown source ${JSON.stringify(source)}: hf or arxiv` : 'which source? hf or arxiv');
if (extra.length > 0) usage(`unexpected ${JSON.stringify(extra[0])}`);

const run: FetchRun = {
  settings: fetchSettingsOrExit(),
  outDir: values.out ?? `data/raw/${source}`,
  report: (line) => console.log(line),
  log: (line) => console.error(line),
};

if (source === 'hf') {
  if (values.query !== undefined || values.ids !== undefined || values.max !== undefined) usage('--query, --ids and --max are for arxiv');
  if ((values.date === undefined) === (values.from === undefined)) usage('give --date DAY, or --from DAY [--to DAY]');
  if (values.date !== undefined && values.to !== undefined) usage('--to goes with --from, not --date');
  const first = values.date ?? values.from!;
  const last = values.date ?? values.to ?? utcToday();
  for (const day of [first, last]) if (!isoDay.safeParse(day).success) usage(`not a day: ${JSON.stringify(day)} (expected YYYY-MM-DD)`);
  if (last < first) usage(`--to ${last} comes before --from ${first}`);
  process.exit(exitCode(await fetchHfDays(run, dayRange(first, last))));
}

if (values.date !== undefined || values.from !== undefined || values.to !== undefined) usage('--date, --from and --to are for hf');
if ((values.query === undefined) === (values.ids === undefined)) usage('give --query QUERY or --ids ID,ID...');
let request: ArxivRequest;
if (values.query !== undefined) {
  if (values.query.trim() === '') usage('--query is empty');
  request = { query: values.query.trim() };
} else {
  const normalized = normalizeIds(values.ids!);
  if ('bad' in normalized) usage(`not an arXiv id: ${JSON.stringify(normalized.bad)}`);
  if (normalized.ids.length === 0) usage('--ids is empty');
  request = { ids: normalized.ids };
}
const max = values.max === undefined ? undefined : Number(values.max);
if (max !== undefined && !(Number.isInteger(max) && max > 0)) usage(`--max expects a whole number above 0, not ${JSON.stringify(values.max)}`);
process.exit(exitCode(await fetchArxivRequest(run, request, { max })));
