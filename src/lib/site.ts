import { siteSettings } from '../config/site-settings.ts';

/** What the site says about itself: the owner's title and description, or ours. */
export const site = {
  get title() {
    return siteSettings().title;
  },
  get description() {
    return siteSettings().description;
  },
  /** Papers on a week's or month's page: its most upvoted (its days' pages list the others). */
  pageSize: 30,
  /**
   * How many of the newest days have an e-mail digest page (src/digest/) and a file of their own
   * in the open data; every day is also in its month's file (docs/performance.md).
   */
  recentDays: 30,
  /** Papers per page on organization and topic pages, which list each in one line (PaperRow). */
  rowPageSize: 100,
  /**
   * Papers per page of a day. A Hugging Face day has at most 50; an arXiv listing day can have
   * 500 and more, which on one page would pass the 60 KB a day page may weigh.
   */
  dayPageSize: 100,
  /**
   * Papers per search-index shard (src/lib/search-shards.ts): the newest shard is what a first
   * query loads before it shows results, so this bounds a first query's cost on any archive.
   */
  get searchShardSize() {
    return siteSettings().searchShardSize;
  },
  /** The owner's newsletter sign-up form (newsletterUrl, NEWSLETTER_URL), if there is one. */
  get newsletterUrl() {
    return siteSettings().newsletterUrl;
  },
};
