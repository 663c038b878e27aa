#!/usr/bin/env node
// Times relatedPapers on the real Hugging Face papers and on the set replicated 8 times (ids
// rewritten, about 54,000 papers): `npm run bench:related [-- <papers-folder>] [--copies 1,8] [--cap N]`.
// Without a folder, it ingests ../shared/data/hf-daily-papers into a temporary folder first.
// Each size runs in its own child process so its peak memory is its own; the call is repeated
// (--runs, default 3) and the fastest run reported, with the CPU time it took, because wall time
// on a shared machine is noisy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from '../src/cli/command-line.ts';
import { ingest } from '../src/ingest/run.ts';
import { readFrontMatter } from '../src/lib/front-matter.ts';
import { DEFAULT_MAX_DOCUMENT_FREQUENCY, relatedPapers, type RelatedInput } from '../src/lib/related.ts';

const USAGE = 'usage: npm run bench:related [-- <papers-folder>] [--copies 1,8] [--cap N] [--runs 3]';
const { values, positionals } = parseCommandLine(
  { allowPositionals: true, options: { copies: { type: 'string', default: '1,8' }, cap: { type: 'string' }, runs: { type: 'string', default: '3' }, child: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } },
  USAGE,
);

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function readPapers(folder: string): RelatedInput[] {
  return readdirSync(folder).filter((name) => name.endsWith('.md')).sort().map((name) => {
    const { data } = readFrontMatter(readFileSync(join(folder, name), 'utf8'));
    const { id, title, keywords, aiSummary, categories } = data as RelatedInput;
    return { id, title, keywords, aiSummary, categories };
  });
}

if (values.child) {
  // One measurement: read, replicate, gc, time the call, report as JSON on stdout.
  const [folder, copiesText] = positionals;
  const copies = Number(copiesText);
  const base = readPapers(folder);
  const papers = Array.from({ length: copies }, (_, copy) => base.map((paper) => (copy === 0 ? paper : { ...paper, id: `${paper.id}.${copy}` }))).flat();
  const cap = values.cap === undefined ? undefined : Number(values.cap);
  globalThis.gc?.();
  const before = process.memoryUsage();
  let related = new Map<string, string[]>();
  let seconds = Infinity;
  let cpuSeconds = Infinity;
  let after = before;
  for (let run = 0; run < Number(values.runs); run++) {
    related = new Map();
    globalThis.gc?.();
    const cpu = process.cpuUsage();
    const started = performance.now();
    related = relatedPapers(papers, { maxDocumentFrequency: cap });
    const wall = (performance.now() - started) / 1000;
    if (run === 0) after = process.memoryUsage(); // the first run's heap, before any later run's garbage
    if (wall < seconds) {
      seconds = wall;
      const used = process.cpuUsage(cpu);
      cpuSeconds = (used.user + used.system) / 1e6;
    }
  }
  let links = 0;
  for (const list of related.values()) links += list.length;
  console.log(JSON.stringify({
    papers: papers.length,
    cap: cap ?? DEFAULT_MAX_DOCUMENT_FREQUENCY,
    seconds,
    cpuSeconds,
    links,
    heapBefore: before.heapUsed,
    heapTotalAfter: after.heapTotal,
    heapUsedAfter: after.heapUsed,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }));
} else {
  let folder = positionals[0];
  let temporary: string | undefined;
  if (!folder) {
    temporary = folder = mkdtempSync(join(tmpdir(), 'daily-papers-bench-'));
    const hfDaily = fileURLToPath(new URL('../../shared/data/hf-daily-papers', import.meta.url));
    const started = performance.now();
    const summary = ingest({ inputs: [hfDaily], outDir: folder });
    console.log(`ingested ${summary.written} papers from ${hfDaily} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  try {
    console.log('papers   cap  seconds  cpu s   links  heap before  heap total after  heap used after  peak RSS');
    for (const copies of values.copies.split(',').map(Number)) {
      const args = ['--expose-gc', fileURLToPath(import.meta.url), '--child', folder, String(copies), '--runs', values.runs, ...(values.cap ? ['--cap', values.cap] : [])];
      const run = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }));
      console.log(
        `${String(run.papers).padStart(6)}  ${String(run.cap).padStart(4)}  ${run.seconds.toFixed(2).padStart(7)}  ${run.cpuSeconds.toFixed(2).padStart(5)}  ${String(run.links).padStart(6)}  ` +
        `${mib(run.heapBefore).padStart(11)}  ${mib(run.heapTotalAfter).padStart(16)}  ${mib(run.heapUsedAfter).padStart(15)}  ${mib(run.peakRss).padStart(8)}`,
      );
    }
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
