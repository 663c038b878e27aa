import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuildCommand, EXTERNAL_MEMORY_FLAG, heapLimitMb } from '../src/build/astro-build.ts';
import { scratchFolder } from './support/scratch.ts';

/** A collection folder of `count` paper files, some in a subfolder, beside files that are not papers. */
function collection(count: number): string {
  const dir = scratchFolder('astro-build');
  mkdirSync(join(dir, 'older'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, i % 2 ? 'older' : '', `2501.${String(i).padStart(5, '0')}.md`), '---\n---\n');
  writeFileSync(join(dir, 'README.txt'), 'not a paper');
  return dir;
}

/** The heap limit V8 runs under with the command's Node flags, in MB. */
function heapLimitUnder(flags: string[]): number {
  const run = spawnSync(process.execPath, [...flags, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  if (run.status !== 0 || !/^\d+\s*$/.test(run.stdout)) throw new Error(`node ${flags.join(' ')} failed (${run.status ?? run.error?.message}): ${run.stdout}${run.stderr}`);
  return Number(run.stdout) / 2 ** 20;
}

/** How many full (mark-compact) collections V8 runs, under `flags`, while 20,000 buffers of 40 KB are made and dropped. */
function fullCollectionsUnder(flags: string[]): number {
  const script = `
    const { PerformanceObserver, constants } = require('node:perf_hooks');
    let full = 0;
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++; }).observe({ entryTypes: ['gc'] });
    for (let i = 0; i < 20000; i++) new Uint8Array(40000);
    setTimeout(() => console.log(full), 50);`;
  const run = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${flags.join(' ')} failed: ${run.stderr}`);
  return Number(run.stdout);
}

describe('the Node process that runs a build', () => {
  it('is 2 GB for a collection up to 46,000 papers, then grows by 22 MB per 1,000 papers', () => {
    expect([0, 6_747, 46_000].map((papers) => heapLimitMb(papers))).toEqual([2048, 2048, 2048]);
    expect(heapLimitMb(54_000) - heapLimitMb(53_000)).toBe(22);
    expect(heapLimitMb(100_000)).toBe(3224);
    expect(heapLimitMb(400_000)).toBe(9824);
  });

  it('grows by 35 MB per 1,000 papers past 29,000 where V8 does not count ArrayBuffers within it', () => {
    const limit = (papers: number) => heapLimitMb(papers, { buffersCounted: false });
    expect([0, 29_000].map(limit)).toEqual([2048, 2048]);
    expect(limit(54_000) - limit(53_000)).toBe(35);
    expect(limit(100_000)).toBe(4524);
  });

  it('counts the papers of the collection, in its subfolders too, and runs Node under the limit they need', () => {
    const papers = 47_000;
    const { command, args } = astroBuildCommand({ root: '/project', papersDir: collection(papers), args: ['--outDir', 'out'] });
    expect(command).toBe(process.execPath);
    expect(args).toEqual([`--max-old-space-size=${heapLimitMb(papers)}`, EXTERNAL_MEMORY_FLAG, join('/project', 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', 'out']);
    expect(heapLimitMb(papers)).toBeGreaterThan(heapLimitMb(papers - 1_000));
    // V8 takes the flag: its limit is the one asked for, give or take its young generation.
    expect(heapLimitUnder(args.slice(0, 1))).toBeGreaterThanOrEqual(heapLimitMb(papers));
    expect(heapLimitUnder(args.slice(0, 1))).toBeLessThan(heapLimitMb(papers) + 256);
  });

  it('leaves a limit the owner set in NODE_OPTIONS to rule', () => {
    const { args } = astroBuildCommand({ root: '/project', papersDir: collection(2), nodeOptions: '--enable-source-maps --max-old-space-size=8192' });
    expect(args).toEqual([EXTERNAL_MEMORY_FLAG, join('/project', 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  });

  it('runs Node so that short-lived bytes, as of pages written, start no full garbage collection', () => {
    const { args } = astroBuildCommand({ root: '/project', papersDir: collection(2) });
    const flags = args.filter((arg) => arg.startsWith('--'));
    expect(flags).toContain(EXTERNAL_MEMORY_FLAG);
    // 800 MB of page-sized bytes, each dropped at once, next to a heap that never fills.
    expect(fullCollectionsUnder(flags)).toBe(0);
    expect(fullCollectionsUnder(flags.filter((flag) => flag !== EXTERNAL_MEMORY_FLAG))).toBeGreaterThan(3);
  });

  it('runs a build of a folder with no papers yet under the smallest limit', () => {
    const { args } = astroBuildCommand({ root: '/project', papersDir: join(scratchFolder('astro-build'), 'not-there') });
    expect(args[0]).toBe(`--max-old-space-size=${heapLimitMb(0)}`);
  });
});
