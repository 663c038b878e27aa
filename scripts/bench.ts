#!/usr/bin/env node
// `npm run bench [-- --scale 1,4,8] [--data DIR...] [--json FILE] [--keep]`: builds the site from
// the real Hugging Face archive in ../shared/data at each scale (1 = the 6,747 real papers; k =
// k copies, moved back in time, with fresh ids: scripts/tooling/scaled-collection.ts), or from the
// --data folders as they are, and prints what it costs: ingest, the cold build and its phases,
// memory, output, adding a day, page weight and a first search in Chromium, beside the budgets.
// Figures go here, never into timed tests. Results are also written as JSON for comparison.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '../src/cli/command-line.ts';
import { removeTree, writeFileAtomic } from '../src/fs/files.ts';
import { benchCollection } from './tooling/bench-collection.ts';
import { benchTable, budgetChecks, searchRows, type BenchRun } from './tooling/bench-report.ts';
import { dayFiles, writeScaledCollection } from './tooling/scaled-collection.ts';

const USAGE = `usage: npm run bench [-- --scale 1,4,8] [--data DIR...] [--json FILE] [--keep]
  --scale K,...  scales of the Hugging Face archive to build (default 1,4,8; any positive numbers)
  --source DIR   that archive (default ../shared/data/hf-daily-papers)
  --data DIR     bench these folders as they are instead (repeat for several; one collection)
  --json FILE    where the results go (default bench-results.json)
  --keep         keep the scratch folders (collections and sites) and say where`;

const { values } = parseCommandLine(
  {
    options: {
      scale: { type: 'string', default: '1,4,8' },
      source: { type: 'string', default: resolve('../shared/data/hf-daily-papers') },
      data: { type: 'string', multiple: true },
      json: { type: 'string', default: 'bench-results.json' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);
const scales = values.scale.split(',').map(Number);
if (!values.data && scales.some((scale) => !(scale > 0))) {
  console.error(`--scale takes positive numbers, like 1,4,8 or 0.1,0.2\n${USAGE}`);
  process.exit(2);
}

// The day added to each site: the archive's last real day, with fresh ids.
const newDaySource = dayFiles(values.source).at(-1)!.file;
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const run: BenchRun = {
  date: new Date().toISOString(),
  commit: gitCommit(),
  node: process.version,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  collections: [],
  failures: [],
};

const plans: { label: string; scale?: number; inputs: (work: string) => string[] }[] = values.data
  ? [{ label: values.data.map((dir) => dir.split('/').filter(Boolean).at(-1)).join(' + '), inputs: () => values.data!.map((dir) => resolve(dir)) }]
  : scales.map((scale) => ({
      label: `${scale}×`,
      scale,
      inputs: (work) => {
        const data = join(work, 'data');
        const started = performance.now();
        const written = writeScaledCollection({ source: values.source, outDir: data, scale });
        log(`${scale}×: wrote ${written.records} records in ${written.days} days, ${written.firstDay} to ${written.lastDay} (${((performance.now() - started) / 1000).toFixed(1)} s, not counted)`);
        return [data];
      },
    }));

// One scratch folder per collection (an 8× site is some 9 GB), all removed once every collection
// is measured: the disk goes on deleting a site's 212,000 files after the removal returns, and a
// cold 1× build measured just after the 8× site was removed took 36 s against 24 s
// (docs/performance.md).
const scratch: string[] = [];
for (const plan of plans) {
  const work = mkdtempSync(join(tmpdir(), 'daily-papers-bench-'));
  scratch.push(work);
  try {
    const inputs = plan.inputs(work);
    const loadAtStart = loadavg()[0];
    const result = await benchCollection({ label: plan.label, inputs, work, newDaySource, log });
    run.collections.push({ ...result, scale: plan.scale, load: [loadAtStart, loadavg()[0]] });
  } catch (error) {
    // One collection failing (a build out of memory, say) is a result too; the others still run.
    const message = error instanceof Error ? error.message : String(error);
    log(`${plan.label}: FAILED: ${message}`);
    run.failures.push({ label: plan.label, scale: plan.scale, error: message });
  }
}
for (const work of scratch) {
  if (values.keep) log(`kept ${work}`);
  else removeTree(work);
}

console.log(`\nDaily Papers bench, ${run.date.slice(0, 16)} UTC, commit ${run.commit}, Node ${run.node}, ${run.cpus} CPUs (${run.cpuModel}), ${run.memoryGb} GB\n`);
console.log(benchTable(run));
for (const { label, searchError } of run.collections) if (searchError) console.log(`\n${label}: search could not be measured: ${searchError}`);
for (const { label, error } of run.failures) console.log(`\n${label} FAILED: ${error.split('\n').slice(0, 40).join('\n')}`);
console.log('\nSearch, per query (bytes gzipped as a host sends them):');
console.table(searchRows(run));
const budgets = budgetChecks(run);
// Milliseconds are precision enough; more digits are noise in a file meant for diffs.
const rounded = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);
writeFileAtomic(values.json, `${JSON.stringify({ ...run, budgets }, rounded, 2)}\n`);
console.log(`results written to ${values.json}`);
process.exit(run.failures.length > 0 ? 1 : 0);

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}
