import { join } from 'node:path';
import { filesUnder } from '../ingest/files.ts';

/** A flag that sets V8's old-space heap limit, as in NODE_OPTIONS. */
const HEAP_LIMIT_FLAG = /--max-old-space-size\b/;

/**
 * The heap limit, in MB, for building a collection of `papers` papers: 1 GB and 35 MB per 1,000
 * papers, and never less than 2 GB. V8's own limit is fixed (about 4.2 GB on these machines),
 * whatever the collection: at 54,000 papers the build ran up against it, collected late and
 * over a lot, and passed the 4 GB budget; under a 3 GB limit it was faster and stayed within it
 * (docs/performance.md). At 100,000 papers and more, V8's limit is too small. Small collections
 * keep room to spare. The rule leaves room for Pagefind, which indexes in its own process while
 * the pages render (about 0.5 GB), within the 4 GB at 54,000 papers.
 */
export function heapLimitMb(papers: number): number {
  return Math.max(2048, Math.ceil(1024 + (35 * papers) / 1000));
}

/**
 * The command that runs `astro build` (with `args` after it) from the project in `root`, under
 * the heap limit for the collection in `papersDir`: `node --max-old-space-size=N astro.mjs build`.
 * A limit the owner set in NODE_OPTIONS is left to rule.
 */
export function astroBuildCommand({ root, papersDir, nodeOptions, args = [] }: { root: string; papersDir: string; nodeOptions?: string; args?: readonly string[] }): { command: string; args: string[] } {
  const papers = filesUnder(papersDir).filter((path) => path.endsWith('.md')).length;
  const heap = nodeOptions && HEAP_LIMIT_FLAG.test(nodeOptions) ? [] : [`--max-old-space-size=${heapLimitMb(papers)}`];
  return { command: process.execPath, args: [...heap, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...args] };
}
