import type { OutputBreakdown } from './output-kinds.ts';

/**
 * The static hosts whose published limits a site's output must fit, as their documentation
 * gives them (docs/deploy.md): a build over one cannot be deployed there whole.
 */
export const HOSTS = {
  'cloudflare-free': { name: 'Cloudflare Pages, free plan', maxFiles: 20_000, maxFileBytes: 25 * 2 ** 20 },
  'cloudflare-paid': { name: 'Cloudflare Pages, paid plan', maxFiles: 100_000, maxFileBytes: 25 * 2 ** 20 },
  'github-pages': { name: 'GitHub Pages', maxBytes: 1e9 },
} as const satisfies Record<string, { name: string; maxFiles?: number; maxBytes?: number; maxFileBytes?: number }>;

export type HostName = keyof typeof HOSTS;

type Limits = { maxFiles?: number; maxBytes?: number; maxFileBytes?: number };

const count = (value: number) => value.toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Each limit of `host` the output is over, said with the limit and the figure; none when it fits. */
export function overHostLimits(host: HostName, output: Pick<OutputBreakdown, 'files' | 'bytes' | 'largestFile'>): string[] {
  const { name, ...limits }: { name: string } & Limits = HOSTS[host];
  const over: string[] = [];
  if (limits.maxFiles !== undefined && output.files > limits.maxFiles) over.push(`${name} takes at most ${count(limits.maxFiles)} files; the site has ${count(output.files)}`);
  if (limits.maxBytes !== undefined && output.bytes > limits.maxBytes) over.push(`${name} takes at most ${megabytes(limits.maxBytes)} in all; the site has ${megabytes(output.bytes)}`);
  if (limits.maxFileBytes !== undefined && output.largestFile.bytes > limits.maxFileBytes) over.push(`${name} takes no file over ${megabytes(limits.maxFileBytes)}; ${output.largestFile.path} has ${megabytes(output.largestFile.bytes)}`);
  return over;
}
