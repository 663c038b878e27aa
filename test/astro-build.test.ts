import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuildCommand, heapLimitMb } from '../src/build/astro-build.ts';
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

describe('the heap limit of a build', () => {
  it('is 2 GB for a collection up to 29,000 papers, then grows by 35 MB per 1,000 papers', () => {
    expect([0, 6_747, 29_000].map(heapLimitMb)).toEqual([2048, 2048, 2048]);
    expect(heapLimitMb(54_000) - heapLimitMb(53_000)).toBe(35);
    expect(heapLimitMb(100_000)).toBe(4524);
    expect(heapLimitMb(400_000)).toBe(15_024);
  });

  it('counts the papers of the collection, in its subfolders too, and runs Node under the limit they need', () => {
    const papers = 30_000;
    const { command, args } = astroBuildCommand({ root: '/project', papersDir: collection(papers), args: ['--outDir', 'out'] });
    expect(command).toBe(process.execPath);
    expect(args).toEqual([`--max-old-space-size=${heapLimitMb(papers)}`, join('/project', 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', 'out']);
    expect(heapLimitMb(papers)).toBeGreaterThan(heapLimitMb(papers - 1_000));
    // V8 takes the flag: its limit is the one asked for, give or take its young generation.
    expect(heapLimitUnder(args.slice(0, 1))).toBeGreaterThanOrEqual(heapLimitMb(papers));
    expect(heapLimitUnder(args.slice(0, 1))).toBeLessThan(heapLimitMb(papers) + 256);
  });

  it('leaves a limit the owner set in NODE_OPTIONS to rule', () => {
    const { args } = astroBuildCommand({ root: '/project', papersDir: collection(2), nodeOptions: '--enable-source-maps --max-old-space-size=8192' });
    expect(args).toEqual([join('/project', 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  });

  it('runs a build of a folder with no papers yet under the smallest limit', () => {
    const { args } = astroBuildCommand({ root: '/project', papersDir: join(scratchFolder('astro-build'), 'not-there') });
    expect(args[0]).toBe(`--max-old-space-size=${heapLimitMb(0)}`);
  });
});
