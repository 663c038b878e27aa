import { groupKey } from './cache-keys.ts';
import { monthOf } from './dates.ts';
import { getSiteIndex } from './collection.ts';
import { site } from './site.ts';

// Each page here shows its group and the group's papers (a feed shows the newest of them), so its
// key covers them all (src/lib/cache-keys.ts).

/** One route per day with papers, under the parameter `day`, the day's listing as a prop: day pages, digests, open data. */
export async function dayPaths() {
  const index = await getSiteIndex();
  return index.days.map((listing) => ({ params: { day: listing.key }, props: { listing }, cacheKey: groupKey('day', listing, listing.papers, index) }));
}

/**
 * The newest days' routes, for what serves the days as they come: their e-mail digests (for
 * pasting into the day's campaign; `npm run digest -- --date D` still makes any day's) and their
 * open-data files (a month's file holds every day). Older ones would only weigh on the site
 * (docs/performance.md).
 */
export async function recentDayPaths() {
  return newestDays(await dayPaths());
}

/** The newest `site.recentDays` of a list of days, oldest first: those with a digest and a data file of their own. */
export function newestDays<T>(days: readonly T[]): T[] {
  return days.slice(-site.recentDays);
}

/** One route per month with papers, under `month`, the month's listing and its days' as props: the open data's month files. */
export async function monthPaths() {
  const index = await getSiteIndex();
  return index.months.map((listing) => ({
    params: { month: listing.key },
    props: { listing, days: index.days.filter((day) => monthOf(day.key) === listing.key) },
    // Its days' papers are all the month's papers, so the month's key covers them.
    cacheKey: groupKey('month-data', listing, listing.papers, index),
  }));
}

/** One route per organization, under `org`, its listing as a prop. */
export async function organizationPaths() {
  const index = await getSiteIndex();
  return index.organizations.map((listing) => ({ params: { org: listing.slug }, props: { listing }, cacheKey: groupKey('org', listing, listing.papers, index) }));
}

/** One route per topic, under `topic`, the topic as a prop. */
export async function topicPaths() {
  const index = await getSiteIndex();
  return index.topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic }, cacheKey: groupKey('topic', topic, topic.papers, index) }));
}
