import { describe, expect, it } from 'vitest';
import { benchTable, budgetChecks, formatNumber, type BenchRun } from '../scripts/tooling/bench-report.ts';
import { outputBreakdown } from '../src/lib/output-kinds.ts';

/** A collection's figures, as the bench would give them, with the cold and update seconds and the memory chosen. */
function collection(label: string, scale: number, papers: number, { cold, addDay, rssMb }: { cold: number; addDay: number; rssMb: number }): BenchRun['collections'][number] {
  const build = { seconds: cold - 5, phases: { contentSyncSeconds: 1, bundleSeconds: 1, renderSeconds: 1, indexSeconds: 1, otherSeconds: 1, renderedRoutes: papers + 1000, keptRoutes: 0 }, peakRssMb: { MainThread: rssMb, pagefind_extend: 300 }, peakTreeRssMb: rssMb };
  const cost = { query: 'diffusion', results: 10, firstQueryDataBytes: 90_000, typedQueryDataBytes: 120_000, completeQueryDataBytes: 200_000, firstQueryCodeBytes: 85_000, firstQueryRequests: 16, firstResultsMs: 250, pastedResultsMs: 450, completeResultsMs: 400, nextResultsMs: 100 };
  return {
    label,
    scale,
    papers,
    days: 374,
    firstDay: '2025-01-13',
    lastDay: '2026-06-24',
    pages: papers + 1000,
    ingest: { seconds: 5, peakRssMb: 500, read: papers, written: papers, errors: 0 },
    build,
    coldSeconds: cold,
    pagesPerSecond: (papers + 1000) / build.seconds,
    output: outputBreakdown([
      ...Array.from({ length: papers }, (_, i) => ({ path: `papers/${i}/index.html`, bytes: 10_000 })),
      ...Array.from({ length: papers }, (_, i) => ({ path: `pagefind/2026-01-01/fragment/en_${i}.pf_fragment`, bytes: 1_000 })),
      { path: 'pagefind/2026-01-01/index/en_big.pf_index', bytes: scale === 8 ? 30e6 : 1e6 },
    ]),
    largestDayPage: { day: '2025-05-05', htmlGzip: 20_000, cssGzip: 2_000, total: 22_000 },
    search: [cost],
    addOneDay: { day: '2026-06-25', papers: 21, seconds: addDay, ingestSeconds: 0.1, rebuild: { ...build, seconds: addDay - 0.1, phases: { ...build.phases, renderSeconds: 12.5, renderedRoutes: 1200, keptRoutes: papers * 2 } } },
    deploy: { cold: { files: papers * 2 + 1, bytes: papers * 11_000, deleted: 0, seconds: papers / 1000 }, addOneDay: { files: 300, bytes: 4_500_000, deleted: 2, seconds: 1.5 } },
  };
}

const run: BenchRun = {
  date: '2026-11-29T00:00:00.000Z',
  commit: 'abc',
  node: 'v24.21.0',
  cpus: 2,
  cpuModel: 'test',
  memoryGb: 24,
  collections: [
    collection('1×', 1, 6747, { cold: 38, addDay: 20, rssMb: 1500 }),
    collection('4×', 4, 26_988, { cold: 150, addDay: 40, rssMb: 3000 }),
    collection('8×', 8, 53_976, { cold: 300, addDay: 25, rssMb: 3900 }),
  ],
  failures: [],
};

describe('the bench report', () => {
  it('checks each budget on the collections it is about: the real archive, or 50,000 papers and more', () => {
    const checks = budgetChecks(run);
    const of = (budget: string) => checks.find((check) => check.budget === budget)!.results;
    expect(of('≤ 40 s at 1× (6,747 papers)')).toEqual([{ collection: '1×', value: 38, holds: true }]);
    expect(of('≤ 240 s at ≥ 50,000 papers')).toEqual([{ collection: '8×', value: 300, holds: false }]);
    expect(of('≤ 4,096 MB at ≥ 50,000 papers')).toEqual([{ collection: '8×', value: 3900, holds: true }]);
    expect(of('≤ 30 s at ≥ 50,000 papers')).toEqual([{ collection: '8×', value: 25, holds: true }]);
    expect(of('≤ 300 ms').map((result) => result.holds)).toEqual([true, true, true]);
    // The hosts: 2 files a paper and one index file; 8× has a file over Cloudflare's 25 MiB.
    expect(of('≤ 20,000 at 1× (Cloudflare, free)')).toEqual([{ collection: '1×', value: 2 * 6747 + 1, holds: true }]);
    expect(of('≤ 2.5 at ≥ 50,000 papers')).toEqual([{ collection: '8×', value: (2 * 53_976 + 1) / 53_976, holds: true }]);
    expect(of('≤ 26.2 MB (25 MiB, Cloudflare)').map((result) => result.holds)).toEqual([true, true, false]);
  });

  it('weighs the output by kind, and says which hosts take it whole', () => {
    const table = benchTable(run).split('\n');
    const row = (name: string) => table.find((line) => line.startsWith(name))!;
    expect(row('· paper pages: files · MB')).toMatch(/6,747 · 67\.5\s+26,988 · 269\.9\s+53,976 · 539\.8$/);
    expect(row('fits Cloudflare Pages, free plan · Cloudflare Pages, paid plan · GitHub Pages')).toMatch(/✓ · ✓ · ✓\s+✗ · ✓ · ✓\s+✗ · ✗ · ✓$/);
  });

  it('prints the budgets beside their rows, and marks only the figures they apply to', () => {
    const table = benchTable(run).split('\n');
    expect(table[0]).toMatch(/budget\s+1×\s+4×\s+8×$/);
    const row = (name: string) => table.find((line) => line.startsWith(name))!;
    expect(row('cold s, ingest included')).toMatch(/≤ 40 s at 1× \(6,747 papers\); ≤ 240 s at ≥ 50,000 papers\s+38 ✓\s+150\s+300 ✗$/);
    expect(row('add one day and rebuild, s')).toMatch(/≤ 30 s at ≥ 50,000 papers\s+20\s+40\s+25 ✓$/);
    expect(row('papers')).toMatch(/6,747\s+26,988\s+53,976$/);
    expect(row('list days (years)')).toMatch(/374 \(2025–2026\)/);
    expect(row('· sync · bundle · render · index · other s')).toMatch(/1 · 1 · 12.5 · 1 · 1$/);
    expect(row('· routes rendered · kept')).toMatch(/1,200 · 13,494\s+1,200 · 53,976\s+1,200 · 107,952$/);
  });

  it('shows what a deploy uploads: the cold build whole, then what one day changed and deleted', () => {
    const table = benchTable(run).split('\n');
    const row = (name: string) => table.find((line) => line.startsWith(name))!;
    expect(row('deploy to loopback S3: files · MB · s')).toMatch(/13,495 · 74\.2 · 6\.75\s+53,977 · 296\.9 · 27\.0\s+107,953 · 593\.7 · 54\.0$/);
    expect(row('· after one day: files · MB · s · deleted')).toMatch(/300 · 4\.50 · 1\.50 · 2$/);
  });

  it('writes whole numbers with separators, and other figures to one decimal, two below ten', () => {
    expect([formatNumber(53_976), formatNumber(38.04), formatNumber(4.2), formatNumber(101.261)]).toEqual(['53,976', '38.0', '4.20', '101.3']);
  });
});
