/**
 * What a built site is made of, by kind of output, so its size can be weighed per kind and per
 * 1,000 papers against what hosts take (src/lib/hosts.ts). A file's kind is told from its path
 * in the output folder (src/lib/paths.ts says where each page goes).
 */

export const OUTPUT_KINDS = ['paper pages', 'day, week and month listings', 'topic pages', 'organization pages', 'feeds', 'search index', 'open data', 'digests', 'other pages and assets'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** The kind of a file of the output, by its path relative to the output folder (with `/`). */
export function outputKindOf(path: string): OutputKind {
  if (/^(rss\.xml|atom\.xml|feed\.json|(topics|orgs)\/[^/]+\/rss\.xml)$/.test(path)) return 'feeds';
  if (/^papers\/(date|week|month)\//.test(path) || path === 'papers/index.html') return 'day, week and month listings';
  if (path.startsWith('papers/')) return 'paper pages';
  if (path.startsWith('topics/')) return 'topic pages';
  if (path.startsWith('orgs/')) return 'organization pages';
  if (path.startsWith('pagefind/') || path === 'search/sorts.json') return 'search index';
  if (path.startsWith('data/')) return 'open data';
  if (path.startsWith('digest/')) return 'digests';
  return 'other pages and assets';
}

/** How many files, and bytes, of one kind or of the whole output. */
export interface OutputMeasure {
  files: number;
  bytes: number;
}

/** The whole output's files and bytes, its largest file, and each kind's share. */
export interface OutputBreakdown extends OutputMeasure {
  largestFile: { path: string; bytes: number };
  kinds: Record<OutputKind, OutputMeasure>;
}

/** Sums the output's files by kind. */
export function outputBreakdown(files: readonly { path: string; bytes: number }[]): OutputBreakdown {
  const kinds = Object.fromEntries(OUTPUT_KINDS.map((kind) => [kind, { files: 0, bytes: 0 }])) as Record<OutputKind, OutputMeasure>;
  let largestFile = { path: '', bytes: 0 };
  for (const file of files) {
    const kind = kinds[outputKindOf(file.path)];
    kind.files++;
    kind.bytes += file.bytes;
    if (file.bytes > largestFile.bytes) largestFile = file;
  }
  return { files: files.length, bytes: files.reduce((sum, file) => sum + file.bytes, 0), largestFile, kinds };
}
