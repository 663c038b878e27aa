import { readSettings, siteSettingsSchema } from '../schema/settings.ts';

const settings = readSettings(siteSettingsSchema, process.env);

/** What the site says about itself. Owner-configurable settings arrive with the site config. */
export const site = {
  title: 'Daily Papers',
  description: 'Trending research papers, day by day, with search that runs in your browser.',
  /** Papers per page on week, month, organization and topic pages. */
  pageSize: 30,
  /**
   * Papers per page of a day. A Hugging Face day has at most 50; an arXiv listing day can have
   * 500 and more, which on one page would pass the 60 KB a day page may weigh.
   */
  dayPageSize: 100,
  /**
   * Papers per search-index shard (src/lib/search-shards.ts): the newest shard is what a first
   * query loads before it shows results, so this bounds a first query's cost on any archive.
   */
  searchShardSize: settings.SEARCH_SHARD_SIZE ?? 3000,
  /** The owner's newsletter sign-up form (NEWSLETTER_URL), if there is one. */
  newsletterUrl: settings.NEWSLETTER_URL,
};
