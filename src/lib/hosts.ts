import type { OutputBreakdown } from './output-kinds.ts';

/** What a host takes: the published limits a site's output must fit to be deployed there whole. */
export interface HostLimits {
  maxFiles?: number;
  maxBytes?: number;
  maxFileBytes?: number;
}

/**
 * The hosts an owner can name (`host`, DAILY_PAPERS_HOST): each with its limits as its
 * documentation gives them (docs/deploy.md) and the files it reads besides the pages
 * (src/headers/host-files.ts). Netlify, Vercel, a server and object storage publish no limit a
 * site of papers comes near, so none is checked for them.
 */
export const HOSTS = {
  'cloudflare-free': { name: 'Cloudflare Pages, free plan', limits: { maxFiles: 20_000, maxFileBytes: 25 * 2 ** 20 } },
  'cloudflare-paid': { name: 'Cloudflare Pages, paid plan', limits: { maxFiles: 100_000, maxFileBytes: 25 * 2 ** 20 } },
  'github-pages': { name: 'GitHub Pages', limits: { maxBytes: 1e9 } },
  netlify: { name: 'Netlify', limits: {} },
  vercel: { name: 'Vercel', limits: {} },
  nginx: { name: 'nginx', limits: {} },
  s3: { name: 'object storage (S3, R2, MinIO)', limits: {} },
} as const satisfies Record<string, { name: string; limits: HostLimits }>;

export type HostName = keyof typeof HOSTS;
export const HOST_NAMES = Object.keys(HOSTS) as HostName[];

/** The hosts with limits to check: those the build warns of when no host is named. */
export const LIMITED_HOSTS = HOST_NAMES.filter((host) => Object.keys(HOSTS[host].limits).length > 0);

const count = (value: number) => value.toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Each limit of `host` the output is over, said with the limit and the figure; none when it fits. */
export function overHostLimits(host: HostName, output: Pick<OutputBreakdown, 'files' | 'bytes' | 'largestFile'>): string[] {
  const { name, limits }: { name: string; limits: HostLimits } = HOSTS[host];
  const over: string[] = [];
  if (limits.maxFiles !== undefined && output.files > limits.maxFiles) over.push(`${name} takes at most ${count(limits.maxFiles)} files; the site has ${count(output.files)}`);
  if (limits.maxBytes !== undefined && output.bytes > limits.maxBytes) over.push(`${name} takes at most ${megabytes(limits.maxBytes)} in all; the site has ${megabytes(output.bytes)}`);
  if (limits.maxFileBytes !== undefined && output.largestFile.bytes > limits.maxFileBytes) over.push(`${name} takes no file over ${megabytes(limits.maxFileBytes)}; ${output.largestFile.path} has ${megabytes(output.largestFile.bytes)}`);
  return over;
}
