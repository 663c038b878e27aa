import { getSiteIndex } from './collection.ts';

/** One route per day with papers, under the parameter `day`, the day's listing as a prop: day pages, digests, open data. */
export async function dayPaths() {
  return (await getSiteIndex()).days.map((listing) => ({ params: { day: listing.key }, props: { listing } }));
}

/** One route per organization, under `org`, its listing as a prop. */
export async function organizationPaths() {
  return (await getSiteIndex()).organizations.map((listing) => ({ params: { org: listing.slug }, props: { listing } }));
}

/** One route per topic, under `topic`, the topic as a prop. */
export async function topicPaths() {
  return (await getSiteIndex()).topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic } }));
}
