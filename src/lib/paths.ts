import { siteSettings } from '../config/site-settings.ts';
import { formatSearchState, type SearchState } from './search-keys.ts';
import { paperSlug } from './slugs.ts';

/**
 * Every URL of the site is built here, under the configured base path, so the site works at a
 * domain root and under a sub-path alike. Paths mirror huggingface.co/papers.
 * The base comes from the settings, as astro.config.mjs reads them, in the build and in scripts
 * run by Node alone (the digest) alike. Not from Astro's environment object: a module that reads
 * that object whole gets every environment variable whose name its text contains written into
 * its code, `_` (the shell's last command) among them, so a build started another way changed
 * every page's code hash and Astro rendered every page again instead of keeping it.
 */
function withBase(path: string): string {
  // The settings' schema gives the base with a slash at each end (src/schema/settings.ts).
  return siteSettings().basePath + path;
}

export const paths = {
  home: () => withBase(''),
  latest: () => withBase('papers/'),
  /** A day's page; its later pages, when it has more papers than fit on one, at `2/`, `3/`... */
  day: (day: string, page = 1) => withBase(`papers/date/${day}/${page > 1 ? `${page}/` : ''}`),
  week: (week: string) => withBase(`papers/week/${week}/`),
  month: (month: string) => withBase(`papers/month/${month}/`),
  paper: (id: string) => withBase(`papers/${paperSlug(id)}/`),
  archive: () => withBase('archive/'),
  organizations: () => withBase('orgs/'),
  organization: (slug: string) => withBase(`orgs/${encodeURIComponent(slug)}/`),
  topics: () => withBase('topics/'),
  topic: (slug: string) => withBase(`topics/${encodeURIComponent(slug)}/`),
  search: (query?: string) => withBase('search/') + (query ? `?q=${encodeURIComponent(query)}` : ''),
  /** A search as a shareable URL: what a keyword without a topic page, or a whole month, leads to. */
  searchFor: (state: SearchState) => withBase('search/') + formatSearchState(state),
  /** The site's feeds, and one RSS feed per organization and per topic. */
  rss: () => withBase('rss.xml'),
  atom: () => withBase('atom.xml'),
  jsonFeed: () => withBase('feed.json'),
  organizationFeed: (slug: string) => withBase(`orgs/${encodeURIComponent(slug)}/rss.xml`),
  topicFeed: (slug: string) => withBase(`topics/${encodeURIComponent(slug)}/rss.xml`),
  /** A day's email digest, as HTML and as plain text. */
  digest: (day: string, format: 'html' | 'txt') => withBase(`digest/${day}.${format}`),
  /** Open data: the list of days and months, each month's records, and each of the newest days'. */
  dataIndex: () => withBase('data/index.json'),
  dataMonth: (month: string) => withBase(`data/months/${month}.json.gz`),
  dataDay: (day: string) => withBase(`data/days/${day}.json`),
  sitemap: () => withBase('sitemap-index.xml'),
  /** A file of `public/`. */
  asset: (file: string) => withBase(file),
  /** The Pagefind bundle the build writes for a shard of the search index (src/lib/search-shards.ts). */
  searchShard: (shard: string) => withBase(`pagefind/${shard}/`),
  /** The sort table sorted searches load (src/lib/search-sorts.ts). */
  searchSorts: () => withBase('search/sorts.json'),
};

/**
 * The file a build writes for a path of `paths` (or a request's pathname): without the base, each
 * segment decoded as `paths` encoded it (encodeURIComponent: a `+` or `#` in a name comes back too,
 * as Astro writes the route's parameter), a folder's being its `index.html` (trailingSlash: 'always').
 */
export function outputFile(path: string): string {
  const base = siteSettings().basePath;
  const file = (path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '')).split('/').map(decodeURIComponent).join('/');
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

/** Links off the site, for a paper. */
export const externalLinks = {
  arxivAbstract: (id: string) => `https://arxiv.org/abs/${id}`,
  arxivPdf: (id: string) => `https://arxiv.org/pdf/${id}`,
  huggingFace: (id: string) => `https://huggingface.co/papers/${id}`,
  /** The paper's comments on Hugging Face, at the foot of its page there. */
  huggingFaceDiscussion: (id: string) => `https://huggingface.co/papers/${id}#community`,
};

/** Whether a paper has a page on Hugging Face: only papers that were on its list do. */
export function isOnHuggingFace(paper: { sources: readonly string[] }): boolean {
  return paper.sources.some((source) => source.startsWith('hf-'));
}
