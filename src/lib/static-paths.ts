import { groupKey } from './cache-keys.ts';
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
 * The newest days' routes, for their e-mail digests: a digest is for pasting into the day's
 * campaign, so older ones would only weigh on the site (docs/performance.md); `npm run digest --
 * --date D` still makes any day's.
 */
export async function recentDayPaths() {
  return (await dayPaths()).slice(-site.digestDays);
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
