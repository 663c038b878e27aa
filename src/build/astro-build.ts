import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { filesUnder } from '../fs/files.ts';

/** A flag that sets V8's old-space heap limit, as in NODE_OPTIONS. */
const HEAP_LIMIT_FLAG = /--max-old-space-size\b/;

/**
 * The heap limit, in MB, for building a collection of `papers` papers: 1 GB and 22 MB per 1,000
 * papers, and never less than 2 GB; 35 MB per 1,000 where V8 does not count ArrayBuffers within
 * it (EXTERNAL_MEMORY_FLAG). V8's own limit is fixed (about 4.2 GB on these machines), whatever
 * the collection: at 54,000 papers the build ran up against it, collected late and over a lot,
 * and passed the 4 GB budget; under a 3 GB limit it was faster and stayed within it. Counted
 * within the limit, ArrayBuffers let the process grow by more under the same limit (3.8 GB at
 * 54,000 papers under 2.9 GB): 2.2 GB held it to 3.3 GB (docs/performance.md). At 100,000 papers
 * and more, V8's limit is too small. Small collections keep room to spare. The rule leaves room
 * for Pagefind, which indexes in its own process while the pages render (about 0.6 GB), within
 * the 4 GB at 54,000 papers.
 */
export function heapLimitMb(papers: number, { buffersCounted = true }: { buffersCounted?: boolean } = {}): number {
  return Math.max(2048, Math.ceil(1024 + ((buffersCounted ? 22 : 35) * papers) / 1000));
}

/**
 * A V8 flag that counts the memory of ArrayBuffers within the heap's own limit. Without it V8 runs a
 * full collection whenever that memory has grown by 64 MB since the last, whatever room the heap
 * has: Astro turns every page into bytes, twice, and at 54,000 papers that started 111 of a cold
 * build's 117 full collections, each some 0.8 s of the render's thread over a 1.2 GB heap
 * (docs/performance.md). Counted in the limit, they were 15.
 */
export const EXTERNAL_MEMORY_FLAG = '--external-memory-accounted-in-global-limit';

/** Whether the Node at `node` takes a V8 flag: the flag is V8 13's, and another Node may refuse it. */
function takesFlag(node: string, flag: string): boolean {
  return spawnSync(node, [flag, '-e', ''], { stdio: 'ignore' }).status === 0;
}

/**
 * The command that runs `astro build` (with `args` after it) from the project in `root`, under
 * the heap limit for the collection in `papersDir`: `node --max-old-space-size=N astro.mjs build`,
 * with ArrayBuffers counted in the heap's limit where this Node can. A limit the owner set in
 * NODE_OPTIONS is left to rule.
 */
export function astroBuildCommand({ root, papersDir, nodeOptions, args = [] }: { root: string; papersDir: string; nodeOptions?: string; args?: readonly string[] }): { command: string; args: string[] } {
  const papers = filesUnder(papersDir).filter((path) => path.endsWith('.md')).length;
  const buffersCounted = takesFlag(process.execPath, EXTERNAL_MEMORY_FLAG);
  const heap = nodeOptions && HEAP_LIMIT_FLAG.test(nodeOptions) ? [] : [`--max-old-space-size=${heapLimitMb(papers, { buffersCounted })}`];
  return { command: process.execPath, args: [...heap, ...(buffersCounted ? [EXTERNAL_MEMORY_FLAG] : []), join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...args] };
}
