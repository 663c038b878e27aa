import { z } from 'astro/zod';
import { basePath, folder, hostName, shardSize, siteOrigin, webAddress } from './settings.ts';

/**
 * The optional config file, `daily-papers.config.json` at the project's root: what an owner
 * commits about the site. Every key is optional; an environment variable, where there is one,
 * overrides its key (src/config/site-settings.ts). Secrets never go here: the SMTP settings are
 * read from the environment only. Unknown keys are refused, so a misspelt one is not ignored.
 */
export const siteConfigFileSchema = z.strictObject({
  /** A link to a JSON schema, for editors; not read. */
  $schema: z.string().optional(),
  /** The site's address, its origin only: `https://papers.example.org` (SITE_URL). */
  siteUrl: siteOrigin.optional(),
  /** The sub-path the site is served under, `/daily/` (BASE_PATH); `/` by default. */
  basePath: basePath.optional(),
  /** The site's name, in every page's header and title, the feeds and the digest. */
  title: z.string().trim().min(1, 'expected a title').optional(),
  /** One sentence about the site: the home page's description, and link previews'. */
  description: z.string().trim().min(1, 'expected a sentence').optional(),
  /** The owner's newsletter sign-up form, an http(s) address (NEWSLETTER_URL). */
  newsletterUrl: webAddress.optional(),
  /** The collection the site is built from, relative to the project folder (PAPERS_DIR); `content/papers` by default. */
  papersDir: folder.optional(),
  /** Owners' notes on papers, relative to the project folder (NOTES_DIR); `content/notes` by default. */
  notesDir: folder.optional(),
  /**
   * Whether raw HTML in owners' notes is rendered; off by default, when a note shows its HTML as
   * text. In the file only: what an owner trusts their notes with is committed, not set per shell.
   */
  notesAllowHtml: z.boolean().optional(),
  /** Papers per shard of the search index (SEARCH_SHARD_SIZE); 3,000 by default. */
  searchShardSize: shardSize.optional(),
  /** Where a build keeps what the next one reuses: pages and search shards unchanged since (CACHE_DIR); `node_modules/.astro` by default. */
  cacheDir: folder.optional(),
  /** The host the site is built for (DAILY_PAPERS_HOST): the build writes the files it reads and fails when the site is over its limits. */
  host: hostName.optional(),
});

export type SiteConfigFile = z.infer<typeof siteConfigFileSchema>;
