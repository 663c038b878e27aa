import type { APIRoute } from 'astro';
import { cacheKey } from '../../../lib/cache-keys.ts';
import { getSiteIndex } from '../../../lib/collection.ts';
import { paths } from '../../../lib/paths.ts';
import { redirectPage } from '../../../lib/redirect-page.ts';

/**
 * The old page of a spelling now merged into another topic (`/topics/large-language-models/` ->
 * `/topics/large-language-model/`, src/lib/topics.ts): a page that leads there, so links to it
 * keep working on any static host. An endpoint, not a page: no sitemap lists it.
 */
export async function getStaticPaths() {
  const index = await getSiteIndex();
  return [...index.topicRedirects].map(([alias, { slug, label }]) => ({ params: { topic: alias }, props: { slug, label }, cacheKey: cacheKey('topic-redirect', alias, slug, label) }));
}

export const GET: APIRoute = ({ props, site }) => {
  const { slug, label } = props as { slug: string; label: string };
  return new Response(redirectPage({ title: `Papers on ${label}`, to: paths.topic(slug), site }), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
