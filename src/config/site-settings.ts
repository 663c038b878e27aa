import { relative, resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../ingest/diagnostics.ts';
import { readTextIfExists } from '../fs/files.ts';
import { readJson } from '../ingest/sources/json.ts';
import type { HostName } from '../lib/hosts.ts';
import { checkSettings, siteSettingsSchema } from '../schema/settings.ts';
import { siteConfigFileSchema, type SiteConfigFile } from '../schema/site-config.ts';

/** The config file's name, looked for in the project folder; DAILY_PAPERS_CONFIG names another. */
export const CONFIG_FILE = 'daily-papers.config.json';

/** Everything the build and the commands know about the site, from the config file and the environment. */
export interface SiteSettings {
  /** The site's origin, `https://papers.example.org`, if the owner gave it. */
  siteUrl?: string;
  /** `/`, or a sub-path with a slash at each end: `/daily/`. */
  basePath: string;
  title: string;
  description: string;
  newsletterUrl?: string;
  papersDir: string;
  notesDir: string;
  /** Whether raw HTML in a note is rendered, rather than shown as text (src/markdown/raw-html.ts). */
  notesAllowHtml: boolean;
  /** Papers per shard of the search index (src/lib/search-shards.ts). */
  searchShardSize: number;
  /** Where a build keeps what the next one reuses (Astro's cacheDir; the search shards' too). */
  cacheDir: string;
  /** The host the site is built for, if the owner named one (src/lib/hosts.ts). */
  host?: HostName;
}

const DEFAULTS = {
  basePath: '/',
  title: 'Daily Papers',
  description: 'Trending research papers, day by day, with search that runs in your browser.',
  papersDir: 'content/papers',
  notesDir: 'content/notes',
  notesAllowHtml: false,
  searchShardSize: 3000,
  cacheDir: 'node_modules/.astro',
};

let current: SiteSettings | undefined;

/**
 * This process's settings, read on first use rather than on import, so that a command can check
 * them and report every problem before any module needs them.
 */
export function siteSettings(): SiteSettings {
  current ??= readSiteSettings();
  return current;
}

/**
 * The one place settings are read: the config file (optional), then the environment, whose
 * variables override the file's keys. Every problem of both is reported at once, the file's as
 * `file:line:column  error  field  message` and the environment's as `VARIABLE: message`.
 */
export function readSiteSettings(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): SiteSettings {
  const checked = checkSiteSettings(env, cwd);
  if ('problems' in checked) throw new Error(`invalid site settings:\n  ${checked.problems.join('\n  ')}`);
  return checked.settings;
}

/** The settings, or every problem found in the config file and the environment. */
export function checkSiteSettings(env: Record<string, string | undefined>, cwd: string): { settings: SiteSettings } | { problems: string[] } {
  const file = readConfigFile(env.DAILY_PAPERS_CONFIG, cwd);
  const environment = checkSettings(siteSettingsSchema, env);
  if ('problems' in file || 'problems' in environment) return { problems: [...('problems' in file ? file.problems : []), ...('problems' in environment ? environment.problems : [])] };
  const config = file.config;
  const vars = environment.data;
  return {
    settings: {
    siteUrl: vars.SITE_URL ?? config.siteUrl,
    basePath: vars.BASE_PATH ?? config.basePath ?? DEFAULTS.basePath,
    title: config.title ?? DEFAULTS.title,
    description: config.description ?? DEFAULTS.description,
    newsletterUrl: vars.NEWSLETTER_URL ?? config.newsletterUrl,
    papersDir: vars.PAPERS_DIR ?? config.papersDir ?? DEFAULTS.papersDir,
    notesDir: vars.NOTES_DIR ?? config.notesDir ?? DEFAULTS.notesDir,
    notesAllowHtml: config.notesAllowHtml ?? DEFAULTS.notesAllowHtml,
    searchShardSize: vars.SEARCH_SHARD_SIZE ?? config.searchShardSize ?? DEFAULTS.searchShardSize,
    cacheDir: vars.CACHE_DIR ?? config.cacheDir ?? DEFAULTS.cacheDir,
    host: vars.DAILY_PAPERS_HOST ?? config.host,
    },
  };
}

/** The config file's settings: none when the default file is absent; a problem when a named one is. */
function readConfigFile(named: string | undefined, cwd: string): { config: SiteConfigFile } | { problems: string[] } {
  const path = resolve(cwd, named || CONFIG_FILE);
  const name = relative(cwd, path).startsWith('..') ? path : relative(cwd, path);
  const text = readTextIfExists(path);
  if (text === undefined) return named ? { problems: [`DAILY_PAPERS_CONFIG: no such file: ${name}`] } : { config: {} };
  const { records, diagnostics } = readJson(text, name);
  const record = records[0];
  if (diagnostics.length > 0 || !record) return { problems: diagnostics.map(formatDiagnostic) };
  if (records.length > 1 || typeof record.value !== 'object' || record.value === null) return { problems: [`${name}:1:1  error  -  expected a JSON object of settings`] };
  const parsed = siteConfigFileSchema.safeParse(record.value);
  if (parsed.success) return { config: parsed.data };
  const at = (path: PropertyKey[], message: string): Diagnostic => ({ file: name, ...record.locate(path), severity: 'error', field: path.join('.') || '-', message });
  const problems = parsed.error.issues.flatMap((issue) =>
    // An unknown key is reported where it is, with the keys that exist: it is most often a typo.
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => at([key], `unknown setting; the settings are ${Object.keys(siteConfigFileSchema.shape).filter((k) => k !== '$schema').join(', ')}`)) : [at(issue.path, issue.message)],
  );
  return { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column).map(formatDiagnostic) };
}
