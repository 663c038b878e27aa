import { HOSTS, LIMITED_HOSTS, overHostLimits } from '../../src/lib/hosts.ts';
import { OUTPUT_KINDS } from '../../src/lib/output-kinds.ts';
import type { CollectionBench } from './bench-collection.ts';

/** A bench run: one collection per scale (or the --data folders), with where and on what it ran. */
export interface BenchRun {
  date: string;
  commit: string;
  node: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /**
   * Each collection's figures, its scale (none for --data folders) and the machine's one-minute
   * load average when its bench started and ended: timings are wall time, and others' work on
   * the machine shows in them.
   */
  collections: (CollectionBench & { scale?: number; load?: [number, number] })[];
  /** Collections whose bench stopped (a failed build, say), and why; the others are still reported. */
  failures: { label: string; scale?: number; error: string }[];
}

type Collection = BenchRun['collections'][number];

/** A limit the project holds itself to, on one figure, for the collections it is about. */
interface Budget {
  /** The row it sits on. */
  row: string;
  text: string;
  limit: number;
  appliesTo: (collection: Collection) => boolean;
}

const realArchive = (collection: Collection) => collection.scale === 1;
const archiveScale = (collection: Collection) => collection.papers >= 50_000;
const everySite = () => true;

/** Budgets from issue 8 (build, memory, a daily update) and from the reader's side (page weight, search). */
export const BUDGETS: Budget[] = [
  { row: 'cold s, ingest included', text: '≤ 40 s at 1× (6,747 papers)', limit: 40, appliesTo: realArchive },
  { row: 'cold s, ingest included', text: '≤ 240 s at ≥ 50,000 papers', limit: 240, appliesTo: archiveScale },
  { row: 'peak RSS MB, at once', text: '≤ 4,096 MB at ≥ 50,000 papers', limit: 4096, appliesTo: archiveScale },
  { row: 'add one day and rebuild, s', text: '≤ 30 s at ≥ 50,000 papers', limit: 30, appliesTo: archiveScale },
  { row: 'largest day page, gzip KB', text: '≤ 60 KB', limit: 60, appliesTo: everySite },
  // Issue 22: the output fits the hosts (src/lib/hosts.ts) at the real archive's size and at 8×.
  { row: 'output files', text: '≤ 20,000 at 1× (Cloudflare, free)', limit: 20_000, appliesTo: realArchive },
  { row: 'output MB', text: '≤ 1,000 MB at ≥ 50,000 papers (GitHub Pages)', limit: 1000, appliesTo: archiveScale },
  { row: 'output files per paper', text: '≤ 2.5 at ≥ 50,000 papers', limit: 2.5, appliesTo: archiveScale },
  { row: 'largest file MB', text: '≤ 26.2 MB (25 MiB, Cloudflare)', limit: 26.2, appliesTo: everySite },
  { row: 'first query, max gzip KB of index data', text: '≤ 150 KB', limit: 150, appliesTo: everySite },
  { row: 'first results after typing, max ms', text: '≤ 300 ms', limit: 300, appliesTo: everySite },
];

/** The figures of one row, by collection; undefined where there is none. */
const ROWS: [string, (c: Collection) => number | string | undefined][] = [
  ['papers', (c) => c.papers],
  ['list days (years)', (c) => `${c.days} (${years(c.firstDay, c.lastDay)})`],
  ['pages (HTML)', (c) => c.pages],
  ['ingest s', (c) => c.ingest.seconds],
  ['cold build s', (c) => c.build.seconds],
  ['cold s, ingest included', (c) => c.coldSeconds],
  ['pages/s (cold build)', (c) => Math.round(c.pagesPerSecond)],
  ['· content sync s', (c) => c.build.phases.contentSyncSeconds],
  ['· bundle s', (c) => c.build.phases.bundleSeconds],
  ['· render s', (c) => c.build.phases.renderSeconds],
  ['· index (Pagefind) s', (c) => c.build.phases.indexSeconds],
  ['· other s', (c) => c.build.phases.otherSeconds],
  ['search shards', (c) => c.build.phases.shards],
  ['peak RSS MB, at once', (c) => Math.max(c.ingest.peakRssMb, c.build.peakTreeRssMb)],
  ['· ingest', (c) => c.ingest.peakRssMb],
  ['· build, Node', (c) => c.build.peakRssMb.MainThread ?? c.build.peakRssMb.node],
  ['· build, Pagefind', (c) => c.build.peakRssMb.pagefind_extend],
  ['output MB', (c) => c.output.bytes / 1e6],
  ['output files', (c) => c.output.files],
  ['output files per paper', (c) => c.output.files / c.papers],
  ...OUTPUT_KINDS.map((kind): [string, (c: Collection) => string] => [`· ${kind}: files · MB`, (c) => `${formatNumber(c.output.kinds[kind].files)} · ${formatNumber(c.output.kinds[kind].bytes / 1e6)}`]),
  ['· KB per 1,000 papers, all', (c) => Math.round(c.output.bytes / c.papers)],
  ['largest file MB', (c) => c.output.largestFile.bytes / 1e6],
  [`fits ${LIMITED_HOSTS.map((host) => HOSTS[host].name).join(' · ')}`, (c) => LIMITED_HOSTS.map((host) => (overHostLimits(host, c.output).length === 0 ? '✓' : '✗')).join(' · ')],
  ['add one day and rebuild, s', (c) => c.addOneDay.seconds],
  ['· ingest s', (c) => c.addOneDay.ingestSeconds],
  ['· rebuild s', (c) => c.addOneDay.rebuild.seconds],
  ['· sync · bundle · render · index · other s', (c) => phaseSeconds(c.addOneDay.rebuild.phases)],
  ['· routes rendered · kept', (c) => `${formatNumber(c.addOneDay.rebuild.phases.renderedRoutes)} · ${formatNumber(c.addOneDay.rebuild.phases.keptRoutes)}`],
  ['· rebuild peak RSS MB, at once', (c) => c.addOneDay.rebuild.peakTreeRssMb],
  ['deploy to loopback S3: files · MB · s', (c) => deployFigures(c.deploy.cold)],
  ['· after one day: files · MB · s · deleted', (c) => `${deployFigures(c.deploy.addOneDay)} · ${formatNumber(c.deploy.addOneDay.deleted)}`],
  ['largest day page, gzip KB', (c) => c.largestDayPage.total / 1000],
  ['first query, max gzip KB of index data', (c) => kilobytes(max(c, (cost) => cost.firstQueryDataBytes))],
  ['· typed key by key, max gzip KB', (c) => kilobytes(max(c, (cost) => cost.typedQueryDataBytes))],
  ['first query, gzip KB of Pagefind code', (c) => kilobytes(max(c, (cost) => cost.firstQueryCodeBytes))],
  ['first results after typing, max ms', (c) => max(c, (cost) => cost.firstResultsMs)],
  ['first results, pasted at load, max ms', (c) => max(c, (cost) => cost.pastedResultsMs)],
  ['whole archive searched, max gzip KB', (c) => kilobytes(max(c, (cost) => cost.completeQueryDataBytes))],
  ['whole archive searched, max ms', (c) => max(c, (cost) => cost.completeResultsMs)],
  ['machine load, start → end', (c) => c.load && c.load.map((load) => load.toFixed(1)).join(' → ')],
];

function years(first: string, last: string): string {
  return first.slice(0, 4) === last.slice(0, 4) ? first.slice(0, 4) : `${first.slice(0, 4)}–${last.slice(0, 4)}`;
}

/** A build's phases in one cell: `8.5 · 5.5 · 41.8 · 18.2 · 1.80`. */
function phaseSeconds(phases: Collection['build']['phases']): string {
  const { contentSyncSeconds, bundleSeconds, renderSeconds, indexSeconds, otherSeconds } = phases;
  return [contentSyncSeconds, bundleSeconds, renderSeconds, indexSeconds, otherSeconds].map((seconds) => (seconds === undefined ? '–' : formatNumber(seconds))).join(' · ');
}

/** A deploy's uploads and time in one cell: `1,204 · 13.6 · 4.10`. */
function deployFigures({ files, bytes, seconds }: Collection['deploy']['cold']): string {
  return [files, bytes / 1e6, seconds].map(formatNumber).join(' · ');
}

function kilobytes(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : bytes / 1000;
}

function max(collection: Collection, figure: (cost: Collection['search'][number]) => number): number | undefined {
  return collection.search.length > 0 ? Math.max(...collection.search.map(figure)) : undefined;
}

/** Whether each budget holds, for each collection it is about. */
export function budgetChecks(run: BenchRun): { budget: string; row: string; limit: number; results: { collection: string; value: number; holds: boolean }[] }[] {
  return BUDGETS.map((budget) => {
    const figure = ROWS.find(([row]) => row === budget.row)![1];
    const results = run.collections
      .filter((collection) => budget.appliesTo(collection) && figure(collection) !== undefined)
      .map((collection) => ({ collection: collection.label, value: Number(figure(collection)), holds: Number(figure(collection)) <= budget.limit }));
    return { budget: budget.text, row: budget.row, limit: budget.limit, results };
  });
}

/**
 * The bench's table: a row per figure, a column per collection, and the budgets beside the rows
 * they limit; a figure a budget applies to is marked ✓ (holds) or ✗ (over).
 */
export function benchTable(run: BenchRun): string {
  const header = ['', 'budget', ...run.collections.map((collection) => collection.label)];
  const rows = ROWS.map(([row, figure]) => {
    const budgets = BUDGETS.filter((budget) => budget.row === row);
    const cells = run.collections.map((collection) => {
      const value = figure(collection);
      if (value === undefined) return '–';
      const budget = budgets.find((candidate) => candidate.appliesTo(collection));
      const text = typeof value === 'number' ? formatNumber(value) : value;
      return budget ? `${text} ${Number(value) <= budget.limit ? '✓' : '✗'}` : text;
    });
    return [row, budgets.map((budget) => budget.text).join('; '), ...cells];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((cells) => cells[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The per-query search figures, a row per collection and query. */
export function searchRows(run: BenchRun): Record<string, unknown>[] {
  return run.collections.flatMap((collection) => collection.search.map((cost) => ({ collection: collection.label, ...cost })));
}

/** Whole numbers with thousands separators; others to one decimal (two below 10). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1, minimumFractionDigits: Math.abs(value) < 10 ? 2 : 1 });
}
