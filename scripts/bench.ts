#!/usr/bin/env node
// `npm run bench`: builds the full site from all of ../shared/data (or the --data folders given)
// and prints what it costs: time and memory per phase, output size, what a reader downloads, and
// what a first search costs in Chromium.
// Figures go here, never into timed tests. Results are also written as JSON for comparison.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest/run.ts';
import { pageWeight } from '../src/tooling/page-weight.ts';
import { measureCommand } from '../src/tooling/process-tree.ts';
import { measureSearch } from '../src/tooling/search-cost.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true, default: [resolve('../shared/data/hf-daily-papers'), resolve('../shared/data/arxiv-daily-listing')] },
    json: { type: 'string', default: 'bench-results.json' },
    keep: { type: 'boolean', default: false },
  },
});

const work = mkdtempSync(join(tmpdir(), 'daily-papers-bench-'));
const papersDir = join(work, 'papers');
const dist = join(work, 'dist');
try {
  const ingestStart = performance.now();
  const summary = ingest({ inputs: values.data, outDir: papersDir });
  const ingestSeconds = (performance.now() - ingestStart) / 1000;

  const build = await measureCommand(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
    env: { ...process.env, PAPERS_DIR: papersDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  const pagefindSeconds = Number(/in ([\d.]+) s/.exec(build.output.split('\n').find((line) => line.includes('data-pagefind-body')) ?? '')?.[1] ?? NaN);

  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((file) => join(dist, file)).filter((file) => statSync(file).isFile());
  const pages = files.filter((file) => file.endsWith('.html')).length;
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const days = readdirSync(join(dist, 'papers', 'date'));
  const busiestDay = days.map((day) => ({ day, size: statSync(join(dist, 'papers', 'date', day, 'index.html')).size })).sort((a, b) => b.size - a.size)[0].day;
  const dayWeight = pageWeight(dist, `/papers/date/${busiestDay}/`);
  // Queries readers type (one word, two, a common one), each followed by another once the index is warm.
  const search = await measureSearch(dist, [
    { query: 'diffusion', next: 'diffusion transformer' },
    { query: 'reinforcement learning', next: 'reward model' },
    { query: 'video generation', next: 'robot' },
    { query: 'benchmark', next: 'mixture of experts' },
    { query: 'language model', next: 'agents' },
  ]);

  const results = {
    date: new Date().toISOString(),
    papers: summary.written,
    pages,
    ingestSeconds: round(ingestSeconds),
    buildSeconds: round(build.seconds),
    pagesPerSecond: Math.round(pages / build.seconds),
    buildPeakRssMb: build.peakRssMb,
    pagefindSeconds,
    outputMb: round(bytes / 1e6),
    outputFiles: files.length,
    largestDayPage: { day: busiestDay, ...dayWeight },
    search,
  };
  console.table({
    papers: results.papers,
    pages: results.pages,
    'ingest s': results.ingestSeconds,
    'build s (with index)': results.buildSeconds,
    'pages/s': results.pagesPerSecond,
    'peak RSS MB': JSON.stringify(results.buildPeakRssMb),
    'Pagefind s': results.pagefindSeconds,
    'output MB': results.outputMb,
    'output files': results.outputFiles,
    [`day page ${busiestDay}, gzip HTML+CSS bytes (budget 60 KB)`]: dayWeight.total,
    'first search query, max gzip KB of index data (budget 150 KB)': round(Math.max(...search.map((cost) => cost.firstQueryDataBytes)) / 1000),
    'first search query, gzip KB of Pagefind code': round(Math.max(...search.map((cost) => cost.firstQueryCodeBytes)) / 1000),
    'first results, max ms after typing (budget 300 ms)': Math.max(...search.map((cost) => cost.firstResultsMs)),
    'whole archive searched, max gzip KB of index data': round(Math.max(...search.map((cost) => cost.completeQueryDataBytes)) / 1000),
    'whole archive searched, max ms after typing': Math.max(...search.map((cost) => cost.completeResultsMs)),
  });
  console.table(search);
  writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results written to ${values.json}`);
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
